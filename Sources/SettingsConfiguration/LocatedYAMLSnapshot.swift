public import Configuration
public import Settings

/// A YAML file for swift-configuration, read by this package's libyaml reader: nested mappings
/// become dotted keys (`pixel:` / `apiTimeout: 20` is `pixel.apiTimeout`), and every value keeps
/// the line and column it came from.
///
/// Compared with swift-configuration's `YAMLSnapshot`, it needs no YAML package of its own (it
/// uses the system libyaml the `Settings` module already links) and reads settings files more
/// carefully:
/// - `null`, `~` and an empty value are absent, not the text `"null"`;
/// - a flat `a.b:` key that collides with a nested `a:` / `b:` is an error naming both places,
///   not a silent overwrite;
/// - duplicate keys, several documents, invalid UTF-8, deep nesting and alias bombs are located
///   errors;
/// - scalars are text until a type is asked for, then converted by the same rules as every
///   other source of this package (`012` is the integer 12, never octal; `on` and `yes` are
///   `true` only when a `bool` is asked for);
/// - a found key's `encodedKey` (shown by access reporters) is `pixel.apiTimeout (config.yaml:4:3)`.
///
/// ```swift
/// import Configuration
/// import SettingsConfiguration
///
/// let yaml = try await ReloadingFileProvider<LocatedYAMLSnapshot>(
///     filePath: "/etc/pixel/config.yaml", parsingOptions: .init(fileName: "config.yaml"))
/// let config = ConfigReader(providers: [EnvironmentVariablesProvider(), yaml])
/// ```
public struct LocatedYAMLSnapshot: FileConfigSnapshot {
    /// How the file is read.
    public struct ParsingOptions: FileParsingOptions {
        /// The name locations use (`config.yaml:4:3`); `nil` gives `4:3`.
        public var fileName: String?
        /// Which values are secret (redacted by access reporters and descriptions).
        public var secretsSpecifier: SecretsSpecifier<String, Void>
        /// How `bytes` values are decoded from text.
        public var bytesDecoder: any ConfigBytesFromStringDecoder
        /// Bounds that keep hostile input cheap to reject.
        public var limits: YAMLLimits

        /// Creates options.
        public init(
            fileName: String? = nil,
            secretsSpecifier: SecretsSpecifier<String, Void> = .none,
            bytesDecoder: any ConfigBytesFromStringDecoder = ConfigBytesFromBase64StringDecoder(),
            limits: YAMLLimits = YAMLLimits()
        ) {
            self.fileName = fileName
            self.secretsSpecifier = secretsSpecifier
            self.bytesDecoder = bytesDecoder
            self.limits = limits
        }

        /// No file name, no secrets, base64 bytes, default limits.
        public static var `default`: ParsingOptions { ParsingOptions() }
    }

    /// One flattened value.
    private struct Entry: Sendable {
        enum Content: Sendable {
            case scalar(String)
            case list([String])
        }

        var content: Content
        /// Where the key is written.
        var location: SourceLocation
        var isSecret: Bool
    }

    /// The name of the provider that read the file.
    public let providerName: String
    private let entries: [String: Entry]
    private let bytesDecoder: any ConfigBytesFromStringDecoder

    /// Parses YAML bytes; the root must be a mapping (or the document empty).
    ///
    /// - Throws: `SettingsFileError` with file:line:column for malformed YAML, a root that is not a
    ///   mapping, a list holding a mapping or a list, and a dotted key that collides with a
    ///   nested one.
    public init(data: RawSpan, providerName: String, parsingOptions: ParsingOptions) throws {
        let bytes = data.withUnsafeBytes { Array($0) }
        var entries: [String: Entry] = [:]
        if let root = try YAMLDocument.parseMapping(bytes, file: parsingOptions.fileName, limits: parsingOptions.limits) {
            try Self.flatten(root, prefix: [], into: &entries, secrets: parsingOptions.secretsSpecifier)
        }
        self.providerName = providerName
        self.entries = entries
        self.bytesDecoder = parsingOptions.bytesDecoder
    }

    private static func flatten(
        _ mapping: YAMLNode, prefix: [String], into entries: inout [String: Entry], secrets: SecretsSpecifier<String, Void>
    ) throws(SettingsFileError) {
        for entry in try mapping.requireMapping(what: "a mapping") {
            let path = prefix + [entry.key.scalarText ?? ""]
            let value = entry.value
            if value.isNull { continue }
            let content: Entry.Content
            switch value.kind {
            case .mapping:
                try flatten(value, prefix: path, into: &entries, secrets: secrets)
                continue
            case .scalar(let text, _):
                content = .scalar(text)
            case .sequence(let items):
                var texts: [String] = []
                for item in items {
                    guard let text = item.scalarText else {
                        throw SettingsFileError(
                            format: .yaml, message: "a list in a settings file holds scalars only, not a \(item.kindName)",
                            location: item.location)
                    }
                    texts.append(text)
                }
                content = .list(texts)
            }
            let key = path.joined(separator: ".")
            if let earlier = entries[key] {
                throw SettingsFileError(
                    format: .yaml, message: "the key \(key) is given twice (once with dots, once nested)",
                    location: entry.key.location, relatedLocation: earlier.location)
            }
            entries[key] = Entry(content: content, location: entry.key.location, isSecret: secrets.isSecret(key: key, value: ()))
        }
    }

    /// Where `key` is written in the file, or `nil` when the file lacks it.
    public func location(forKey key: AbsoluteConfigKey) -> SourceLocation? {
        entries[key.components.joined(separator: ".")]?.location
    }

    /// The number of keys with a value.
    public var count: Int { entries.count }
}

extension LocatedYAMLSnapshot: ConfigSnapshot {
    /// The value of `key` converted to `type`; a found key's `encodedKey` names its place.
    ///
    /// - Throws: ``LocatedConfigValueError`` when the value does not convert to `type` (a list
    ///   asked for as a scalar, a word asked for as an `int`).
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        let name = key.components.joined(separator: ".")
        guard let entry = entries[name] else { return LookupResult(encodedKey: name, value: nil) }
        guard let content = convert(entry.content, to: type) else {
            throw LocatedConfigValueError(key: name, type: type, location: entry.location)
        }
        return LookupResult(encodedKey: "\(name) (\(entry.location))", value: ConfigValue(content, isSecret: entry.isSecret))
    }

    private func convert(_ content: Entry.Content, to type: ConfigType) -> ConfigContent? {
        switch (content, type) {
        case (.scalar(let text), .string): .string(text)
        case (.scalar(let text), .int): integer(text).map(ConfigContent.int)
        case (.scalar(let text), .double): number(text).map(ConfigContent.double)
        case (.scalar(let text), .bool): boolean(text).map(ConfigContent.bool)
        case (.scalar(let text), .bytes): bytesDecoder.decode(text).map(ConfigContent.bytes)
        case (.list(let items), .stringArray): .stringArray(items)
        case (.list(let items), .intArray): all(items, integer).map(ConfigContent.intArray)
        case (.list(let items), .doubleArray): all(items, number).map(ConfigContent.doubleArray)
        case (.list(let items), .boolArray): all(items, boolean).map(ConfigContent.boolArray)
        case (.list(let items), .byteChunkArray): all(items) { bytesDecoder.decode($0) }.map(ConfigContent.byteChunkArray)
        default: nil
        }
    }

    private func integer(_ text: String) -> Int? {
        if case .int(let value)? = SettingType.int.convert(text) { return value }
        return nil
    }

    private func number(_ text: String) -> Double? {
        if case .double(let value)? = SettingType.double.convert(text) { return value }
        return nil
    }

    private func boolean(_ text: String) -> Bool? {
        if case .bool(let value)? = SettingType.bool.convert(text) { return value }
        return nil
    }

    private func all<T>(_ items: [String], _ transform: (String) -> T?) -> [T]? {
        var result: [T] = []
        for item in items {
            guard let value = transform(item) else { return nil }
            result.append(value)
        }
        return result
    }
}

extension LocatedYAMLSnapshot: CustomStringConvertible, CustomDebugStringConvertible {
    /// `ReloadingFileProvider<LocatedYAMLSnapshot>[3 values]`: never a value.
    public var description: String { "\(providerName)[\(count) values]" }

    /// Every key with its location and value, secrets shown as `<REDACTED>`.
    public var debugDescription: String {
        let shown = entries.keys.sorted().compactMap { key -> String? in
            guard let entry = entries[key] else { return nil }
            let value: String
            switch entry.content {
            case _ where entry.isSecret: value = "<REDACTED>"
            case .scalar(let text): value = text
            case .list(let items): value = "[" + items.joined(separator: ", ") + "]"
            }
            return "\(key)@\(entry.location)=\(value)"
        }
        return "\(providerName)[\(count) values: \(shown.joined(separator: ", "))]"
    }
}

public import Configuration
import Foundation
public import Settings

/// A `.env` file for swift-configuration, read with python-dotenv 1.2.2's grammar, each value
/// keeping the line and column it came from.
///
/// swift-configuration's own `EnvironmentVariablesProvider(environmentFilePath:)` splits lines at
/// `=` and keeps everything else: quotes stay in values, `export` becomes part of the key, inline
/// comments become part of the value and a CRLF file reads as one line. Use this snapshot with
/// `FileProvider` or `ReloadingFileProvider` to read the same file the way python-dotenv (and
/// this package's own settings resolution) does: quotes and escapes, `export`, inline comments,
/// multi-line values, `${VAR}` and `${VAR:-default}` interpolation, any line ending.
///
/// ```swift
/// import Configuration
/// import SettingsConfiguration
///
/// let dotEnv = try await FileProvider<DotEnvSnapshot>(
///     filePath: ".env", allowMissing: true, parsingOptions: .init(fileName: ".env"))
/// let config = ConfigReader(providers: [EnvironmentVariablesProvider(), dotEnv])
/// let username = config.string(forKey: "pixel.username")   // PIXEL_USERNAME in .env
/// ```
///
/// Keys are looked up as `EnvironmentVariablesProvider` looks them up (`pixel.apiTimeout` →
/// `PIXEL_API_TIMEOUT`) and values convert by its rules, so the two are interchangeable. What
/// this one adds is where a value came from: a found key's `encodedKey` (shown by access
/// reporters) is `PIXEL_API_TIMEOUT (.env:3:1)`, ``location(forKey:)`` returns the place, and a
/// value that does not convert throws an error naming it. Statements python-dotenv would skip
/// are skipped and listed in ``warnings``; in `DotEnvMode.strict` mode they make the
/// file fail to load with a located `SettingsFileError` instead (a `ReloadingFileProvider` then
/// keeps its last good snapshot).
public struct DotEnvSnapshot: FileConfigSnapshot {
    /// How the file is read.
    public struct ParsingOptions: FileParsingOptions {
        /// The name locations use (`.env:3:1`); `nil` gives `3:1`.
        public var fileName: String?
        /// python-dotenv 1.2.2 (`.compat`) or the strict variant.
        public var mode: DotEnvMode
        /// Expand `${VAR}` and `${VAR:-default}`, as python-dotenv does by default.
        public var interpolate: Bool
        /// The variables interpolation sees besides the file's own keys; `nil` = the process
        /// environment when the file is read.
        public var environment: [String: String]?
        /// Which values are secret (redacted by access reporters and descriptions).
        public var secretsSpecifier: SecretsSpecifier<String, String>
        /// How `bytes` values are decoded from text.
        public var bytesDecoder: any ConfigBytesFromStringDecoder
        /// The separator of array values.
        public var arraySeparator: Character

        /// Creates options; the defaults read the file as python-dotenv's `dotenv_values()` does.
        public init(
            fileName: String? = nil,
            mode: DotEnvMode = .compat,
            interpolate: Bool = true,
            environment: [String: String]? = nil,
            secretsSpecifier: SecretsSpecifier<String, String> = .none,
            bytesDecoder: any ConfigBytesFromStringDecoder = ConfigBytesFromBase64StringDecoder(),
            arraySeparator: Character = ","
        ) {
            self.fileName = fileName
            self.mode = mode
            self.interpolate = interpolate
            self.environment = environment
            self.secretsSpecifier = secretsSpecifier
            self.bytesDecoder = bytesDecoder
            self.arraySeparator = arraySeparator
        }

        /// python-dotenv's `dotenv_values()` with the process environment.
        public static var `default`: ParsingOptions { ParsingOptions() }
    }

    /// The name of the provider that read the file.
    public let providerName: String
    /// Statements skipped in compat mode (never containing a value).
    public let warnings: [DotEnvWarning]
    /// The file's keys and values, looked up and converted as environment variables are.
    private let values: EnvironmentVariablesProvider
    /// Where each key's winning binding starts, by key as written.
    private let locations: [String: SourceLocation]
    /// Where each key's winning value starts, for conversion errors.
    private let valueLocations: [String: SourceLocation]
    /// `KEY@place=value` for ``debugDescription``, secrets already redacted.
    private let debugEntries: [String]

    /// Parses `.env` bytes.
    ///
    /// - Throws: `SettingsFileError` with file:line:column in strict mode for a malformed statement.
    public init(data: RawSpan, providerName: String, parsingOptions: ParsingOptions) throws {
        let bytes = data.withUnsafeBytes { Array($0) }
        let environment = parsingOptions.environment ?? ProcessInfo.processInfo.environment
        let document = try DotEnv.parse(
            String(decoding: bytes, as: UTF8.self), file: parsingOptions.fileName, mode: parsingOptions.mode,
            interpolate: parsingOptions.interpolate, environment: { environment[$0] })
        var variables: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        var valueLocations: [String: SourceLocation] = [:]
        for binding in document.bindings {
            // The last binding wins; a key written without `=` is absent (python-dotenv's None).
            guard let value = binding.value else {
                variables[binding.key] = nil
                locations[binding.key] = nil
                valueLocations[binding.key] = nil
                continue
            }
            variables[binding.key] = value
            locations[binding.key] = binding.keyLocation
            valueLocations[binding.key] = binding.valueLocation ?? binding.keyLocation
        }
        self.providerName = providerName
        self.warnings = document.warnings
        self.values = EnvironmentVariablesProvider(
            environmentVariables: variables, secretsSpecifier: parsingOptions.secretsSpecifier,
            bytesDecoder: parsingOptions.bytesDecoder, arraySeparator: parsingOptions.arraySeparator)
        self.locations = locations
        self.valueLocations = valueLocations
        self.debugEntries = variables.keys.sorted().compactMap { name in
            guard let value = variables[name], let location = locations[name] else { return nil }
            let shown = parsingOptions.secretsSpecifier.isSecret(key: name, value: value) ? "<REDACTED>" : value
            return "\(name)@\(location)=\(shown)"
        }
    }

    /// Where the binding of `key` starts in the file (`.env:3:1`), or `nil` when the file lacks it.
    public func location(forKey key: AbsoluteConfigKey) -> SourceLocation? {
        guard let name = try? values.value(forKey: key, type: .string).encodedKey else { return nil }
        return locations[name]
    }

    /// The number of keys with a value.
    public var count: Int { locations.count }
}

extension DotEnvSnapshot: ConfigSnapshot {
    /// The value of `key` (`pixel.apiTimeout` is the file's `PIXEL_API_TIMEOUT`) converted to
    /// `type`; a found key's `encodedKey` names its place, `PIXEL_API_TIMEOUT (.env:3:1)`.
    ///
    /// - Throws: ``LocatedConfigValueError`` when the value does not convert to `type`.
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        do {
            var result = try values.value(forKey: key, type: type)
            if result.value != nil, let location = locations[result.encodedKey] {
                result.encodedKey = "\(result.encodedKey) (\(location))"
            }
            return result
        } catch {
            let name = (try? values.value(forKey: key, type: .string).encodedKey) ?? key.description
            guard let location = valueLocations[name] else { throw error }
            throw LocatedConfigValueError(key: name, type: type, location: location)
        }
    }
}

extension DotEnvSnapshot: CustomStringConvertible, CustomDebugStringConvertible {
    /// `FileProvider<DotEnvSnapshot>[3 values]`: never a value.
    public var description: String { "\(providerName)[\(count) values]" }

    /// Every key with its location and value, secrets shown as `<REDACTED>`.
    public var debugDescription: String {
        "\(providerName)[\(count) values: \(debugEntries.joined(separator: ", "))]"
    }
}

/// How strictly a `.env` file is read.
public enum DotEnvMode: Sendable, Hashable {
    /// Exactly python-dotenv 1.2.2's `dotenv_values`: bad statements are skipped with a warning.
    /// The one deliberate difference: a leading byte-order mark is stripped (upstream main does too).
    case compat
    /// The same grammar with the traps removed:
    /// - a malformed statement throws ``SettingsFileError`` at the offending line:column;
    /// - a double-quoted key (`"A"=1`) is an error instead of a key with quotes in it;
    /// - a backslash always pairs with the character it escapes, so `'C:\'` and `"a\"` end where
    ///   they appear to, and a missing closing quote is an error;
    /// - `KEY= #note` is an empty value and a comment (with a warning), not the value `#note`;
    /// - single-quoted values are never interpolated; `$$` is a literal `$`; a malformed or nested
    ///   `${…}` is an error;
    /// - CR and CRLF inside quoted values become LF.
    case strict
}

/// One `KEY=value` statement of a `.env` file.
public struct DotEnvBinding: Sendable, Hashable {
    /// The key as written (after `export`, quotes removed for single-quoted keys).
    public var key: String
    /// The value after unquoting, escapes and interpolation; `nil` for a key written without `=`.
    public var value: String?
    /// Where the key starts.
    public var keyLocation: SourceLocation
    /// Where the value starts (the opening quote for quoted values); `nil` without `=`.
    public var valueLocation: SourceLocation?

    /// Creates a binding.
    public init(key: String, value: String?, keyLocation: SourceLocation, valueLocation: SourceLocation?) {
        self.key = key
        self.value = value
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
    }
}

/// A problem that did not stop the parse: a statement skipped in compat mode, or in strict mode a
/// `KEY= #comment` read as an empty value.
public struct DotEnvWarning: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong (never contains a value).
    public var message: String
    /// For a skipped statement: where it starts in python-dotenv's line numbering (the first blank
    /// line before it, column 1). python-dotenv counts a CRLF twice after skipping a bad CRLF line,
    /// and this line number does so too. For other warnings: the place itself.
    public var location: SourceLocation
    /// The physical line:column of the character that made the statement unreadable.
    public var offendingLocation: SourceLocation?

    /// Creates a warning.
    public init(message: String, location: SourceLocation, offendingLocation: SourceLocation? = nil) {
        self.message = message
        self.location = location
        self.offendingLocation = offendingLocation
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}

/// The parsed content of a `.env` file.
public struct DotEnvDocument: Sendable, Hashable {
    /// Every binding in file order; duplicates kept (the last one wins in ``values``).
    public var bindings: [DotEnvBinding]
    /// Statements skipped in compat mode.
    public var warnings: [DotEnvWarning]
    /// Names looked up in the environment during interpolation (for change detection).
    public var referencedEnvironmentNames: Set<String>

    /// Creates a document.
    public init(bindings: [DotEnvBinding], warnings: [DotEnvWarning], referencedEnvironmentNames: Set<String>) {
        self.bindings = bindings
        self.warnings = warnings
        self.referencedEnvironmentNames = referencedEnvironmentNames
    }

    /// The resulting mapping in first-seen key order, the last binding of a key winning —
    /// `dotenv_values()` in compat mode.
    public var values: [(key: String, value: String?)] {
        var order: [String] = []
        var latest: [String: String?] = [:]
        for binding in bindings {
            if latest[binding.key] == nil { order.append(binding.key) }
            latest[binding.key] = .some(binding.value)
        }
        return order.map { key in (key, latest[key] ?? nil) }
    }
}

/// The `.env` reader: python-dotenv 1.2.2's grammar (``DotEnvMode/compat``) or a strict variant.
///
/// ```swift
/// let document = try DotEnv.parse(
///     "export PIXEL_TENANT=acme  # comment\nURL=\"https://${HOST:-localhost}/\"\n",
///     file: ".env",
///     environment: { ProcessInfo.processInfo.environment[$0] })
/// document.values      // [("PIXEL_TENANT", "acme"), ("URL", "https://localhost/")]
/// document.bindings[1].valueLocation  // .env:2:5
/// document.referencedEnvironmentNames // ["HOST"]
/// ```
///
/// The parser works on the UTF-8 bytes (no `Character`s, no regular expressions); columns count
/// Unicode scalars. Lines end at LF, CR or CRLF.
public enum DotEnv {
    /// The most text, in bytes, that `${…}` references may add to one file's values together.
    /// Real files add a few paths and host names; a file that references its own earlier keys
    /// over and over to grow exponentially (which python-dotenv expands until memory runs out)
    /// fails with a located ``SettingsFileError`` instead, in both modes.
    public static let maxInterpolatedBytes = 1 << 20

    /// Parses `.env` text.
    ///
    /// Interpolation follows `dotenv_values()`: one pass from top to bottom, a name resolves to the
    /// value of an earlier key of the same text (a key written without `=` resolves to `""`), else
    /// to `environment`, else to the default or `""`. Every name handed to `environment` is listed in
    /// ``DotEnvDocument/referencedEnvironmentNames``.
    ///
    /// - Parameters:
    ///   - text: the file's content (a leading BOM is stripped).
    ///   - file: the path to name in locations, or `nil`.
    ///   - mode: compat (python-dotenv 1.2.2) or strict.
    ///   - interpolate: expand `${VAR}` and `${VAR:-default}` (with `false`, `$` is never special).
    ///   - universalNewlines: turn CR and CRLF inside quoted values into LF, as Python does when it
    ///     reads a file (`dotenv_values(path)`, which pydantic-settings uses); `false` gives
    ///     `dotenv_values(stream=StringIO(text))`. Strict mode always does it.
    ///   - environment: looks up a variable of the process environment for interpolation.
    /// - Throws: ``SettingsFileError`` in strict mode for a malformed statement, and in both
    ///   modes when interpolation would add more than ``maxInterpolatedBytes``.
    public static func parse(
        _ text: String,
        file: String? = nil,
        mode: DotEnvMode = .compat,
        interpolate: Bool = true,
        universalNewlines: Bool = false,
        environment: (String) -> String? = { _ in nil }
    ) throws(SettingsFileError) -> DotEnvDocument {
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> Result<DotEnvDocument, SettingsFileError> in
            parse(buffer: bytes, file: file, mode: mode, interpolate: interpolate, universalNewlines: universalNewlines, environment: environment)
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(read) { return try result.get() }
        return try Array(text.utf8).withUnsafeBufferPointer(read).get()
    }

    /// Parses a file's bytes: UTF-8 text with an optional byte order mark.
    ///
    /// Bytes that are not UTF-8 are an error in both modes, as they are for python-dotenv (which
    /// raises `UnicodeDecodeError`); decoding them with replacement characters would silently
    /// change a value.
    ///
    /// ```swift
    /// let bytes: [UInt8] = Array("PIXEL_USERNAME=".utf8) + [0xFF, 0xFE, 0x0A]
    /// do { _ = try DotEnv.parse(bytes: bytes, file: ".env") }
    /// catch { print(error) } // .env:1:16: the file is not valid UTF-8 (…); settings files must be UTF-8
    /// ```
    ///
    /// - Parameters: as for the text variant.
    /// - Throws: ``SettingsFileError`` at the line:column of the first byte that is not UTF-8, and
    ///   everything the text variant throws.
    public static func parse(
        bytes: [UInt8],
        file: String? = nil,
        mode: DotEnvMode = .compat,
        interpolate: Bool = true,
        universalNewlines: Bool = false,
        environment: (String) -> String? = { _ in nil }
    ) throws(SettingsFileError) -> DotEnvDocument {
        // ASCII bytes are parsed in place: they are UTF-8 as they stand, so the copy into a
        // String (and its validation) is skipped.
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<DotEnvDocument, SettingsFileError>? in
            guard isASCII(buffer) else { return nil }
            return parse(
                buffer: buffer, file: file, mode: mode, interpolate: interpolate, universalNewlines: universalNewlines,
                environment: environment)
        }
        if let result { return try result.get() }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw invalidUTF8(bytes, file: file) }
        return try parse(
            text, file: file, mode: mode, interpolate: interpolate, universalNewlines: universalNewlines, environment: environment)
    }

    /// The located error for bytes that `String(validating:)` refused.
    private static func invalidUTF8(_ bytes: [UInt8], file: String?) -> SettingsFileError {
        bytes.withUnsafeBufferPointer { buffer in
            let skipped = buffer.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            let text = UnsafeBufferPointer(rebasing: buffer[skipped...])
            let offset = InvalidUTF8.firstOffset(in: text) ?? 0
            return InvalidUTF8.error(
                format: .dotenv, detail: "a malformed byte sequence", offset: offset, in: text, skippedBytes: skipped, file: file)
        }
    }

    /// UTF-8's byte order mark, which is skipped at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func parse(
        buffer bytes: UnsafeBufferPointer<UInt8>, file: String?, mode: DotEnvMode, interpolate: Bool, universalNewlines: Bool,
        environment: (String) -> String?
    ) -> Result<DotEnvDocument, SettingsFileError> {
        var reader = DotEnvReader(file: file, mode: mode, interpolate: interpolate)
        guard universalNewlines || mode == .strict, bytes.contains(DotEnvByte.carriageReturn) else {
            return reader.read(bytes, environment: environment)
        }
        return translatingNewlines(bytes).withUnsafeBufferPointer { reader.read($0, environment: environment) }
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// CRLF and lone CR become LF; line numbers and columns stay the same.
    private static func translatingNewlines(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == DotEnvByte.carriageReturn {
                output.append(DotEnvByte.lineFeed)
                if index + 1 < bytes.count, bytes[index + 1] == DotEnvByte.lineFeed { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}

/// How strictly a `.env` file is read.
public enum DotEnvMode: Sendable, Hashable {
    /// Exactly python-dotenv 1.2.2's `dotenv_values`: bad statements are skipped with a warning.
    case compat
    /// Malformed statements are errors with file:line:column; single-quoted values are never
    /// interpolated; `$$` is a literal `$`.
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

/// A statement that was skipped in compat mode.
public struct DotEnvWarning: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public var message: String
    /// Where the skipped statement starts (python-dotenv's line numbering).
    public var location: SourceLocation

    /// Creates a warning.
    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
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

/// The `.env` reader. INTERFACE STUB — the parser lands with the dotenv work.
public enum DotEnv {
    /// Parses `.env` text.
    ///
    /// - Parameters:
    ///   - text: the file's content (a leading BOM is stripped).
    ///   - file: the path to name in locations, or `nil`.
    ///   - mode: compat (python-dotenv 1.2.2) or strict.
    ///   - interpolate: expand `${VAR}` and `${VAR:-default}`.
    ///   - environment: looks up a variable of the process environment for interpolation.
    /// - Throws: ``SettingsFileError`` in strict mode for a malformed statement.
    public static func parse(
        _ text: String,
        file: String? = nil,
        mode: DotEnvMode = .compat,
        interpolate: Bool = true,
        environment: (String) -> String? = { _ in nil }
    ) throws(SettingsFileError) -> DotEnvDocument {
        DotEnvDocument(bindings: [], warnings: [], referencedEnvironmentNames: [])
    }
}

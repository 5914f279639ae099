/// A malformed settings file: a `.env` statement in strict mode, or YAML that cannot be used.
///
/// It always names the file and the line:column where the problem is, and never contains a value
/// that could be a secret.
///
/// ```swift
/// do { _ = try DotEnv.parse("A B=1", file: ".env", mode: .strict) }
/// catch { print(error) } // ".env:1:3: …" — file:line:column, then what is wrong
/// ```
public struct SettingsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of file the problem is in.
    public enum Format: String, Sendable, Hashable {
        case dotenv, yaml
    }

    /// The kind of file.
    public var format: Format
    /// A sentence saying what is wrong, without secret values.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation
    /// A second place that matters, e.g. the first occurrence of a duplicate key.
    public var relatedLocation: SourceLocation?

    /// Creates an error.
    public init(format: Format, message: String, location: SourceLocation, relatedLocation: SourceLocation? = nil) {
        self.format = format
        self.message = message
        self.location = location
        self.relatedLocation = relatedLocation
    }

    /// `file:line:column: message`.
    public var description: String {
        "\(location): \(message)"
    }
}

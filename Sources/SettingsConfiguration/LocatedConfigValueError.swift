public import Configuration
public import Settings

/// A value that is in a settings file but is not of the type asked for, with the place it is
/// written. It never contains the value, which may be a secret.
///
/// ```swift
/// // .env:3:19: PIXEL_API_TIMEOUT cannot be read as int
/// ```
public struct LocatedConfigValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key as the file writes it (`PIXEL_API_TIMEOUT`, `pixel.apiTimeout`).
    public var key: String
    /// The type that was asked for.
    public var type: ConfigType
    /// Where the value is.
    public var location: SourceLocation

    /// Creates an error.
    public init(key: String, type: ConfigType, location: SourceLocation) {
        self.key = key
        self.type = type
        self.location = location
    }

    /// `file:line:column: KEY cannot be read as TYPE`.
    public var description: String { "\(location): \(key) cannot be read as \(type.rawValue)" }
}

/// Something worth telling the user that does not stop resolution.
///
/// ```swift
/// for warning in resolved.warnings { logger.warning("\(warning)") }
/// // env PIXEL_USRNAME: unknown setting; did you mean PIXEL_USERNAME?
/// ```
public struct SettingsWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of warning.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Two names of one field disagree in the same source.
        case aliasConflict
        /// A deprecated alias was used.
        case deprecatedName
        /// A key with the schema's prefix (or in its YAML section) that no field has.
        case unknownKey
        /// A statement a `.env` file parser skipped (compat mode).
        case dotEnv
        /// A YAML key outside the schema's section, or another YAML shape that was ignored.
        case ignoredYAML
    }

    /// The kind.
    public var kind: Kind
    /// The field concerned, if any.
    public var field: String?
    /// Where, e.g. `env PIXEL_USRNAME` or `.env:3:1`.
    public var place: String
    /// The message (never a secret's value).
    public var message: String
    /// For unknown keys: the nearest known name.
    public var suggestion: String?

    public var description: String { "\(place): \(message)" }
}

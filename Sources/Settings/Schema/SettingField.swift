/// One setting of a ``SettingsSchema``: its field name, the environment names it is read from,
/// its type, whether it is required or has a default, whether it is secret, and a one-line doc.
///
/// ```swift
/// let username = SettingField(
///     "username", env: ["APP_USERNAME", .deprecated("LEGACY_USER")],
///     type: .string, requirement: .required, doc: "Login name.")
/// ```
public struct SettingField: Sendable, Hashable {
    /// An environment name of a field; names after the first are aliases.
    public struct EnvName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The exact, case-sensitive name.
        public var name: String
        /// A legacy alias: still read, with a warning that names the canonical name.
        public var isDeprecated: Bool

        /// Creates a name.
        public init(_ name: String, deprecated: Bool = false) {
            self.name = name
            self.isDeprecated = deprecated
        }

        /// A legacy alias that is still accepted with a warning.
        public static func deprecated(_ name: String) -> EnvName { EnvName(name, deprecated: true) }

        public init(stringLiteral value: String) { self.init(value) }

        public var description: String { name }
    }

    /// Whether a field must be given.
    public enum Requirement: Sendable, Hashable {
        /// Resolution fails when no source gives a value.
        case required
        /// Absent when no source gives a value.
        case optional
        /// This value when no source gives one.
        case defaultValue(SettingValue)
    }

    /// The field's name (a Swift property name, e.g. `username`); also accepted as a YAML key.
    public var name: String
    /// Environment names: the first is canonical, the rest are aliases, in priority order.
    public var envNames: [EnvName]
    /// How text is converted.
    public var type: SettingType
    /// Required, optional or defaulted.
    public var requirement: Requirement
    /// A secret's value never appears in descriptions, errors, warnings, provenance or JSON, and
    /// enters the fingerprint only as a domain-separated digest. Its value is ``SettingValue/secret(_:)``.
    public var isSecret: Bool
    /// `false` for a field that is accepted but has no effect (it is left out of the fingerprint so
    /// that changing it does not look like a settings change).
    public var isFingerprinted: Bool
    /// A one-line description.
    public var doc: String

    /// Creates a field.
    public init(
        _ name: String,
        env envNames: [EnvName],
        type: SettingType,
        requirement: Requirement,
        secret isSecret: Bool = false,
        fingerprinted isFingerprinted: Bool = true,
        doc: String
    ) {
        self.name = name
        self.envNames = envNames
        self.type = type
        self.requirement = requirement
        self.isSecret = isSecret
        self.isFingerprinted = isFingerprinted
        self.doc = doc
    }

    /// The canonical environment name (the first one), or the field name when there is none.
    public var canonicalEnvName: String { envNames.first?.name ?? name }

    /// The position of `name` among the env names, or `nil`.
    func envIndex(of envName: String) -> Int? {
        envNames.firstIndex { $0.name == envName }
    }
}

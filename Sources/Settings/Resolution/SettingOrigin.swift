/// The kind of source a value came from, highest precedence first.
public enum SettingSourceKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case explicit, environment, dotEnv, yaml, defaultValue

    /// Lower is stronger.
    var rank: Int {
        switch self {
        case .explicit: 0
        case .environment: 1
        case .dotEnv: 2
        case .yaml: 3
        case .defaultValue: 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The concrete place a value came from: `explicit`, `env KEYCLOAK_USERNAME`, `.env:12:1`,
/// `pixel.yaml:4:3` or `default`.
///
/// ```swift
/// let origin = resolved.provenance["username"]?.origin
/// print(origin!)            // env KEYCLOAK_USERNAME
/// ```
public struct SettingOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of source.
    public var kind: SettingSourceKind
    /// The name that matched: the env name, the `.env` key, the YAML key or the explicit key.
    public var name: String?
    /// For files, where the value's key is.
    public var location: SourceLocation?

    /// Creates an origin.
    public init(kind: SettingSourceKind, name: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.name = name
        self.location = location
    }

    public var description: String {
        switch kind {
        case .explicit: "explicit"
        case .environment: "env \(name ?? "?")"
        case .dotEnv, .yaml: location.map { "\($0) (\(name ?? "?"))" } ?? (name ?? "?")
        case .defaultValue: "default"
        }
    }
}

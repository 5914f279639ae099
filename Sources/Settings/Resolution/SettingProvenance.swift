/// A value that was offered for a field: where, under which name, and its display text
/// (`<redacted>` for secrets).
public struct SettingCandidate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where it was offered.
    public var origin: SettingOrigin
    /// The raw text for display, `<redacted>` for a secret field.
    public var displayValue: String

    public var description: String { "\(origin) = \(displayValue)" }
}

/// Where a resolved field's value came from, and what it beat.
///
/// ```swift
/// let username = resolved.provenance["username"]!
/// print(username)   // username = me (env KEYCLOAK_USERNAME; beat .env:3:1 (PIXEL_USERNAME) = old)
/// ```
public struct SettingProvenance: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field.
    public var field: String
    /// The winning source, or `nil` for an optional field nobody set.
    public var origin: SettingOrigin?
    /// The resolved value for display, `<redacted>` for secrets, `nil` when absent.
    public var displayValue: String?
    /// Lower-precedence candidates that lost, strongest first (including other aliases in the
    /// winning source and the default).
    public var overridden: [SettingCandidate]

    /// The name that matched (`KEYCLOAK_USERNAME`), if any.
    public var matchedName: String? { origin?.name }

    public var description: String {
        var text = "\(field) = \(displayValue ?? "<absent>")"
        if let origin { text += " (\(origin)" } else { text += " (unset" }
        if !overridden.isEmpty {
            text += "; beat " + overridden.map(\.description).joined(separator: ", ")
        }
        return text + ")"
    }
}

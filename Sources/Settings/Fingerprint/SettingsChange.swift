/// One field that differs between two resolutions, for logging why a client was rebuilt.
///
/// ```swift
/// for change in SettingsChange.diff(schema: schema, old: before.values, new: after.values) {
///     logger.info("\(change)")   // apiTimeout: 10.0 seconds → 30.0 seconds; password: changed
/// }
/// ```
public struct SettingsChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field.
    public var field: String
    /// The old value for display, `nil` when absent; `nil` for secrets.
    public var oldValue: String?
    /// The new value for display, `nil` when absent; `nil` for secrets.
    public var newValue: String?
    /// Whether the field is secret (then only "changed" is shown).
    public var isSecret: Bool

    public var description: String {
        if isSecret { return "\(field): changed" }
        return "\(field): \(oldValue ?? "<absent>") → \(newValue ?? "<absent>")"
    }

    /// The fields whose values differ, in schema order. Secrets are compared by value but shown
    /// only as "changed".
    public static func diff(schema: SettingsSchema, old: [String: SettingValue], new: [String: SettingValue]) -> [SettingsChange] {
        schema.fields.compactMap { field in
            let before = old[field.name]
            let after = new[field.name]
            guard before != after else { return nil }
            if field.isSecret {
                return SettingsChange(field: field.name, oldValue: nil, newValue: nil, isSecret: true)
            }
            return SettingsChange(field: field.name, oldValue: before?.description, newValue: after?.description, isSecret: false)
        }
    }
}

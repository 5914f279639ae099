/// The outcome of a resolution: typed values, per-field provenance, warnings, the fingerprint and
/// the inputs (for the cheap "unchanged?" check).
///
/// ```swift
/// let resolved = try SettingsResolver(schema: schema).resolve(sources)
/// let port = resolved.int("port")                    // typed access by field name
/// print(resolved.provenance["port"]!)                // port = 9000 (env APP_PORT; beat default = 8080)
/// print(resolved.explain())                          // a redacted table of every field
/// if resolved.inputs.isUnchanged() { /* reuse */ }
/// ```
public struct ResolvedSettings: Sendable, CustomStringConvertible {
    /// The schema that was resolved.
    public let schema: SettingsSchema
    /// The sources that were read (resolve them again to refresh).
    public let sources: SettingsSources
    /// Values by field name; absent optional fields have no entry. Secret fields hold
    /// ``SettingValue/secret(_:)`` with their text.
    public let values: [String: SettingValue]
    /// Where each field's value came from, by field name (every field has an entry).
    public let provenance: [String: SettingProvenance]
    /// Warnings: alias conflicts, deprecated names, unknown prefixed keys, skipped `.env` lines.
    public let warnings: [SettingsWarning]
    /// The stable digest of ``values``.
    public let fingerprint: SettingsFingerprint
    /// What was read, for ``SettingsInputs/isUnchanged()``.
    public let inputs: SettingsInputs

    /// The value of a field, if present.
    public subscript(field: String) -> SettingValue? { values[field] }

    /// A `.string` field's text (enumerations and URLs included).
    public func string(_ field: String) -> String? {
        if case .string(let text)? = values[field] { return text }
        return nil
    }

    /// A secret field's value.
    public func secret(_ field: String) -> Secret<String>? {
        if case .secret(let secret)? = values[field] { return secret }
        return nil
    }

    /// A `.bool` field.
    public func bool(_ field: String) -> Bool? {
        if case .bool(let flag)? = values[field] { return flag }
        return nil
    }

    /// An `.integer` field.
    public func int(_ field: String) -> Int? {
        if case .int(let number)? = values[field] { return number }
        return nil
    }

    /// A `.double` field.
    public func double(_ field: String) -> Double? {
        if case .double(let number)? = values[field] { return number }
        return nil
    }

    /// A `.seconds` field.
    public func duration(_ field: String) -> Duration? {
        if case .duration(let duration)? = values[field] { return duration }
        return nil
    }

    /// `true` when nothing that produced this resolution has changed (see ``SettingsInputs``).
    public func isUnchanged() -> Bool { inputs.isUnchanged() }

    /// The fields that differ from `older`, secrets shown only as "changed".
    public func changes(since older: ResolvedSettings) -> [SettingsChange] {
        SettingsChange.diff(schema: schema, old: older.values, new: values)
    }

    /// One line per field: `name = value (origin; beat …)`, secrets redacted.
    public func explain() -> String {
        schema.fields.compactMap { provenance[$0.name]?.description }.joined(separator: "\n")
    }

    /// The fingerprint and every field's provenance; secrets redacted.
    public var description: String {
        "ResolvedSettings(\(schema.name), fingerprint \(fingerprint.hex.prefix(16))…)\n" + explain()
    }
}

extension ResolvedSettings: Encodable {
    private enum CodingKeys: String, CodingKey {
        case schema, fingerprint, values, provenance, warnings
    }

    /// `{"schema", "fingerprint", "values", "provenance", "warnings"}`; secrets encode as
    /// `"<redacted>"`, so the JSON is safe to print (e.g. a CLI's `--json`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema.name, forKey: .schema)
        try container.encode(fingerprint.hex, forKey: .fingerprint)
        try container.encode(values, forKey: .values)
        try container.encode(provenance, forKey: .provenance)
        try container.encode(warnings, forKey: .warnings)
    }
}

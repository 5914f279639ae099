public import Settings

/// ``PixelSettings`` together with where each value came from, the warnings, the fingerprint and
/// the inputs, so that a cache can ask "still the same?" in one call.
///
/// ```swift
/// var resolved = try PixelSettings.resolve()
/// print(resolved.explain())           // one redacted line per setting, with its source
/// // on every getClient():
/// if !resolved.isUnchanged() { resolved = try resolved.refreshed() }
/// ```
public struct ResolvedPixelSettings: Sendable, CustomStringConvertible {
    /// The typed settings.
    public let settings: PixelSettings
    /// The generic resolution (values, provenance, warnings, fingerprint, inputs).
    public let resolution: ResolvedSettings

    /// The stable fingerprint; equal to `settings.fingerprint`.
    public var fingerprint: SettingsFingerprint { resolution.fingerprint }
    /// Where each field came from, by field name (``PixelSettings/FieldName``).
    public var provenance: [String: SettingProvenance] { resolution.provenance }
    /// Alias conflicts, deprecated names, unknown `PIXEL_` keys, skipped `.env` lines.
    public var warnings: [SettingsWarning] { resolution.warnings }
    /// What was read.
    public var inputs: SettingsInputs { resolution.inputs }
    /// The sources that were read.
    public var sources: SettingsSources { resolution.sources }

    /// `true` when no consulted environment variable or file has changed. Never parses.
    public func isUnchanged() -> Bool { resolution.inputs.isUnchanged() }

    /// `self` when unchanged, otherwise a new resolution from the same sources.
    public func refreshed() throws(SettingsError) -> ResolvedPixelSettings {
        if isUnchanged() { return self }
        return try PixelSettings.resolve(SettingsResolver(schema: PixelSettings.schema).resolve(resolution.sources))
    }

    /// The settings that differ from `older` (the password shown only as "changed").
    public func changes(since older: ResolvedPixelSettings) -> [SettingsChange] {
        resolution.changes(since: older.resolution)
    }

    /// A redacted table: one line per setting with its value and source.
    public func explain() -> String { resolution.explain() }

    public var description: String { resolution.description }
}

extension ResolvedPixelSettings: Encodable {
    /// The resolution's JSON (values, provenance, warnings, fingerprint); the password is `"<redacted>"`.
    public func encode(to encoder: any Encoder) throws {
        try resolution.encode(to: encoder)
    }
}

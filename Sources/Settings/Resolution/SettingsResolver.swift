/// Resolves a ``SettingsSchema`` from ``SettingsSources``.
///
/// Precedence, strongest first: explicit values > environment > `.env` files (the last file
/// first) > YAML files (the last file first) > defaults. Within one source the field's names are
/// tried in schema order (canonical first), so **source priority beats alias order**: an env
/// `KEYCLOAK_USERNAME` beats a `.env` `PIXEL_USERNAME`.
///
/// Empty values count as given (`PIXEL_PROXY=` is the empty text, which an integer field rejects);
/// a `.env` key without `=` and a YAML `null`, `~` or empty value count as absent. Only the
/// winning value is converted; losers are listed in the provenance.
///
/// ```swift
/// let resolver = SettingsResolver(schema: schema)
/// let resolved = try resolver.resolve(SettingsSources(environment: .dictionary(["APP_PORT": "9000"])))
/// ```
public struct SettingsResolver: Sendable {
    /// The schema.
    public let schema: SettingsSchema
    /// Bounds for YAML files.
    public var yamlLimits: YAMLLimits
    /// Largest settings file read, in bytes.
    public var maxFileBytes: Int
    /// The key of the fingerprints this resolver computes; `nil` means the process's key
    /// (``FingerprintKey/process``), which is what `SettingsFingerprint(schema:values:)` uses too.
    public var fingerprintKey: FingerprintKey?

    /// Creates a resolver.
    public init(
        schema: SettingsSchema, yamlLimits: YAMLLimits = YAMLLimits(), maxFileBytes: Int = 1 << 20, fingerprintKey: FingerprintKey? = nil
    ) {
        self.schema = schema
        self.yamlLimits = yamlLimits
        self.maxFileBytes = maxFileBytes
        self.fingerprintKey = fingerprintKey
    }

    /// Reads every source and returns the typed values with provenance, warnings, fingerprint and
    /// inputs.
    ///
    /// - Throws: one ``SettingsError`` listing every problem: missing required fields, values that
    ///   do not convert, malformed or unreadable files, alias conflicts under `.error`.
    public func resolve(_ sources: SettingsSources) throws(SettingsError) -> ResolvedSettings {
        var context = ResolutionContext(schema: schema, sources: sources, yamlLimits: yamlLimits, maxFileBytes: maxFileBytes)
        context.collect()
        return try context.finish(fingerprintKey: fingerprintKey ?? .process)
    }
}

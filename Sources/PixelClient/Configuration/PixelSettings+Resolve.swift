public import Settings

extension PixelSettings {
    /// Resolves the settings from `sources` (by default: the process environment, `./.env` and
    /// `./pixel.yaml` when present).
    ///
    /// ```swift
    /// let resolved = try PixelSettings.resolve()
    /// let client = makeClient(resolved.settings)
    /// print(resolved.provenance[PixelSettings.FieldName.username]!)  // username = me (env KEYCLOAK_USERNAME)
    /// ```
    /// - Throws: one `SettingsError` listing every problem (missing credentials with every name
    ///   and file consulted, bad values with their location); it never contains the password.
    public static func resolve(from sources: Sources = .default) throws(SettingsError) -> ResolvedPixelSettings {
        try resolve(SettingsResolver(schema: schema).resolve(sources.settingsSources))
    }

    /// Python's `PixelApiSettings.from_env_file(path)`: the environment, then the named `.env` file
    /// (which must exist), then defaults. No YAML.
    ///
    /// ```swift
    /// let settings = try PixelSettings.fromEnvFile("/etc/pixel/.env")
    /// ```
    public static func fromEnvFile(_ path: String, environment: SettingsEnvironment = .process) throws(SettingsError) -> PixelSettings {
        try resolve(from: Sources(environment: environment, envFiles: [SettingsFile(path, required: true)], yamlFiles: [])).settings
    }

    /// The fingerprint of these settings (see `SettingsFingerprint`) under the process's key:
    /// equal settings give equal fingerprints in every process with the same key (see
    /// ``useUserFingerprintKey(environment:)``); a password change gives a different one; it
    /// reveals nothing, and the password cannot be guessed from it without the key. Equals the
    /// fingerprint of the resolution that produced them.
    public var fingerprint: SettingsFingerprint {
        SettingsFingerprint(schema: Self.schema, values: settingValues)
    }

    /// The values by field name, as the generic schema sees them.
    public var settingValues: [String: SettingValue] {
        var values: [String: SettingValue] = [
            FieldName.environment: .string(environment.rawValue),
            FieldName.username: .string(username),
            FieldName.password: .secret(password),
            FieldName.tenant: .string(tenant),
            FieldName.apiTimeout: .duration(apiTimeout),
            FieldName.uploadTimeout: .duration(uploadTimeout),
            FieldName.tokenTimeout: .duration(tokenTimeout),
            FieldName.retryAttempts: .int(retryAttempts),
            FieldName.uploadConcurrency: .int(uploadConcurrency),
            FieldName.allowInsecureHTTP: .bool(allowInsecureHTTP),
        ]
        if let authServerURLOverride { values[FieldName.authServerURL] = .string(authServerURLOverride) }
        if let apiURLOverride { values[FieldName.apiURL] = .string(apiURLOverride) }
        if let proxy { values[FieldName.proxy] = .string(proxy) }
        return values
    }

    /// Builds the typed value from a generic resolution of ``schema``.
    static func resolve(_ resolution: ResolvedSettings) throws(SettingsError) -> ResolvedPixelSettings {
        guard let environmentText = resolution.string(FieldName.environment),
            let environment = Environment(rawValue: environmentText),
            let username = resolution.string(FieldName.username),
            let password = resolution.secret(FieldName.password),
            let tenant = resolution.string(FieldName.tenant),
            let apiTimeout = resolution.duration(FieldName.apiTimeout),
            let uploadTimeout = resolution.duration(FieldName.uploadTimeout),
            let tokenTimeout = resolution.duration(FieldName.tokenTimeout),
            let retryAttempts = resolution.int(FieldName.retryAttempts),
            let uploadConcurrency = resolution.int(FieldName.uploadConcurrency),
            let allowInsecureHTTP = resolution.bool(FieldName.allowInsecureHTTP)
        else {
            // Unreachable while the schema and this mapping agree; a typed error rather than a crash.
            throw SettingsError(problems: [.unknownExplicitKey("internal: PixelSettings schema and mapping disagree")])
        }
        let settings = PixelSettings(
            environment: environment, username: username, password: password, tenant: tenant,
            authServerURLOverride: resolution.string(FieldName.authServerURL), apiURLOverride: resolution.string(FieldName.apiURL),
            apiTimeout: apiTimeout, uploadTimeout: uploadTimeout, tokenTimeout: tokenTimeout, retryAttempts: retryAttempts,
            uploadConcurrency: uploadConcurrency, proxy: resolution.string(FieldName.proxy), allowInsecureHTTP: allowInsecureHTTP)
        return ResolvedPixelSettings(settings: settings, resolution: resolution)
    }
}

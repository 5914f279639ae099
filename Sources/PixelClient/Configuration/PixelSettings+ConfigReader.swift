public import Configuration
public import Settings

extension PixelSettings {
    /// Reads every Pixel setting from `config` under the `pixel.` key prefix, with the same
    /// validation as ``resolve(from:)``.
    ///
    /// Use it when your application configures its libraries through swift-configuration. All
    /// keys are read from one snapshot of the reader, so a reloading provider can never hand over
    /// half an update; the password is read as a secret, so access reporters redact it.
    ///
    /// ```swift
    /// import Configuration
    /// import PixelClient
    ///
    /// let config = ConfigReader(provider: EnvironmentVariablesProvider())   // PIXEL_USERNAME → pixel.username
    /// let settings = try PixelSettings(config: config)
    /// let client = try getClient(settings: settings)
    /// ```
    ///
    /// A missing key is fine when the setting has a default; a key that is present but invalid is
    /// an error, never a silent fallback to the default. Typed values (a JSON number, an `Int` in
    /// an `InMemoryProvider`) are read through their text, so every provider gets the same rules.
    ///
    /// ## Configuration keys
    /// - `pixel.env` (string, optional, default: `prod`): The Pixel deployment: dev, test or prod.
    /// - `pixel.username` (string, required): The Keycloak user name (usually an e-mail address).
    /// - `pixel.password` (string, required, secret): The Keycloak password (secret: never printed).
    /// - `pixel.tenant` (string, required): The tenant; the realm is its Python str.capitalize form, the API path its
    ///   lower case.
    /// - `pixel.authServerURL` (string, optional): Replaces the whole Keycloak base URL
    ///   (https://{env}.keycloak.geodatapixel.no).
    /// - `pixel.apiURL` (string, optional): Replaces the whole API base URL, tenant segment included.
    /// - `pixel.clientNoVersionCheck` (bool, optional, default: `false`): Accepted for compatibility and ignored: the
    ///   Swift client never checks PyPI.
    /// - `pixel.apiTimeout` (double, optional, default: `10`): Seconds per API request (connect and read).
    /// - `pixel.uploadTimeout` (double, optional, default: `300`): Seconds per object-store request.
    /// - `pixel.tokenTimeout` (double, optional, default: `5`): Seconds per token-endpoint request.
    /// - `pixel.retryAttempts` (int, optional, default: `4`): Total attempts for retryable requests (1 = no retry); 1
    ///   to 100.
    /// - `pixel.uploadConcurrency` (int, optional, default: `10`): Object-store transfers in flight per operation; 1 to
    ///   256.
    /// - `pixel.proxy` (string, optional): An http://host:port proxy for all traffic (otherwise HTTPS_PROXY,
    ///   HTTP_PROXY, ALL_PROXY and NO_PROXY apply).
    /// - `pixel.allowInsecureHTTP` (bool, optional, default: `false`): Allow credentials over plain http:// to
    ///   non-loopback hosts.
    ///
    /// - Parameter config: The reader; scope it (`config.scoped(to: "geodata")`) to read the keys
    ///   under another prefix (`geodata.pixel.username`).
    /// - Throws: one `SettingsError` naming every missing or invalid key (`pixel.apiTimeout`); it
    ///   never contains the password.
    public init(config: ConfigReader) throws(SettingsError) {
        self = try Self.resolve(config: config.snapshot()).settings
    }

    /// Reads every Pixel setting from one snapshot of a reader, as ``init(config:)-(ConfigReader)``
    /// does; use it inside `watchSnapshot` to follow a reloading provider.
    ///
    /// ```swift
    /// try await config.watchSnapshot { snapshots in
    ///     for await snapshot in snapshots {
    ///         let settings = try PixelSettings(config: snapshot)
    ///         print(settings)   // the password is redacted
    ///     }
    /// }
    /// ```
    ///
    /// - Throws: as ``init(config:)-(ConfigReader)``.
    public init(config: ConfigSnapshotReader) throws(SettingsError) {
        self = try Self.resolve(config: config).settings
    }

    /// The settings of one snapshot with the generic resolution behind them (values read from a
    /// reader count as explicit: the application handed them over).
    static func resolve(config: ConfigSnapshotReader) throws(SettingsError) -> ResolvedPixelSettings {
        let sources = SettingsSources(explicit: try configValues(from: config), environment: .dictionary([:]), workingDirectory: "/")
        return try resolve(SettingsResolver(schema: schema).resolve(sources))
    }

    /// The values present in `config`, validated by each field's type, by field name. Every missing
    /// required key and every invalid value is collected into one error.
    static func configValues(from config: ConfigSnapshotReader) throws(SettingsError) -> [String: SettingValue] {
        var values: [String: SettingValue] = [:]
        var problems: [SettingsError.Problem] = []
        for field in schema.fields {
            guard let key = configKeys[field.name] else { continue }
            switch readConfigValue(field, key: key, from: config) {
            case .value(let value):
                values[field.name] = value
            case .absent:
                if case .required = field.requirement {
                    problems.append(.missing(field: key, envNames: [field.canonicalEnvName], filesConsulted: []))
                }
            case .problem(let problem):
                problems.append(problem)
            }
        }
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return values
    }

    /// `values` with the schema's defaults for the fields they lack: what a resolution of them holds.
    static func withDefaults(_ values: [String: SettingValue]) -> [String: SettingValue] {
        var complete = values
        for field in schema.fields where complete[field.name] == nil {
            if case .defaultValue(let value) = field.requirement { complete[field.name] = value }
        }
        return complete
    }

    /// What one key of a reader holds.
    private enum ConfigRead {
        case absent
        case value(SettingValue)
        case problem(SettingsError.Problem)
    }

    /// One key: its text converted by the field's type; a typed value (number, bool) through its
    /// text. Something else under the key (a list) is an error, not absence.
    private static func readConfigValue(_ field: SettingField, key: String, from config: ConfigSnapshotReader) -> ConfigRead {
        let configKey = ConfigKey(key)
        let secret = field.isSecret
        let text =
            config.string(forKey: configKey, isSecret: secret)
            ?? config.int(forKey: configKey, isSecret: secret).map { String($0) }
            ?? config.double(forKey: configKey, isSecret: secret).map { String($0) }
            ?? config.bool(forKey: configKey, isSecret: secret).map { String($0) }
        guard let text else {
            guard let list = config.stringArray(forKey: configKey, isSecret: secret) else { return .absent }
            return .problem(invalidConfigValue(field, key: key, shown: "[" + list.joined(separator: ", ") + "]"))
        }
        guard let value = field.type.convert(text) else { return .problem(invalidConfigValue(field, key: key, shown: text)) }
        return .value(secret ? .secret(Secret(text)) : value)
    }

    private static func invalidConfigValue(_ field: SettingField, key: String, shown: String) -> SettingsError.Problem {
        .invalidValue(
            field: key, origin: SettingOrigin(kind: .explicit, name: key), expected: field.type.expectation,
            value: field.isSecret ? nil : shown)
    }
}

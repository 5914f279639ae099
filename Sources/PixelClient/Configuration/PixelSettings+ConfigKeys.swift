import Settings

extension PixelSettings {
    /// The swift-configuration key of every setting, by field name (``FieldName``): the canonical
    /// environment name without its `PIXEL_` prefix, in camel case, under `pixel.`.
    ///
    /// `EnvironmentVariablesProvider` encodes each key back to the canonical environment name, so
    /// `pixel.apiTimeout` is read from `PIXEL_API_TIMEOUT` and `pixel.authServerURL` from
    /// `PIXEL_AUTH_SERVER_URL`. The legacy aliases (`KEYCLOAK_USERNAME`, `PIXEL_SERVER_URL`, …) have
    /// no key: a `ConfigReader` is read only under names the application chose.
    ///
    /// ```swift
    /// PixelSettings.configKeys[PixelSettings.FieldName.apiTimeout]   // "pixel.apiTimeout"
    /// PixelSettings.configKeys[PixelSettings.FieldName.environment]  // "pixel.env"
    /// ```
    public static let configKeys: [String: String] = Dictionary(
        uniqueKeysWithValues: schema.fields.map { ($0.name, configKey(forEnvName: $0.canonicalEnvName)) })

    /// Words kept in upper case inside a key, as Swift names write them (`authServerURL`).
    private static let upperCaseWords: Set<Substring> = ["URL", "HTTP"]

    /// `PIXEL_AUTH_SERVER_URL` → `pixel.authServerURL`.
    static func configKey(forEnvName envName: String) -> String {
        var name = Substring(envName)
        if let prefix = schema.prefixes.first(where: { envName.hasPrefix($0) }) { name = name.dropFirst(prefix.count) }
        let words = name.split(separator: "_")
        let camel = words.enumerated().map { index, word -> String in
            if index == 0 { return word.lowercased() }
            if upperCaseWords.contains(word) { return String(word) }
            return word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return schema.name + "." + camel.joined()
    }
}

public import Settings

extension PixelSettings {
    /// Field names of the Pixel schema (also accepted as YAML keys and as keys of
    /// ``Sources/overrides``).
    public enum FieldName {
        public static let environment = "environment"
        public static let username = "username"
        public static let password = "password"
        public static let tenant = "tenant"
        public static let authServerURL = "authServerURLOverride"
        public static let apiURL = "apiURLOverride"
        public static let noVersionCheck = "noVersionCheck"
        public static let apiTimeout = "apiTimeout"
        public static let uploadTimeout = "uploadTimeout"
        public static let tokenTimeout = "tokenTimeout"
        public static let retryAttempts = "retryAttempts"
        public static let uploadConcurrency = "uploadConcurrency"
        public static let proxy = "proxy"
        public static let allowInsecureHTTP = "allowInsecureHTTP"
    }

    /// `PIXEL_ENV_FILE`: names the `.env` file to read instead of `./.env` (it must exist).
    public static let envFileSelector = "PIXEL_ENV_FILE"
    /// `PIXEL_CONFIG_FILE`: names the YAML file to read instead of `./pixel.yaml` (it must exist).
    public static let configFileSelector = "PIXEL_CONFIG_FILE"

    /// The pixel-client 1.2.8 settings (same env names and aliases, same defaults) plus the Swift
    /// client's options. Env names match exactly (case-sensitive); see `SettingsSchema`.
    ///
    /// `PIXEL_CLIENT_NO_VERSION_CHECK` is accepted (so existing environments keep validating) and
    /// ignored: this client never calls PyPI. It is left out of the fingerprint.
    ///
    /// ```swift
    /// for field in PixelSettings.schema.fields { print(field.canonicalEnvName, field.doc) }
    /// ```
    public static let schema = SettingsSchema(
        name: "pixel",
        prefixes: ["PIXEL_"],
        reservedNames: [envFileSelector, configFileSelector],
        yamlSection: "pixel",
        fields: [
            SettingField(
                FieldName.environment, env: ["PIXEL_ENV", "KEYCLOAK_ENV"], type: .enumeration(["dev", "test", "prod"]),
                requirement: .defaultValue(.string("prod")), doc: "The Pixel deployment: dev, test or prod."),
            SettingField(
                FieldName.username, env: ["PIXEL_USERNAME", "KEYCLOAK_USERNAME"], type: .string, requirement: .required,
                doc: "The Keycloak user name (usually an e-mail address)."),
            SettingField(
                FieldName.password, env: ["PIXEL_PASSWORD", "KEYCLOAK_PASSWORD"], type: .string, requirement: .required,
                secret: true, doc: "The Keycloak password (secret: never printed)."),
            SettingField(
                FieldName.tenant, env: ["PIXEL_TENANT", "KEYCLOAK_REALM"], type: .string, requirement: .required,
                doc: "The tenant; the realm is its Python str.capitalize form, the API path its lower case."),
            SettingField(
                FieldName.authServerURL, env: ["PIXEL_AUTH_SERVER_URL", .deprecated("PIXEL_SERVER_URL")], type: .url,
                requirement: .optional, doc: "Replaces the whole Keycloak base URL (https://{env}.keycloak.geodatapixel.no)."),
            SettingField(
                FieldName.apiURL, env: ["PIXEL_API_URL"], type: .url, requirement: .optional,
                doc: "Replaces the whole API base URL, tenant segment included."),
            SettingField(
                FieldName.noVersionCheck, env: ["PIXEL_CLIENT_NO_VERSION_CHECK"], type: .bool,
                requirement: .defaultValue(.bool(false)), fingerprinted: false,
                doc: "Accepted for compatibility and ignored: the Swift client never checks PyPI."),
            SettingField(
                FieldName.apiTimeout, env: ["PIXEL_API_TIMEOUT"], type: .seconds, requirement: .defaultValue(.duration(.seconds(10))),
                doc: "Seconds per API request (connect and read)."),
            SettingField(
                FieldName.uploadTimeout, env: ["PIXEL_UPLOAD_TIMEOUT"], type: .seconds,
                requirement: .defaultValue(.duration(.seconds(300))), doc: "Seconds per object-store request."),
            SettingField(
                FieldName.tokenTimeout, env: ["PIXEL_TOKEN_TIMEOUT"], type: .seconds,
                requirement: .defaultValue(.duration(.seconds(5))), doc: "Seconds per token-endpoint request."),
            SettingField(
                FieldName.retryAttempts, env: ["PIXEL_RETRY_ATTEMPTS"], type: .integer(1...100), requirement: .defaultValue(.int(4)),
                doc: "Total attempts for retryable requests (1 = no retry); 1 to 100."),
            SettingField(
                FieldName.uploadConcurrency, env: ["PIXEL_UPLOAD_CONCURRENCY"], type: .integer(1...256),
                requirement: .defaultValue(.int(10)), doc: "Object-store transfers in flight per operation; 1 to 256."),
            SettingField(
                FieldName.proxy, env: ["PIXEL_PROXY"], type: .url, requirement: .optional,
                doc: "An http://host:port proxy for all traffic (otherwise HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY apply)."),
            SettingField(
                FieldName.allowInsecureHTTP, env: ["PIXEL_ALLOW_INSECURE_HTTP"], type: .bool,
                requirement: .defaultValue(.bool(false)), doc: "Allow credentials over plain http:// to non-loopback hosts."),
        ])
}

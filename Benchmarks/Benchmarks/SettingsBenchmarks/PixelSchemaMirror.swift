import Settings

/// The Pixel schema, field for field as `PixelSettings.schema` in the PixelClient module declares
/// it. Mirrored so that the benchmarks build with the Settings module alone (the PixelClient
/// module pulls in the whole HTTP stack). The final step of `PixelSettings.resolve` — copying
/// 13 typed values into the struct — is not measured; it is a few nanoseconds.
let pixelSchema = SettingsSchema(
    name: "pixel",
    prefixes: ["PIXEL_"],
    reservedNames: ["PIXEL_ENV_FILE", "PIXEL_CONFIG_FILE"],
    yamlSection: "pixel",
    fields: [
        SettingField(
            "environment", env: ["PIXEL_ENV", "KEYCLOAK_ENV"], type: .enumeration(["dev", "test", "prod"]),
            requirement: .defaultValue(.string("prod")), doc: ""),
        SettingField("username", env: ["PIXEL_USERNAME", "KEYCLOAK_USERNAME"], type: .string, requirement: .required, doc: ""),
        SettingField("password", env: ["PIXEL_PASSWORD", "KEYCLOAK_PASSWORD"], type: .string, requirement: .required, secret: true, doc: ""),
        SettingField("tenant", env: ["PIXEL_TENANT", "KEYCLOAK_REALM"], type: .string, requirement: .required, doc: ""),
        SettingField(
            "authServerURLOverride", env: ["PIXEL_AUTH_SERVER_URL", .deprecated("PIXEL_SERVER_URL")], type: .url,
            requirement: .optional, doc: ""),
        SettingField("apiURLOverride", env: ["PIXEL_API_URL"], type: .url, requirement: .optional, doc: ""),
        SettingField(
            "noVersionCheck", env: ["PIXEL_CLIENT_NO_VERSION_CHECK"], type: .bool, requirement: .defaultValue(.bool(false)),
            fingerprinted: false, doc: ""),
        SettingField("apiTimeout", env: ["PIXEL_API_TIMEOUT"], type: .seconds, requirement: .defaultValue(.duration(.seconds(10))), doc: ""),
        SettingField("uploadTimeout", env: ["PIXEL_UPLOAD_TIMEOUT"], type: .seconds, requirement: .defaultValue(.duration(.seconds(300))), doc: ""),
        SettingField("tokenTimeout", env: ["PIXEL_TOKEN_TIMEOUT"], type: .seconds, requirement: .defaultValue(.duration(.seconds(5))), doc: ""),
        SettingField("retryAttempts", env: ["PIXEL_RETRY_ATTEMPTS"], type: .integer(1...100), requirement: .defaultValue(.int(4)), doc: ""),
        SettingField("uploadConcurrency", env: ["PIXEL_UPLOAD_CONCURRENCY"], type: .integer(1...256), requirement: .defaultValue(.int(10)), doc: ""),
        SettingField("proxy", env: ["PIXEL_PROXY"], type: .url, requirement: .optional, doc: ""),
        SettingField("allowInsecureHTTP", env: ["PIXEL_ALLOW_INSECURE_HTTP"], type: .bool, requirement: .defaultValue(.bool(false)), doc: ""),
    ])

public import Settings

/// The resolved settings of one Pixel API client: the pixel-client 1.2.8 schema plus the Swift
/// client's own options.
///
/// Values come from explicit arguments, the environment, a `.env` file or YAML; see
/// ``PixelSettings/resolve(from:)`` for resolution, provenance and change detection. This type is the plain value: it is
/// `Hashable` (secrets included, so a password change is a different value) and its
/// `description` never shows the password.
///
/// ```swift
/// let settings = PixelSettings(username: "me@example.com", password: "s3cret", tenant: "acme")
/// settings.realm          // "Acme"
/// settings.apiBaseURL     // "https://prod.api.geodatapixel.no/acme"
/// settings.tokenEndpoint  // "https://prod.keycloak.geodatapixel.no/realms/Acme/protocol/openid-connect/token"
/// ```
public struct PixelSettings: Sendable, Hashable {
    /// The Pixel deployment: `PIXEL_ENV` / `KEYCLOAK_ENV`.
    public enum Environment: String, Sendable, Hashable, CaseIterable, Codable {
        case dev, test, prod
    }

    /// `PIXEL_ENV` | `KEYCLOAK_ENV`, default `prod`.
    public var environment: Environment
    /// `PIXEL_USERNAME` | `KEYCLOAK_USERNAME`, required.
    public var username: String
    /// `PIXEL_PASSWORD` | `KEYCLOAK_PASSWORD`, required, secret.
    public var password: Secret<String>
    /// `PIXEL_TENANT` | `KEYCLOAK_REALM`, required.
    public var tenant: String
    /// `PIXEL_AUTH_SERVER_URL` (legacy `PIXEL_SERVER_URL`): replaces the whole Keycloak base URL.
    public var authServerURLOverride: String?
    /// `PIXEL_API_URL`: replaces the whole API base URL, tenant segment included.
    public var apiURLOverride: String?
    /// `PIXEL_API_TIMEOUT` seconds per API request (connect and read), default 10.
    public var apiTimeout: Duration
    /// `PIXEL_UPLOAD_TIMEOUT` seconds per object-store request, default 300.
    public var uploadTimeout: Duration
    /// `PIXEL_TOKEN_TIMEOUT` seconds per token-endpoint request, default 5.
    public var tokenTimeout: Duration
    /// `PIXEL_RETRY_ATTEMPTS`: total attempts for retryable requests (1 = no retry), default 4.
    public var retryAttempts: Int
    /// `PIXEL_UPLOAD_CONCURRENCY`: object-store transfers in flight per operation, default 10.
    public var uploadConcurrency: Int
    /// `PIXEL_PROXY`: an `http://host:port` proxy for all traffic; `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` otherwise.
    public var proxy: String?
    /// `PIXEL_ALLOW_INSECURE_HTTP`: allow credentials over plain `http://` to non-loopback hosts.
    public var allowInsecureHTTP: Bool

    /// Creates settings from values; every option not given takes its documented default.
    public init(
        environment: Environment = .prod,
        username: String,
        password: Secret<String>,
        tenant: String,
        authServerURLOverride: String? = nil,
        apiURLOverride: String? = nil,
        apiTimeout: Duration = .seconds(10),
        uploadTimeout: Duration = .seconds(300),
        tokenTimeout: Duration = .seconds(5),
        retryAttempts: Int = 4,
        uploadConcurrency: Int = 10,
        proxy: String? = nil,
        allowInsecureHTTP: Bool = false
    ) {
        self.environment = environment
        self.username = username
        self.password = password
        self.tenant = tenant
        self.authServerURLOverride = authServerURLOverride
        self.apiURLOverride = apiURLOverride
        self.apiTimeout = apiTimeout
        self.uploadTimeout = uploadTimeout
        self.tokenTimeout = tokenTimeout
        self.retryAttempts = retryAttempts
        self.uploadConcurrency = uploadConcurrency
        self.proxy = proxy
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}

extension PixelSettings {
    /// The Keycloak client id: always the public client `frontend`.
    public static var clientID: String { "frontend" }

    /// The Keycloak realm: the tenant in Python `str.capitalize` form (`myTenant` → `Mytenant`,
    /// `ACME` → `Acme`). Swift's `capitalized` capitalises every word, so this is done by hand.
    public var realm: String {
        guard let first = tenant.first else { return "" }
        return String(first).uppercased() + tenant.dropFirst().lowercased()
    }

    /// The API base URL: the override, or `https://{env}.api.geodatapixel.no/{tenant lower-cased}`.
    public var apiBaseURL: String {
        if let apiURLOverride { return apiURLOverride }
        return "https://\(environment.rawValue).api.geodatapixel.no/\(realm.lowercased())"
    }

    /// The Keycloak base URL: the override, or `https://{env}.keycloak.geodatapixel.no`.
    public var keycloakBaseURL: String {
        if let authServerURLOverride { return authServerURLOverride }
        return "https://\(environment.rawValue).keycloak.geodatapixel.no"
    }

    /// `{keycloak base}/realms/{realm}/protocol/openid-connect/token` (no `/auth` prefix).
    public var tokenEndpoint: String {
        let base = keycloakBaseURL.hasSuffix("/") ? String(keycloakBaseURL.dropLast()) : keycloakBaseURL
        return "\(base)/realms/\(realm)/protocol/openid-connect/token"
    }
}

extension PixelSettings: CustomStringConvertible {
    /// A one-line summary with the password redacted.
    public var description: String {
        "PixelSettings(env: \(environment.rawValue), username: \(username), password: \(password), "
            + "tenant: \(tenant), api: \(apiBaseURL), auth: \(keycloakBaseURL))"
    }
}

public import Settings

/// Where a client keeps its Keycloak refresh token between processes (session storage).
///
/// The token provider reads it before every refresh (another process may have rotated the token)
/// and writes every new refresh token it receives. Saving is best effort: failures are the
/// store's business and never fail an API call.
///
/// ```swift
/// actor KeychainTokenStore: PixelTokenStore {
///     func loadRefreshToken() async -> Secret<String>? { … }
///     func saveRefreshToken(_ token: Secret<String>) async { … }
/// }
/// let core = try PixelClientCore(settings: settings, options: .init(tokenStore: KeychainTokenStore()))
/// ```
public protocol PixelTokenStore: Sendable {
    /// The stored refresh token, or `nil` when there is none.
    func loadRefreshToken() async -> Secret<String>?
    /// Persists a refresh token just issued by Keycloak (replacing the previous one).
    func saveRefreshToken(_ token: Secret<String>) async
}

/// The OAuth2 grant that produced a token.
public enum PixelTokenGrant: String, Sendable, Hashable {
    /// Resource-owner password credentials (the settings' username and password).
    case password
    /// The refresh-token grant (RFC 6749 §6).
    case refreshToken = "refresh_token"
}

/// Things a client reports to its owner (the factory turns them into an event stream).
/// Events never carry a token or a password.
public enum PixelClientEvent: Sendable, CustomStringConvertible {
    /// A new access token was issued; `expiresIn` is Keycloak's `expires_in`.
    case tokenRefreshed(grant: PixelTokenGrant, expiresIn: Duration)
    /// Getting a token failed, or the API rejected a fresh token (second 401).
    case authenticationFailed(PixelError)
    /// A request is being sent again after a retryable failure.
    case requestRetried(method: String, url: String, attempt: Int, reason: String)
    /// The shared core finished closing.
    case closed

    public var description: String {
        switch self {
        case .tokenRefreshed(let grant, let expiresIn): "token refreshed (\(grant.rawValue) grant, expires in \(expiresIn))"
        case .authenticationFailed(let error): "authentication failed: \(error)"
        case .requestRetried(let method, let url, let attempt, let reason): "retrying \(method) \(url) (attempt \(attempt)): \(reason)"
        case .closed: "closed"
        }
    }
}

/// Receives ``PixelClientEvent``s. Called synchronously on whatever task produced the event:
/// keep it quick (yield into an `AsyncStream`, bump a counter).
public typealias PixelEventHandler = @Sendable (PixelClientEvent) -> Void

/// The OAuth2 grant that produced a token.
public enum PixelTokenGrant: String, Sendable, Hashable {
    /// Resource-owner password credentials (the settings' username and password).
    case password
    /// The refresh-token grant (RFC 6749 §6).
    case refreshToken = "refresh_token"
}

/// Things a client reports to its owner through ``PixelClientHooks/eventHandler`` (a registry
/// turns them into its event stream).
/// Events never carry a token or a password.
public enum PixelClientEvent: Sendable, CustomStringConvertible {
    /// A new access token was issued; `expiresIn` is Keycloak's `expires_in`.
    case tokenRefreshed(grant: PixelTokenGrant, expiresIn: Duration)
    /// Getting a token failed, or the API rejected a fresh token (second 401).
    case authenticationFailed(PixelError)
    /// A request is being sent again after a retryable failure.
    case requestRetried(method: String, url: String, attempt: Int, reason: String)
    /// The session store ignored a stored session or could not save one.
    case sessionStoreWarning(SessionStoreWarning)
    /// The shared core finished closing.
    case closed

    public var description: String {
        switch self {
        case .tokenRefreshed(let grant, let expiresIn): "token refreshed (\(grant.rawValue) grant, expires in \(expiresIn))"
        case .authenticationFailed(let error): "authentication failed: \(error)"
        case .requestRetried(let method, let url, let attempt, let reason): "retrying \(method) \(url) (attempt \(attempt)): \(reason)"
        case .sessionStoreWarning(let warning): warning.description
        case .closed: "closed"
        }
    }
}

/// Receives ``PixelClientEvent``s. Called synchronously on whatever task produced the event:
/// keep it quick (yield into an `AsyncStream`, bump a counter).
public typealias PixelEventHandler = @Sendable (PixelClientEvent) -> Void

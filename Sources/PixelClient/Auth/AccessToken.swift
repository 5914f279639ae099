package import Settings

/// An access token as the client holds it: the secret, when it goes stale, and a generation
/// number so a 401 only invalidates the token that actually failed.
package struct AccessToken: Sendable {
    package var value: Secret<String>
    /// Increases with every token issued by this provider.
    package var generation: Int
    /// From here on the provider refreshes in the background and keeps serving this token.
    package var staleAt: ContinuousClock.Instant
    /// From here on the token is not used any more; callers wait for a new one.
    package var expiresAt: ContinuousClock.Instant
}

/// Keycloak's token response (only what the client needs; unknown fields are ignored).
struct TokenEndpointResponse: Decodable, Sendable {
    var accessToken: String
    var expiresIn: Int?
    var refreshToken: String?
    var refreshExpiresIn: Int?
    var tokenType: String?
}

/// Keycloak's OAuth2 error body.
struct TokenEndpointError: Decodable, Sendable {
    var error: String?
    var errorDescription: String?
}

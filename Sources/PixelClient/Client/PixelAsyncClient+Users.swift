// The signed-in user, plugins and OIDC users.
import NIOHTTP1
extension PixelAsyncClient {
    /// The signed-in user (`GET /users/me`); with `extended` it includes the user's projects.
    public func me(extended: Bool = false) async throws(PixelError) -> User {
        var query = QueryItems()
        query["extended"] = extended
        return try await get("/users/me", query: query)
    }

    /// The tenant's plugins (`GET /plugins/`).
    public func getPlugins() async throws(PixelError) -> [Plugin] {
        try await get("/plugins/")
    }

    /// Creates a Keycloak user (`POST /users/oidc/`). The body holds a password: it is never
    /// logged and never kept in errors.
    public func createOIDCUser(_ user: OIDCUserCreate) async throws(PixelError) -> User {
        try await sendSensitive(.POST, "/users/oidc/", body: user)
    }

    /// Updates a Keycloak user (`PUT /users/oidc/{id}/`). Only set fields are sent.
    public func updateOIDCUser(_ id: UserID, _ update: OIDCUserUpdate) async throws(PixelError) -> User {
        guard !update.isEmpty else { throw .invalidInput("updateOIDCUser needs at least one field to change.") }
        return try await sendSensitive(.PUT, "/users/oidc/\(id)/", body: update)
    }
}

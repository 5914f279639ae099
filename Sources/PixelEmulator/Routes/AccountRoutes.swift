import Hummingbird

extension APIRoutes {
    /// The signed-in account, the tenant's OIDC users and its plugins.
    static let account: [APIRoute] = [
        APIRoute(.get, "users/me") { call in
            let extended = try call.query.bool("extended") ?? false
            let username = call.username
            return try await call.tenantData { data, _ in data.me(username: username, extended: extended) }
        },
        APIRoute(.post, "users/oidc/") { call in
            let (body, username) = (try call.body(), call.username)
            return try await call.tenantData { data, _ in try data.createOIDCUser(body, signedIn: username) }
        },
        APIRoute(.put, "users/oidc/{user}/") { call in
            let (user, body) = (try call.id("user"), try call.body())
            return try await call.tenantData { data, _ in try data.updateOIDCUser(user, body) }
        },
        APIRoute(.get, "plugins/") { _ in TenantData.plugins },
    ]
}

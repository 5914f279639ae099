import Hummingbird

extension APIRoutes {
    /// The signed-in account and the tenant's plugins.
    static let account: [APIRoute] = [
        APIRoute(.get, "users/me") { call in
            let extended = try call.query.bool("extended") ?? false
            let username = call.username
            return try await call.tenantData { data, _ in data.me(username: username, extended: extended) }
        },
        APIRoute(.get, "plugins/") { _ in TenantData.plugins },
    ]
}

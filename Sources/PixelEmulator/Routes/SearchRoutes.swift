import Hummingbird

extension APIRoutes {
    /// Search and its self-description.
    static let search: [APIRoute] = [
        APIRoute(.get, "search/info") { call in try TenantData.searchInfo(on: call.query["on"]) },
        APIRoute(.post, "search/") { call in
            let (body, limits) = (try call.body(), call.limits)
            return try await call.tenantData { data, _ in try data.search(body, limits: limits) }
        },
    ]
}

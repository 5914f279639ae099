import Hummingbird

extension APIRoutes {
    /// Harvest services of a data collection. `…/harvest_services/{id}` is the service and
    /// `…/harvest_services/{id}/` (trailing slash) lists its tasks.
    static let harvest: [APIRoute] = {
        let base = dc + "/harvest_services"
        return [
            APIRoute(.post, base + "/") { call in
                let ((p, d), body) = (try call.collection(), try call.body())
                return try await call.tenantData { data, _ in try data.createHarvestService(p, d, body) }
            },
            APIRoute(.get, base + "/") { call in
                let ((p, d), query, limits) = (try call.collection(), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listHarvestServices(p, d, query, limits: limits) }
            },
            APIRoute(.get, base + "/{id}") { call in
                let ((p, d), id) = (try call.collection(), try call.id("id"))
                return try await call.tenantData { data, _ in .object(try data.harvestService(p, d, id)) }
            },
            APIRoute(.put, base + "/{id}") { call in
                let ((p, d), id, body) = (try call.collection(), try call.id("id"), try call.body())
                return try await call.tenantData { data, _ in try data.updateHarvestService(p, d, id, body) }
            },
            APIRoute(.delete, base + "/{id}") { call in
                let ((p, d), id) = (try call.collection(), try call.id("id"))
                return try await call.tenantData { data, _ in try data.deleteHarvestService(p, d, id) }
            },
            APIRoute(.get, base + "/{id}/") { call in
                let ((p, d), id, query, limits) = (try call.collection(), try call.id("id"), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listHarvestTasks(p, d, id, query, limits: limits) }
            },
            APIRoute(.post, base + "/{id}/start") { call in
                let ((p, d), id) = (try call.collection(), try call.id("id"))
                return try await call.tenantData { data, _ in try data.startHarvestService(p, d, id) }
            },
            APIRoute(.post, base + "/{id}/stop") { call in
                let ((p, d), id) = (try call.collection(), try call.id("id"))
                return try await call.tenantData { data, _ in try data.stopHarvestService(p, d, id) }
            },
        ]
    }()
}

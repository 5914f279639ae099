import Hummingbird

extension APIRoutes {
    /// Data collections of a project.
    static let dataCollections: [APIRoute] = [
        APIRoute(.post, "projects/{p}/data_collections/") { call in
            let (p, body) = (try call.id("p"), try call.body())
            return try await call.tenantData { data, _ in try data.createDataCollection(p, body) }
        },
        APIRoute(.get, "projects/{p}/data_collections/") { call in
            let (p, query, limits) = (try call.id("p"), call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listDataCollections(p, query, limits: limits, deleted: false) }
        },
        APIRoute(.get, "projects/{p}/data_collections/deleted") { call in
            let (p, query, limits) = (try call.id("p"), call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listDataCollections(p, query, limits: limits, deleted: true) }
        },
        APIRoute(.get, dc) { call in
            let (p, d) = (try call.id("p"), try call.id("dc"))
            return try await call.tenantData { data, _ in .object(try data.dataCollection(p, d)) }
        },
        APIRoute(.put, dc) { call in
            let (p, d, body) = (try call.id("p"), try call.id("dc"), try call.body())
            return try await call.tenantData { data, _ in try data.updateDataCollection(p, d, body) }
        },
        APIRoute(.put, dc + "/move") { call in
            let (p, d, target) = (try call.id("p"), try call.id("dc"), try call.query.requiredInt("new_project_id"))
            return try await call.tenantData { data, _ in try data.moveDataCollection(p, d, newProject: target) }
        },
        APIRoute(.delete, dc) { call in
            let (p, d) = (try call.id("p"), try call.id("dc"))
            return try await call.tenantData { data, _ in try data.deleteDataCollection(p, d) }
        },
        APIRoute(.post, dc + "/restore") { call in
            let (p, d) = (try call.id("p"), try call.id("dc"))
            return try await call.tenantData { data, _ in try data.restoreDataCollection(p, d) }
        },
    ]
}

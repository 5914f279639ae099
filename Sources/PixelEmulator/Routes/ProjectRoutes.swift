import Hummingbird

extension APIRoutes {
    /// Projects: create, list, get, update, move, delete, restore.
    static let projects: [APIRoute] = [
        APIRoute(.post, "projects/") { call in
            let body = try call.body()
            return try await call.tenantData { data, _ in try data.createProject(body) }
        },
        APIRoute(.get, "projects/") { call in
            let (query, limits) = (call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listProjects(query, limits: limits, deleted: false) }
        },
        APIRoute(.get, "projects/deleted") { call in
            let (query, limits) = (call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listProjects(query, limits: limits, deleted: true) }
        },
        APIRoute(.get, "projects/{p}") { call in
            let (p, extended) = (try call.id("p"), try call.query.bool("extended") ?? false)
            return try await call.tenantData { data, _ in try data.getProject(p, extended: extended) }
        },
        APIRoute(.put, "projects/{p}") { call in
            let (p, body) = (try call.id("p"), try call.body())
            return try await call.tenantData { data, _ in try data.updateProject(p, body) }
        },
        APIRoute(.put, "projects/{p}/move") { call in
            let (p, parent) = (try call.id("p"), try call.query.requiredInt("new_parent_id"))
            return try await call.tenantData { data, _ in try data.moveProject(p, newParent: parent) }
        },
        APIRoute(.delete, "projects/{p}") { call in
            let p = try call.id("p")
            return try await call.tenantData { data, _ in try data.deleteProject(p) }
        },
        APIRoute(.post, "projects/{p}/restore") { call in
            let p = try call.id("p")
            return try await call.tenantData { data, _ in try data.restoreProject(p) }
        },
    ]
}

import Hummingbird

extension APIRoutes {
    /// Images, rasters and point clouds of a data collection (created by uploads).
    static func resources(_ kind: ResourceKind) -> [APIRoute] {
        let base = dc + "/" + kind.pathSegment
        var routes = [
            APIRoute(.get, base + "/") { call in
                let (p, d, query, limits) = (try call.id("p"), try call.id("dc"), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listResources(kind, p, d, query, limits: limits) }
            },
            APIRoute(.get, base + "/{id}") { call in
                let (p, d, id) = (try call.id("p"), try call.id("dc"), try call.id("id"))
                return try await call.tenantData { data, _ in .object(try data.resource(kind, p, d, id)) }
            },
            APIRoute(.put, base + "/{id}") { call in
                let (p, d, id, body) = (try call.id("p"), try call.id("dc"), try call.id("id"), try call.body())
                return try await call.tenantData { data, _ in try data.updateResource(kind, p, d, id, body) }
            },
            APIRoute(.delete, base + "/{id}") { call in
                let (p, d, id) = (try call.id("p"), try call.id("dc"), try call.id("id"))
                return try await call.tenantData { data, _ in try data.deleteResource(kind, p, d, id) }
            },
        ]
        switch kind {
        case .image, .raster:
            routes.append(
                APIRoute(.put, base + "/{id}/move") { call in
                    let (p, d, id) = (try call.id("p"), try call.id("dc"), try call.id("id"))
                    let (project, collection) = (try call.query.requiredInt("new_project_id"), try call.query.requiredInt("new_data_collection_id"))
                    return try await call.tenantData { data, _ in
                        try data.moveResource(kind, p, d, id, newProject: project, newCollection: collection)
                    }
                })
        case .pointCloud:
            routes.append(
                APIRoute(.post, base + "/{id}/move") { call in
                    let (p, d, id) = (try call.id("p"), try call.id("dc"), try call.id("id"))
                    let collection = try call.body().requiredInt("new_data_collection_id")
                    return try await call.tenantData { data, _ in
                        try data.moveResource(kind, p, d, id, newProject: nil, newCollection: collection)
                    }
                })
        }
        if kind == .image {
            routes.append(
                APIRoute(.get, base + "/{id}/metadata") { call in
                    let (p, d, id) = (try call.id("p"), try call.id("dc"), try call.id("id"))
                    return try await call.tenantData { data, _ in try data.imageMetadata(p, d, id) }
                })
        }
        return routes
    }
}

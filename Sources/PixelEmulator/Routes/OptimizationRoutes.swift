import Hummingbird

extension APIRoutes {
    /// Optimized rasters or optimized point clouds of a data collection: create, run, list, and
    /// delete by source.
    static func optimization(_ kind: ResourceKind) -> [APIRoute] {
        let base = dc + "/" + kind.pathSegment
        return [
            APIRoute(.post, base + "/optimized/") { call in
                let ((p, d), body) = (try call.collection(), try call.body())
                return try await call.tenantData { data, _ in try data.createOptimized(kind, p, d, body) }
            },
            APIRoute(.post, base + "/optimized/run") { call in
                let ((p, d), body) = (try call.collection(), try call.body())
                return try await call.tenantData { data, _ in try data.runOptimization(kind, p, d, body) }
            },
            APIRoute(.get, base + "/optimized/") { call in
                let ((p, d), query, limits) = (try call.collection(), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listOptimized(kind, p, d, query, limits: limits) }
            },
            APIRoute(.delete, base + "/{id}/optimized") { call in
                let ((p, d), id, profile) = (try call.collection(), try call.id("id"), call.query["profile"])
                return try await call.tenantData { data, _ in
                    switch kind {
                    case .raster: try data.deleteOptimizedRasters(p, d, rasterID: id, profile: profile)
                    default: try data.deleteOptimizedPointCloud(p, d, pointCloudID: id)
                    }
                }
            },
        ]
    }
}

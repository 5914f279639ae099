import Hummingbird

extension APIRoutes {
    /// ArcGIS Feature and Image services (`{service_type}` is `Feature` or `Image`) and the
    /// GeoData Online users they can be shared with.
    static let arcgis: [APIRoute] = {
        let base = "arcgis_services/{service_type}"
        func action(_ name: String, _ action: @escaping @Sendable (APICall) throws -> ArcGISServiceAction) -> APIRoute {
            APIRoute(.put, base + "/{id}/" + name) { call in
                let (type, id, action) = (try TenantData.arcgisServiceType(call.text("service_type")), try call.id("id"), try action(call))
                return try await call.tenantData { data, _ in try data.actOnArcGISService(type, id, action) }
            }
        }
        return [
            APIRoute(.get, "arcgis_services/gdo-users") { _ in .array(TenantData.gdoUsers.map(JSONValue.string)) },
            APIRoute(.post, base + "/") { call in
                let (type, body) = (try TenantData.arcgisServiceType(call.text("service_type")), try call.body())
                return try await call.tenantData { data, _ in try data.createArcGISService(type, body) }
            },
            APIRoute(.get, base + "/") { call in
                let (type, query, limits) = (try TenantData.arcgisServiceType(call.text("service_type")), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listArcGISServices(type, query, limits: limits) }
            },
            APIRoute(.get, base + "/{id}") { call in
                let (type, id) = (try TenantData.arcgisServiceType(call.text("service_type")), try call.id("id"))
                return try await call.tenantData { data, _ in .object(try data.arcgisService(type, id)) }
            },
            APIRoute(.put, base + "/{id}") { call in
                let (type, id, body) = (try TenantData.arcgisServiceType(call.text("service_type")), try call.id("id"), try call.body())
                return try await call.tenantData { data, _ in try data.updateArcGISService(type, id, body) }
            },
            APIRoute(.delete, base + "/{id}") { call in
                let (type, id) = (try TenantData.arcgisServiceType(call.text("service_type")), try call.id("id"))
                return try await call.tenantData { data, _ in try data.deleteArcGISService(type, id) }
            },
            action("start") { _ in .start },
            action("stop") { _ in .stop },
            action("refresh") { call in .refresh(data: try call.query.bool("refresh_data") ?? false) },
        ]
    }()
}

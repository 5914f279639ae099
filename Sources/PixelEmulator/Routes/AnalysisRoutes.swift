import Hummingbird

extension APIRoutes {
    /// Analysis modules, services configured from them, and the services' tasks.
    static let analysis: [APIRoute] = {
        let services = "analysis/services"
        let tasks = services + "/{service}/tasks"
        return [
            APIRoute(.get, "analysis/modules/") { _ in .array(TenantData.analysisModules) },
            APIRoute(.get, services + "/") { call in
                let (query, limits) = (call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listAnalysisServices(query, limits: limits) }
            },
            APIRoute(.post, services + "/") { call in
                let body = try call.body()
                return try await call.tenantData { data, _ in try data.createAnalysisService(body) }
            },
            APIRoute(.patch, services + "/{service}") { call in
                let (service, body) = (try call.id("service"), try call.body())
                return try await call.tenantData { data, _ in try data.patchAnalysisService(service, body) }
            },
            APIRoute(.delete, services + "/{service}") { call in
                let service = try call.id("service")
                return try await call.tenantData { data, _ in try data.deleteAnalysisService(service) }
            },
            APIRoute(.get, tasks + "/") { call in
                let (service, query, limits) = (try call.id("service"), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listAnalysisTasks(service, query, limits: limits) }
            },
            APIRoute(.post, tasks + "/") { call in
                let (service, body) = (try call.id("service"), try call.body())
                return try await call.tenantData { data, _ in try data.createAnalysisTask(service, body) }
            },
            APIRoute(.delete, tasks + "/{task}") { call in
                let (service, task) = (try call.id("service"), try call.id("task"))
                return try await call.tenantData { data, _ in try data.deleteAnalysisTask(service, task) }
            },
            APIRoute(.post, tasks + "/{task}/run") { call in
                let (service, task) = (try call.id("service"), try call.id("task"))
                return try await call.tenantData { data, _ in try data.runAnalysisTask(service, task) }
            },
            APIRoute(.post, tasks + "/{task}/revoke") { call in
                let (service, task) = (try call.id("service"), try call.id("task"))
                return try await call.tenantData { data, _ in try data.revokeAnalysisTask(service, task) }
            },
        ]
    }()
}

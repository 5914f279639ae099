/// Analysis services (a configured analysis module) and their tasks. A task is `PENDING` when
/// created; running it makes it `SCHEDULED`, and each listing of the service's tasks moves it on
/// (`RUNNING`, then `SUCCESS`), the way jobs move on when polled. Revoking stops it (`REVOKED`).
import HTTPTypes
extension TenantData {
    static let analysisTaskStatuses = ["REVOKED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS", "FAILED"]

    /// The analysis modules a service can use.
    static let analysisModules: [JSONValue] = [
        [
            "name": "object_detection", "description": "Finds and labels objects in the images of a data collection",
            "config_schema": ["type": "object", "properties": ["model": ["type": "string"], "min_confidence": ["type": "number"]]],
        ],
        [
            "name": "change_detection", "description": "Compares two rasters of the same area and marks what changed",
            "config_schema": ["type": "object", "properties": ["threshold": ["type": "number"], "band": ["type": "integer"]]],
        ],
    ]

    func analysisService(_ id: Int) throws(APIError) -> JSONObject {
        guard let service = analysisServices[id] else { throw .notFound("Analysis service \(id)") }
        return service
    }

    func listAnalysisServices(_ query: QueryValues, limits: PageLimits) throws(APIError) -> JSONValue {
        var services = Array(analysisServices.values)
        if let enabled = try query.bool("enabled") { services = services.filter { $0["enabled"] == .bool(enabled) } }
        return try ListQuery.apply(services, query: query, limits: limits)
    }

    mutating func createAnalysisService(_ body: BodyReader) throws(APIError) -> JSONValue {
        let name = try body.requiredString("name")
        let module = try body.requiredOneOf("module_name", Self.analysisModules.compactMap { $0["name"]?.stringValue })
        let config = try body.requiredObject("config")
        let id = nextID("analysis_service")
        let now = Timestamp.now()
        let service: JSONObject = [
            "id": .int(id), "name": .string(name), "module_name": .string(module), "enabled": .bool(try body.bool("enabled") ?? true),
            "config": .object(config), "tags": [], "created_at": .string(now), "updated_at": .string(now),
        ]
        analysisServices[id] = service
        return .object(service)
    }

    /// Sets `name` and `enabled` when given (a `null` leaves them), deep-merges `config`; the
    /// module of a service never changes.
    mutating func patchAnalysisService(_ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        var service = try analysisService(id)
        if body.contains("module_name") {
            throw body.invalid("module_name", "The module of an analysis service cannot be changed", type: "extra_forbidden")
        }
        if let name = try body.string("name") { service["name"] = .string(name) }
        if let enabled = try body.bool("enabled") { service["enabled"] = .bool(enabled) }
        if let config = try body.object("config") {
            service["config"] = .object(Self.deepMerge(service["config"]?.objectValue ?? [:], config))
        }
        service["updated_at"] = .string(Timestamp.now())
        analysisServices[id] = service
        return .object(service)
    }

    mutating func deleteAnalysisService(_ id: Int) throws(APIError) -> JSONValue {
        let service = try analysisService(id)
        analysisServices[id] = nil
        analysisTasks = analysisTasks.filter { $0.value["service_id"]?.intValue != id }
        return Self.deleted(service)
    }

    func analysisTask(_ serviceID: Int, _ id: Int) throws(APIError) -> JSONObject {
        _ = try analysisService(serviceID)
        guard let task = analysisTasks[id], task["service_id"]?.intValue == serviceID else { throw .notFound("Analysis task \(id)") }
        return task
    }

    /// Lists a service's tasks, after moving every scheduled or running one a step on.
    mutating func listAnalysisTasks(_ serviceID: Int, _ query: QueryValues, limits: PageLimits) throws(APIError) -> JSONValue {
        _ = try analysisService(serviceID)
        _ = try query.oneOf("status", Self.analysisTaskStatuses)
        for (id, task) in analysisTasks where task["service_id"]?.intValue == serviceID {
            analysisTasks[id] = Self.advanced(task)
        }
        let tasks = analysisTasks.values.filter { $0["service_id"]?.intValue == serviceID }
        return try ListQuery.apply(tasks, query: query, limits: limits, equalityKeys: ["status"])
    }

    mutating func createAnalysisTask(_ serviceID: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        let params = try body.requiredObject("params")
        let name = try body.string("name")
        let service = try analysisService(serviceID)
        let id = nextID("analysis_task")
        let now = Timestamp.now()
        let task: JSONObject = [
            "id": .int(id), "service_id": .int(serviceID), "module_name": service["module_name"] ?? .null,
            "name": .string(name ?? "Task \(id)"), "params": .object(params), "status": "PENDING", "result": .null,
            "created_at": .string(now), "updated_at": .string(now), "started_at": .null, "finished_at": .null,
        ]
        analysisTasks[id] = task
        return .object(task)
    }

    mutating func deleteAnalysisTask(_ serviceID: Int, _ id: Int) throws(APIError) -> JSONValue {
        let task = try analysisTask(serviceID, id)
        analysisTasks[id] = nil
        return Self.deleted(task)
    }

    /// Schedules a task; 409 while it is already scheduled or running, or when its service is disabled.
    mutating func runAnalysisTask(_ serviceID: Int, _ id: Int) throws(APIError) -> JSONValue {
        var task = try analysisTask(serviceID, id)
        guard try analysisService(serviceID)["enabled"] != false else {
            throw .detail(.conflict, "Analysis service \(serviceID) is disabled")
        }
        let status = task["status"]?.stringValue ?? ""
        guard status != "SCHEDULED", status != "RUNNING" else { throw .detail(.conflict, "Analysis task \(id) is already \(status)") }
        let now = Timestamp.now()
        task["status"] = "SCHEDULED"
        task["result"] = .null
        task["started_at"] = .null
        task["finished_at"] = .null
        task["updated_at"] = .string(now)
        analysisTasks[id] = task
        return .object(task)
    }

    /// Revokes a pending, scheduled or running task; 409 once it finished.
    mutating func revokeAnalysisTask(_ serviceID: Int, _ id: Int) throws(APIError) -> JSONValue {
        var task = try analysisTask(serviceID, id)
        let status = task["status"]?.stringValue ?? ""
        guard ["PENDING", "SCHEDULED", "RUNNING"].contains(status) else {
            throw .detail(.conflict, "Analysis task \(id) already finished with \(status)")
        }
        let now = Timestamp.now()
        task["status"] = "REVOKED"
        task["finished_at"] = .string(now)
        task["updated_at"] = .string(now)
        analysisTasks[id] = task
        return .object(task)
    }

    /// One step of a scheduled or running task.
    private static func advanced(_ task: JSONObject) -> JSONObject {
        var task = task
        let now = Timestamp.now()
        switch task["status"]?.stringValue {
        case "SCHEDULED":
            task["status"] = "RUNNING"
            task["started_at"] = .string(now)
        case "RUNNING":
            task["status"] = "SUCCESS"
            task["finished_at"] = .string(now)
            task["result"] = ["summary": .string("\(task["module_name"]?.stringValue ?? "analysis") finished")]
        default:
            return task
        }
        task["updated_at"] = .string(now)
        return task
    }

    /// `patch` merged into `base`, objects recursively; other values replace.
    static func deepMerge(_ base: JSONObject, _ patch: JSONObject) -> JSONObject {
        var merged = base
        for (key, value) in patch {
            if let inner = value.objectValue, let existing = merged[key]?.objectValue {
                merged[key] = .object(deepMerge(existing, inner))
            } else {
                merged[key] = value
            }
        }
        return merged
    }
}

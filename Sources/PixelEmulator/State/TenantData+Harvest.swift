/// Harvest services: pull features from an ArcGIS Feature service into a data collection. A
/// service is created `stopped`; starting it opens a harvest task (`in_progress`), stopping it
/// completes that task. Credentials and API keys are checked and then forgotten: responses show
/// which kind of authentication is set, never the secret.
import HTTPTypes
extension TenantData {
    static let harvestTaskStatuses = ["pending", "submitted", "in_progress", "completed", "failed"]
    static let harvestMapOperations = ["add", "remove", "update"]

    func harvestService(_ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONObject {
        _ = try dataCollection(projectID, collectionID)
        guard let service = harvestServices[id], service["data_collection_id"]?.intValue == collectionID else {
            throw .notFound("Harvest service \(id)")
        }
        return service
    }

    mutating func createHarvestService(_ projectID: Int, _ collectionID: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        let name = try body.requiredString("name")
        let description = try body.requiredString("description")
        let url = try Self.featureServiceURL(body)
        let auth = try Self.harvestAuth(try body.requiredReader("auth"))
        var mappings: JSONObject = ["maps": [], "extra_fields": []]
        if let reader = try body.reader("field_mappings") {
            var maps: [JSONValue] = []
            for map in try reader.objectList("maps") ?? [] {
                maps.append(
                    [
                        "model": .string(try map.requiredString("model")), "field_name": .string(try map.requiredString("field_name")),
                        "external_field": .string(try map.requiredString("external_field")),
                    ])
            }
            mappings = ["maps": .array(maps), "extra_fields": .array((try reader.stringList("extra_fields") ?? []).map(JSONValue.string))]
        }
        let whereClause = try body.string("where_clause") ?? "1=1"
        _ = try dataCollection(projectID, collectionID)
        let id = nextID("harvest_service")
        let now = Timestamp.now()
        let service: JSONObject = [
            "id": .int(id), "project_id": .int(projectID), "data_collection_id": .int(collectionID), "name": .string(name),
            "description": .string(description), "url": .string(url), "auth": auth, "field_mappings": .object(mappings),
            "where_clause": .string(whereClause), "status": "stopped", "current_task_id": .null,
            "tags": [], "created_at": .string(now), "updated_at": .string(now),
        ]
        harvestServices[id] = service
        return .object(service)
    }

    func listHarvestServices(_ projectID: Int, _ collectionID: Int, _ query: QueryValues, limits: PageLimits) throws(APIError) -> JSONValue {
        _ = try dataCollection(projectID, collectionID)
        return try ListQuery.apply(harvestServices.values.filter { $0["data_collection_id"]?.intValue == collectionID }, query: query, limits: limits)
    }

    /// Sets what the body sets; `field_mappings` applies its `maps` operations and extra-field lists.
    mutating func updateHarvestService(_ projectID: Int, _ collectionID: Int, _ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        var service = try harvestService(projectID, collectionID, id)
        if let name = try body.string("name") { service["name"] = .string(name) }
        if let description = try body.string("description") { service["description"] = .string(description) }
        if body.has("url") { service["url"] = .string(try Self.featureServiceURL(body)) }
        if let auth = try body.reader("auth") { service["auth"] = try Self.harvestAuth(auth) }
        if let clause = try body.string("where_clause") { service["where_clause"] = .string(clause) }
        if let update = try body.reader("field_mappings") {
            service["field_mappings"] = .object(try Self.applyMappingUpdate(update, to: service["field_mappings"]?.objectValue ?? [:]))
        }
        service["updated_at"] = .string(Timestamp.now())
        harvestServices[id] = service
        return .object(service)
    }

    mutating func deleteHarvestService(_ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONValue {
        let service = try harvestService(projectID, collectionID, id)
        harvestServices[id] = nil
        harvestTasks = harvestTasks.filter { $0.value["harvest_service_id"]?.intValue != id }
        return Self.deleted(service)
    }

    /// `POST …/start`: opens a harvest task; 409 when the service already runs.
    mutating func startHarvestService(_ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONValue {
        var service = try harvestService(projectID, collectionID, id)
        guard service["status"] != "running" else { throw .detail(.conflict, "Harvest service \(id) is already running") }
        let taskID = nextID("harvest_task")
        let now = Timestamp.now()
        let task: JSONObject = [
            "id": .int(taskID), "harvest_service_id": .int(id), "name": .string("Harvest \(service["name"]?.stringValue ?? String(id))"),
            "status": "in_progress", "harvested_count": 0, "started_at": .string(now), "finished_at": .null, "tags": [],
        ]
        harvestTasks[taskID] = task
        service["status"] = "running"
        service["current_task_id"] = .int(taskID)
        service["updated_at"] = .string(now)
        harvestServices[id] = service
        return ["harvest_service": .object(service), "task": .object(task)]
    }

    /// `POST …/stop`: completes the running task; 409 when the service is not running.
    mutating func stopHarvestService(_ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONValue {
        var service = try harvestService(projectID, collectionID, id)
        guard service["status"] == "running" else { throw .detail(.conflict, "Harvest service \(id) is not running") }
        let now = Timestamp.now()
        var task: JSONValue = .null
        if let taskID = service["current_task_id"]?.intValue, var running = harvestTasks[taskID] {
            running["status"] = "completed"
            running["finished_at"] = .string(now)
            harvestTasks[taskID] = running
            task = .object(running)
        }
        service["status"] = "stopped"
        service["current_task_id"] = .null
        service["updated_at"] = .string(now)
        harvestServices[id] = service
        return ["harvest_service": .object(service), "task": task]
    }

    /// `GET …/harvest_services/{id}/`: the service's tasks. `get_new` is accepted and checked; the
    /// emulator has no remote service to look for new features in, so it lists what it has.
    func listHarvestTasks(_ projectID: Int, _ collectionID: Int, _ id: Int, _ query: QueryValues, limits: PageLimits) throws(APIError) -> JSONValue {
        _ = try harvestService(projectID, collectionID, id)
        _ = try query.oneOf("status", Self.harvestTaskStatuses)
        _ = try query.bool("get_new")
        let tasks = harvestTasks.values.filter { $0["harvest_service_id"]?.intValue == id }
        return try ListQuery.apply(tasks, query: query, limits: limits, equalityKeys: ["status"])
    }

    /// `url`: an http(s) URL of the Feature service to harvest.
    private static func featureServiceURL(_ body: BodyReader) throws(APIError) -> String {
        let url = try body.requiredString("url")
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count > "https://".count else {
            throw body.invalid("url", "Input should be a valid URL, relative URL without a base", type: "url_parsing")
        }
        return url
    }

    /// Checks `auth` and returns what may be shown of it: the kinds set and their non-secret parts.
    private static func harvestAuth(_ auth: BodyReader) throws(APIError) -> JSONValue {
        var shown: JSONObject = ["credentials": .null, "api_key": .null]
        if let credentials = try auth.reader("credentials") {
            let username = try credentials.requiredString("username")
            _ = try credentials.requiredString("password")
            shown["credentials"] = ["username": .string(username), "token_url": try credentials.string("token_url").json, "password_set": true]
        }
        if let key = try auth.reader("api_key") {
            _ = try key.requiredString("api_key")
            shown["api_key"] = ["api_key_item_id": try key.string("api_key_item_id").json, "api_key_set": true]
        }
        return .object(shown)
    }

    /// Applies `maps` operations (add, remove, update by `model` + `field_name`) and the extra-field lists.
    private static func applyMappingUpdate(_ update: BodyReader, to current: JSONObject) throws(APIError) -> JSONObject {
        var maps = (current["maps"]?.arrayValue ?? []).compactMap(\.objectValue)
        for operation in try update.objectList("maps") ?? [] {
            let kind = try operation.requiredOneOf("operation", harvestMapOperations)
            let model = try operation.requiredString("model")
            let field = try operation.requiredString("field_name")
            let external = try operation.string("external_field")
            let index = maps.firstIndex { $0["model"]?.stringValue == model && $0["field_name"]?.stringValue == field }
            if kind != "remove", external == nil {
                throw operation.invalid("external_field", "Value error, external_field must be defined for add/update operations")
            }
            switch (kind, index) {
            case ("add", nil):
                maps.append(["model": .string(model), "field_name": .string(field), "external_field": external.json])
            case ("add", _?):
                throw operation.invalid("field_name", "\(model).\(field) is already mapped")
            case ("update", let found?):
                maps[found]["external_field"] = external.json
            case ("remove", let found?):
                maps.remove(at: found)
            default:
                throw operation.invalid("field_name", "\(model).\(field) is not mapped")
            }
        }
        var extras = (current["extra_fields"]?.arrayValue ?? []).compactMap(\.stringValue)
        for field in try update.stringList("add_extra_fields") ?? [] where !extras.contains(field) { extras.append(field) }
        let removed = try update.stringList("remove_extra_fields") ?? []
        extras.removeAll(where: removed.contains)
        return ["maps": .array(maps.map(JSONValue.object)), "extra_fields": .array(extras.map(JSONValue.string))]
    }
}

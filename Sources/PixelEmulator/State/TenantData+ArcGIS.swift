/// ArcGIS services publishing data collections to GeoData Online: Feature services (image
/// collections) and Image services (raster collections). They are created `stopped`; start, stop
/// and refresh answer `{"job": …, "arcgis_service": …}` with a job that completes the change, or
/// `"job": null` when there is nothing to do (starting a running service).
import HTTPTypes
extension TenantData {
    static let arcgisServiceTypes = ["Feature", "Image"]
    /// GeoData Online accounts a service can be shared with.
    static let gdoUsers = ["gdo-demo", "gdo-analyst", "gdo-viewer"]

    /// The `{service_type}` path capture, checked.
    static func arcgisServiceType(_ raw: String) throws(APIError) -> String {
        guard arcgisServiceTypes.contains(raw) else {
            throw .validation(["path", "service_type"], "Input should be \(arcgisServiceTypes.quotedList)", type: "enum")
        }
        return raw
    }

    func arcgisService(_ type: String, _ id: Int) throws(APIError) -> JSONObject {
        guard let service = arcgisServices[id], service["service_type"]?.stringValue == type else {
            throw .notFound("\(type) service \(id)")
        }
        return service
    }

    mutating func createArcGISService(_ type: String, _ body: BodyReader) throws(APIError) -> JSONValue {
        // Shape first (422), as FastAPI validates the body before the handler looks anything up.
        let name = try body.requiredString("name")
        let description = try body.requiredString("description")
        guard let collections = try body.intList("data_collection_ids", minimum: 1) else { throw .missing(["body", "data_collection_ids"]) }
        let options = try arcgisOptions(type, try body.requiredReader("options"), current: nil)
        try checkPublishable(type, collections)
        let id = nextID("arcgis_service")
        let now = Timestamp.now()
        let service: JSONObject = [
            "id": .int(id), "name": .string(name), "description": .string(description), "service_type": .string(type),
            "data_collection_ids": .array(collections.map(JSONValue.int)), "options": options, "status": "stopped", "job_id": .null,
            "url": .string("https://services.geodataonline.no/arcgis/rest/services/Pixel/\(tenant)_\(id)/\(type)Server"),
            "created_at": .string(now), "updated_at": .string(now), "started_at": .null, "last_refreshed_at": .null,
            "data_refreshed_at": .null,
        ]
        arcgisServices[id] = service
        return .object(service)
    }

    func listArcGISServices(_ type: String, _ query: QueryValues, limits: PageLimits) throws(APIError) -> JSONValue {
        try ListQuery.apply(arcgisServices.values.filter { $0["service_type"]?.stringValue == type }, query: query, limits: limits)
    }

    /// Replaces the keys the body sets; `options` merges block by block.
    mutating func updateArcGISService(_ type: String, _ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        var service = try arcgisService(type, id)
        if let name = try body.string("name") { service["name"] = .string(name) }
        if let description = try body.string("description") { service["description"] = .string(description) }
        let collections = try body.intList("data_collection_ids", minimum: 1)
        if let options = try body.reader("options") {
            service["options"] = try arcgisOptions(type, options, current: service["options"]?.objectValue)
        }
        if let collections {
            try checkPublishable(type, collections)
            service["data_collection_ids"] = .array(collections.map(JSONValue.int))
        }
        service["updated_at"] = .string(Timestamp.now())
        arcgisServices[id] = service
        return .object(service)
    }

    mutating func deleteArcGISService(_ type: String, _ id: Int) throws(APIError) -> JSONValue {
        let service = try arcgisService(type, id)
        arcgisServices[id] = nil
        return Self.deleted(service)
    }

    /// Start, stop or refresh: a job that makes the change when it completes, or none.
    mutating func actOnArcGISService(_ type: String, _ id: Int, _ action: ArcGISServiceAction) throws(APIError) -> JSONValue {
        var service = try arcgisService(type, id)
        let status = service["status"]?.stringValue ?? "stopped"
        let transition: (busy: String, needed: Bool)
        switch action {
        case .start:
            if status == "stopping" { throw .detail(.conflict, "\(type) service \(id) is stopping; start it once it stopped") }
            transition = ("starting", status == "stopped")
        case .stop:
            if status == "starting" { throw .detail(.conflict, "\(type) service \(id) is starting; stop it once it runs") }
            transition = ("stopping", status == "running")
        case .refresh:
            transition = (status, true)
        }
        guard transition.needed else { return ["job": .null, "arcgis_service": .object(service)] }
        let verb: String =
            switch action {
            case .start: "Start"
            case .stop: "Stop"
            case .refresh: "Refresh"
            }
        let job = startJob(named: "\(verb) \(type) service \(service["name"]?.stringValue ?? String(id))", .arcgis(serviceID: id, action: action))
        service["status"] = .string(transition.busy)
        service["job_id"] = .int(job.id)
        service["updated_at"] = .string(Timestamp.now())
        arcgisServices[id] = service
        return ["job": jobJSON(job), "arcgis_service": .object(service)]
    }

    mutating func finishArcGISAction(_ action: ArcGISServiceAction, serviceID: Int) {
        guard var service = arcgisServices[serviceID] else { return }
        let now = Timestamp.now()
        switch action {
        case .start:
            service["status"] = "running"
            service["started_at"] = .string(now)
        case .stop:
            service["status"] = "stopped"
        case .refresh(let data):
            service["last_refreshed_at"] = .string(now)
            if data { service["data_refreshed_at"] = .string(now) }
        }
        service["updated_at"] = .string(now)
        arcgisServices[serviceID] = service
    }

    /// Each collection must exist and hold what the service publishes.
    private func checkPublishable(_ type: String, _ ids: [Int]) throws(APIError) {
        let wanted: ResourceKind = type == "Feature" ? .image : .raster
        for id in ids {
            guard let collection = dataCollections[id], isLive(collection) else { throw .notFound("Data collection \(id)") }
            guard kind(of: collection) == wanted else {
                let have = collection["data_collection_type"]?.stringValue ?? "?"
                throw .badRequest("A \(type) service publishes \(wanted.pathSegment); data collection \(id) has type \(have)")
            }
        }
    }

    /// The options block with defaults filled in; `current` is what an update starts from.
    private func arcgisOptions(_ type: String, _ options: BodyReader, current: JSONObject?) throws(APIError) -> JSONValue {
        var result = current ?? ["gdo_users": .null, "feature_service_options": .null, "image_service_options": .null]
        if let users = try options.stringList("gdo_users") {
            for user in users where !Self.gdoUsers.contains(user) {
                throw options.invalid("gdo_users", "Unknown GeoData Online user '\(user)'")
            }
            result["gdo_users"] = .array(users.map(JSONValue.string))
        }
        let (own, other) =
            type == "Feature" ? ("feature_service_options", "image_service_options") : ("image_service_options", "feature_service_options")
        if options.has(other) {
            throw options.invalid(other, "A \(type) service takes \(own), not \(other)", type: "extra_forbidden")
        }
        if let block = try options.reader(own) {
            result[own] = type == "Feature" ? try Self.featureServiceOptions(block) : try Self.imageServiceOptions(block)
        } else if current == nil {
            throw .missing(options.location + [own])
        }
        return .object(result)
    }

    private static func featureServiceOptions(_ block: BodyReader) throws(APIError) -> JSONValue {
        let image = try block.requiredReader("image_layer")
        let imageLayer: JSONValue = [
            "include_fields": try image.stringList("include_fields").map { .array($0.map(JSONValue.string)) } ?? .null,
            "enable_oriented_imagery": .bool(try image.bool("enable_oriented_imagery") ?? false),
            "enable_images_as_attachments": .bool(try image.bool("enable_images_as_attachments") ?? false),
            "image_processed_type": .string(try image.oneOf("image_processed_type", ["original", "blurred"]) ?? "blurred"),
        ]
        var projectLayer: JSONValue = .null
        if let project = try block.reader("project_layer") {
            projectLayer = ["include_fields": try project.stringList("include_fields").map { .array($0.map(JSONValue.string)) } ?? .null]
        }
        return ["image_layer": imageLayer, "project_layer": projectLayer]
    }

    private static func imageServiceOptions(_ block: BodyReader) throws(APIError) -> JSONValue {
        let srid = try block.requiredInt("default_service_srid")
        var wms: JSONValue = .null
        if let options = try block.reader("wms_options") {
            wms = [
                "enable": .bool(try options.bool("enable") ?? true),
                "supported_srids": try options.intList("supported_srids").map { .array($0.map(JSONValue.int)) } ?? .null,
                "abstract": try options.string("abstract").json,
                "keywords": try options.stringList("keywords").map { .array($0.map(JSONValue.string)) } ?? .null,
                "title": try options.string("title").json,
            ]
        }
        return ["default_service_srid": .int(srid), "wms_options": wms]
    }
}

/// Everything one tenant owns. Mutated only inside ``EmulatorState`` (an actor), so plain value
/// semantics are enough here.
struct TenantData: Sendable {
    var tenant: String
    private var counters: [String: Int] = [:]
    var projects: [Int: JSONObject] = [:]
    var dataCollections: [Int: JSONObject] = [:]
    var resources: [ResourceKind: [Int: JSONObject]] = [:]
    var uploadJobs: [Int: UploadJob] = [:]
    var jobs: [Int: Job] = [:]
    var groups: [Int: JobGroup] = [:]
    var attachments: [Int: Attachment] = [:]
    /// Optimized rasters and optimized point clouds, by kind and id.
    var optimized: [ResourceKind: [Int: JSONObject]] = [:]
    var arcgisServices: [Int: JSONObject] = [:]
    var harvestServices: [Int: JSONObject] = [:]
    var harvestTasks: [Int: JSONObject] = [:]
    var analysisServices: [Int: JSONObject] = [:]
    var analysisTasks: [Int: JSONObject] = [:]
    var oidcUsers: [Int: JSONObject] = [:]

    init(tenant: String) {
        self.tenant = tenant
    }

    /// Monotonic ids per kind, starting at 1.
    mutating func nextID(_ kind: String) -> Int {
        let next = counters[kind, default: 0] + 1
        counters[kind] = next
        return next
    }

    // MARK: Lookups that throw 404

    func project(_ id: Int) throws(APIError) -> JSONObject {
        guard let project = projects[id], project["deleted_at"]?.isNull ?? true else { throw .notFound("Project \(id)") }
        return project
    }

    func dataCollection(_ projectID: Int, _ id: Int) throws(APIError) -> JSONObject {
        _ = try project(projectID)
        guard let collection = dataCollections[id], collection["project_id"]?.intValue == projectID,
            collection["deleted_at"]?.isNull ?? true
        else { throw .notFound("Data collection \(id) in project \(projectID)") }
        return collection
    }

    /// The resource kind a data collection holds.
    func kind(of collection: JSONObject) -> ResourceKind? {
        collection["data_collection_type"]?.stringValue.flatMap(ResourceKind.init(dataCollectionType:))
    }

    func resource(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONObject {
        _ = try dataCollection(projectID, collectionID)
        guard let item = resources[kind]?[id], item["data_collection_id"]?.intValue == collectionID else {
            throw .notFound("\(kind.displayName) \(id)")
        }
        return item
    }

    func isLive(_ object: JSONObject) -> Bool {
        object["deleted_at"]?.isNull ?? true
    }

    /// What a delete answers: the removed object, marked `"deleted": true`.
    static func deleted(_ object: JSONObject) -> JSONValue {
        var object = object
        object["deleted"] = true
        return .object(object)
    }

    // MARK: Tags

    static func applyTags(_ object: inout JSONObject, add: [String]?, remove: [String]?) {
        var tags = (object["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        for tag in add ?? [] where !tags.contains(tag) { tags.append(tag) }
        if let remove { tags.removeAll(where: remove.contains) }
        object["tags"] = .array(tags.map(JSONValue.string))
    }
}

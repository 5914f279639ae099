/// Data collections of a project.
extension TenantData {
    mutating func createDataCollection(_ projectID: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        _ = try project(projectID)
        let name = try body.requiredString("name")
        let description = try body.string("description") ?? ""
        let type = try body.requiredString("data_collection_type")
        guard dataCollectionTypes.contains(type) else {
            throw .validation(
                ["body", "data_collection_type"],
                "Input should be 'image', 'raster', 'RGB', 'DTM', 'DSM' or 'point_cloud'", type: "enum")
        }
        let tags = try body.stringList("tags") ?? []
        let rasterInfo = try body.object("raster_info")
        let id = nextID("data_collection")
        let now = Timestamp.now()
        let collection: JSONObject = [
            "id": .int(id), "project_id": .int(projectID), "name": .string(name), "description": .string(description),
            "data_collection_type": .string(type), "tags": .array(tags.map(JSONValue.string)),
            "raster_info": rasterInfo.map(JSONValue.object) ?? .null,
            "created_at": .string(now), "updated_at": .string(now), "deleted_at": .null,
        ]
        dataCollections[id] = collection
        return .object(collection)
    }

    func listDataCollections(_ projectID: Int, _ query: QueryValues, limits: PageLimits, deleted: Bool) throws(APIError) -> JSONValue {
        _ = try project(projectID)
        let items = dataCollections.values.filter { $0["project_id"]?.intValue == projectID && isLive($0) != deleted }
        return try ListQuery.apply(Array(items), query: query, limits: limits, equalityKeys: ["data_collection_type"])
    }

    mutating func updateDataCollection(_ projectID: Int, _ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        var collection = try dataCollection(projectID, id)
        if let name = try body.string("name") { collection["name"] = .string(name) }
        if let description = try body.string("description") { collection["description"] = .string(description) }
        Self.applyTags(&collection, add: try body.stringList("add_tags"), remove: try body.stringList("remove_tags"))
        collection["updated_at"] = .string(Timestamp.now())
        dataCollections[id] = collection
        return .object(collection)
    }

    mutating func moveDataCollection(_ projectID: Int, _ id: Int, newProject: Int) throws(APIError) -> JSONValue {
        var collection = try dataCollection(projectID, id)
        _ = try project(newProject)
        collection["project_id"] = .int(newProject)
        collection["updated_at"] = .string(Timestamp.now())
        dataCollections[id] = collection
        for kind in ResourceKind.allCases {
            for (itemID, item) in resources[kind] ?? [:] where item["data_collection_id"]?.intValue == id {
                resources[kind]?[itemID]?["project_id"] = .int(newProject)
            }
        }
        return .object(collection)
    }

    mutating func deleteDataCollection(_ projectID: Int, _ id: Int) throws(APIError) -> JSONValue {
        var collection = try dataCollection(projectID, id)
        collection["deleted_at"] = .string(Timestamp.now())
        dataCollections[id] = collection
        return .object(collection)
    }

    mutating func restoreDataCollection(_ projectID: Int, _ id: Int) throws(APIError) -> JSONValue {
        _ = try project(projectID)
        guard var collection = dataCollections[id], collection["project_id"]?.intValue == projectID else {
            throw .notFound("Data collection \(id) in project \(projectID)")
        }
        guard !isLive(collection) else { throw .badRequest("Data collection \(id) is not deleted") }
        collection["deleted_at"] = .null
        dataCollections[id] = collection
        return .object(collection)
    }
}

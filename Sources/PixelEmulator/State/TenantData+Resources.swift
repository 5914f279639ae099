/// Images, rasters and point clouds (created only by validated uploads).
extension TenantData {
    func listResources(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ query: QueryValues, limits: PageLimits)
        throws(APIError) -> JSONValue
    {
        _ = try dataCollection(projectID, collectionID)
        let items = (resources[kind] ?? [:]).values.filter { $0["data_collection_id"]?.intValue == collectionID }
        let keys: [String] =
            switch kind {
            case .image: []
            case .raster: ["format"]
            case .pointCloud: ["format", "point_record_format", "version_major", "version_minor"]
            }
        return try ListQuery.apply(Array(items), query: query, limits: limits, equalityKeys: keys)
    }

    func imageMetadata(_ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONValue {
        let image = try resource(.image, projectID, collectionID, id)
        return ["fields": image["fields"] ?? .null, "json_metadata": image["json_metadata"] ?? .null]
    }

    mutating func updateResource(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ id: Int, _ body: BodyReader)
        throws(APIError) -> JSONValue
    {
        var item = try resource(kind, projectID, collectionID, id)
        let add = try body.stringList("add_tags")
        let remove = try body.stringList("remove_tags")
        let jsonMetadata = try body.object("json_metadata")
        let fields = try body.object("fields")
        guard add != nil || remove != nil || jsonMetadata != nil || fields != nil else {
            throw .validation(["body"], "At least one of add_tags, remove_tags, json_metadata or fields must be set")
        }
        if let fields {
            if let type = fields["fields_type"]?.stringValue, type != kind.rawValue {
                throw .validation(["body", "fields", "fields_type"], "fields_type must be '\(kind.rawValue)'")
            }
            var merged = item["fields"]?.objectValue ?? [:]
            merged.merge(fields) { _, new in new }
            item["fields"] = .object(merged)
            if let name = fields["name"]?.stringValue { item["name"] = .string(name) }
            if let location = fields["location"], kind == .image { item["location"] = location }
        }
        if let jsonMetadata {
            var merged = item["json_metadata"]?.objectValue ?? [:]
            merged.merge(jsonMetadata) { _, new in new }
            item["json_metadata"] = .object(merged)
        }
        Self.applyTags(&item, add: add, remove: remove)
        item["updated_at"] = .string(Timestamp.now())
        resources[kind]?[id] = item
        return .object(item)
    }

    mutating func moveResource(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ id: Int, newProject: Int?, newCollection: Int)
        throws(APIError) -> JSONValue
    {
        var item = try resource(kind, projectID, collectionID, id)
        guard let target = dataCollections[newCollection], isLive(target),
            let targetProject = target["project_id"]?.intValue, newProject == nil || newProject == targetProject
        else { throw .notFound("Data collection \(newCollection)\(newProject.map { " in project \($0)" } ?? "")") }
        _ = try project(targetProject)
        guard self.kind(of: target) == kind else {
            throw .badRequest(
                "Data collection \(newCollection) has type \(target["data_collection_type"]?.stringValue ?? "?"), which cannot hold a \(kind.rawValue)"
            )
        }
        item["project_id"] = .int(targetProject)
        item["data_collection_id"] = .int(newCollection)
        item["updated_at"] = .string(Timestamp.now())
        resources[kind]?[id] = item
        return .object(item)
    }

    mutating func deleteResource(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ id: Int) throws(APIError) -> JSONValue {
        let item = try resource(kind, projectID, collectionID, id)
        resources[kind]?[id] = nil
        dropOptimizedCopies(kind, sourceID: id)
        return ["id": .int(id), "deleted": true, "name": item["name"] ?? .null]
    }

    /// Creates the resource a validated upload produces.
    mutating func createResource(from job: UploadJob, kind: ResourceKind, md5: String, size: Int) -> Int {
        let id = nextID(kind.rawValue)
        let now = Timestamp.now()
        let metadata = job.metadata.objectValue ?? [:]
        let fields = metadata["fields"]?.objectValue
        var item: JSONObject = [
            "id": .int(id), "name": .string(fields?["name"]?.stringValue ?? job.name), "file_name": .string(job.name),
            "project_id": .int(job.projectID), "data_collection_id": .int(job.dataCollectionID),
            "tags": [], "md5": .string(md5), "size": .int(size), "upload_job_id": .int(job.id),
            "fields": fields.map(JSONValue.object) ?? .null, "json_metadata": metadata["json_metadata"] ?? .null,
            "support_files": .array(job.supportFiles.map { ["name": .string($0.name), "md5": .string($0.md5)] }),
            "created_at": .string(now), "updated_at": .string(now),
        ]
        let lowerName = job.name.lowercased()
        switch kind {
        case .image:
            item["location"] = fields?["location"] ?? .null
            item["capture_date"] = fields?["capture_date"] ?? .null
        case .raster:
            item["format"] = lowerName.hasSuffix(".png") ? "PNG" : (lowerName.hasSuffix(".jpg") || lowerName.hasSuffix(".jpeg")) ? "JPEG" : "GTiff"
            item["capture_date"] = fields?["capture_date"] ?? .null
        case .pointCloud:
            item["format"] = lowerName.hasSuffix(".las") ? "LAS" : "LAZ"
            // LAS 1.4 with point record format 6, what current scanners write.
            item["point_record_format"] = 6
            item["version_major"] = 1
            item["version_minor"] = 4
            item["capture_date"] = fields?["capture_date"] ?? .null
        }
        resources[kind, default: [:]][id] = item
        return id
    }
}

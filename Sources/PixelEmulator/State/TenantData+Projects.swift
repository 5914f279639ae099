/// The account, the plugins and projects.
extension TenantData {
    func me(username: String, extended: Bool) -> JSONValue {
        var user: JSONObject = [
            "id": 1, "username": .string(username), "email": .string(username), "tenant": .string(tenant),
            "first_name": "Demo", "last_name": "User", "user_type": "superuser", "enabled": true,
        ]
        if extended {
            user["projects"] = .array(projects.values.filter(isLive).sorted(by: byID).map(JSONValue.object))
        }
        return .object(user)
    }

    static let plugins: JSONValue = [
        ["name": "optimized_raster", "enabled": true, "depends_on": []],
        ["name": "image_service", "enabled": true, "depends_on": ["optimized_raster"]],
    ]

    mutating func createProject(_ body: BodyReader) throws(APIError) -> JSONValue {
        let name = try body.requiredString("name")
        guard !name.isEmpty else { throw .validation(["body", "name"], "String should have at least 1 character", type: "string_too_short") }
        let description = try body.string("description") ?? ""
        let area = try body.geoJSONPolygon("area_of_interest")
        let parent = try body.int("parent_project_id")
        if let parent { _ = try project(parent) }
        let tags = try body.stringList("tags") ?? []
        let id = nextID("project")
        let now = Timestamp.now()
        let project: JSONObject = [
            "id": .int(id), "name": .string(name), "description": .string(description),
            "area_of_interest": area ?? .null, "parent_project_id": parent.json,
            "tags": .array(tags.map(JSONValue.string)), "created_at": .string(now), "updated_at": .string(now),
            "deleted_at": .null,
        ]
        projects[id] = project
        return .object(project)
    }

    func listProjects(_ query: QueryValues, limits: PageLimits, deleted: Bool) throws(APIError) -> JSONValue {
        let items = projects.values.filter { isLive($0) != deleted }
        return try ListQuery.apply(Array(items), query: query, limits: limits)
    }

    func getProject(_ id: Int, extended: Bool) throws(APIError) -> JSONValue {
        var project = try project(id)
        if extended {
            project["children"] = .array(
                projects.values.filter { isLive($0) && $0["parent_project_id"]?.intValue == id }.sorted(by: byID).map(JSONValue.object))
            project["data_collections"] = .array(
                dataCollections.values.filter { isLive($0) && $0["project_id"]?.intValue == id }.sorted(by: byID).map(JSONValue.object))
        }
        return .object(project)
    }

    mutating func updateProject(_ id: Int, _ body: BodyReader) throws(APIError) -> JSONValue {
        var project = try project(id)
        if let name = try body.string("name") { project["name"] = .string(name) }
        if let description = try body.string("description") { project["description"] = .string(description) }
        if let area = try body.geoJSONPolygon("area_of_interest") { project["area_of_interest"] = area }
        Self.applyTags(&project, add: try body.stringList("add_tags"), remove: try body.stringList("remove_tags"))
        project["updated_at"] = .string(Timestamp.now())
        projects[id] = project
        return .object(project)
    }

    mutating func moveProject(_ id: Int, newParent: Int) throws(APIError) -> JSONValue {
        var project = try project(id)
        if newParent == -1 {
            project["parent_project_id"] = .null
        } else {
            _ = try self.project(newParent)
            var cursor: Int? = newParent
            while let current = cursor {
                if current == id { throw .badRequest("Cannot move project \(id) into itself or one of its descendants") }
                cursor = projects[current]?["parent_project_id"]?.intValue
            }
            project["parent_project_id"] = .int(newParent)
        }
        project["updated_at"] = .string(Timestamp.now())
        projects[id] = project
        return .object(project)
    }

    mutating func deleteProject(_ id: Int) throws(APIError) -> JSONValue {
        var project = try project(id)
        project["deleted_at"] = .string(Timestamp.now())
        projects[id] = project
        return .object(project)
    }

    mutating func restoreProject(_ id: Int) throws(APIError) -> JSONValue {
        guard var project = projects[id] else { throw .notFound("Project \(id)") }
        guard !isLive(project) else { throw .badRequest("Project \(id) is not deleted") }
        project["deleted_at"] = .null
        projects[id] = project
        return .object(project)
    }
}

/// Id order for listings.
func byID(_ lhs: JSONObject, _ rhs: JSONObject) -> Bool {
    (lhs["id"]?.intValue ?? 0) < (rhs["id"]?.intValue ?? 0)
}

import HTTPTypes
import PixelEmulator
import Testing

struct HarvestRouteTests {
    static let service: JSONValue = [
        "name": "Trees", "description": "Tree register", "url": "https://services.example.com/arcgis/rest/services/Trees/FeatureServer/0",
        "auth": ["credentials": ["username": "harvester", "password": "S3NT1NEL-pw"], "api_key": ["api_key": "S3NT1NEL-key"]],
        "field_mappings": ["maps": [["model": "image", "field_name": "name", "external_field": "TREE_ID"]], "extra_fields": ["HEIGHT"]],
    ]

    @Test func createdServicesShowWhichAuthIsSetButNeverTheSecrets() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let created = try await api.call(.post, dc + "/harvest_services/", json: Self.service)
            #expect(created.status == 200)
            #expect(!created.text.contains("S3NT1NEL"))
            #expect(created.json["auth"]?["credentials"]?["username"] == "harvester")
            #expect(created.json["auth"]?["api_key"]?["api_key_set"] == true)
            #expect(created.json["where_clause"] == "1=1")
            #expect(created.json["status"] == "stopped")
            #expect(created.json["field_mappings"]?["extra_fields"] == ["HEIGHT"])
            let id = try created.json.requiredInt("id")
            #expect(try await api.ok(.get, dc + "/harvest_services/").ints("id") == [id])
            #expect(try await api.ok(.get, dc + "/harvest_services/\(id)")["name"] == "Trees")
        }
    }

    @Test func theTrailingSlashTellsTheServiceFromItsTasks() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let id = try await api.ok(.post, dc + "/harvest_services/", Self.service).requiredInt("id")
            #expect(try await api.ok(.get, dc + "/harvest_services/\(id)").objectValue != nil)
            #expect(try await api.ok(.get, dc + "/harvest_services/\(id)/") == [])
            #expect(try await api.get(dc + "/harvest_services/\(id + 1)/").status == 404)
            #expect(try await api.get(dc + "/harvest_services/\(id + 1)").status == 404)
            #expect(try await api.put(dc + "/harvest_services/\(id)/", ["name": "x"]).status == 405)
        }
    }

    @Test func startingOpensATaskAndStoppingCompletesIt() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let path = dc + "/harvest_services/" + String(try await api.ok(.post, dc + "/harvest_services/", Self.service).requiredInt("id"))
            let started = try await api.ok(.post, path + "/start")
            #expect(started["harvest_service"]?["status"] == "running")
            #expect(started["task"]?["status"] == "in_progress")
            #expect(try await api.post(path + "/start").status == 409)
            #expect(
                try await api.ok(.get, path + "/?status=in_progress&get_new=true").ints("id") == [try (started["task"] ?? .null).requiredInt("id")])
            let stopped = try await api.ok(.post, path + "/stop")
            #expect(stopped["task"]?["status"] == "completed")
            #expect(try await api.post(path + "/stop").status == 409)
            #expect(try await api.ok(.get, path + "/?status=in_progress") == [])
            #expect(try await api.ok(.get, path + "/?status=completed").arrayValue?.count == 1)
            #expect(try await api.get(path + "/?status=finished").status == 422)
            #expect(try await api.get(path + "/?get_new=often").status == 422)
            #expect(try await api.put(path + "/start").status == 405)
        }
    }

    @Test func updatesApplyFieldMapOperations() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let path = dc + "/harvest_services/" + String(try await api.ok(.post, dc + "/harvest_services/", Self.service).requiredInt("id"))
            let updated = try await api.ok(
                .put, path,
                [
                    "where_clause": "HEIGHT > 2",
                    "field_mappings": [
                        "maps": [
                            ["operation": "update", "model": "image", "field_name": "name", "external_field": "TREE_NAME"],
                            ["operation": "add", "model": "image", "field_name": "capture_date", "external_field": "DATE"],
                        ],
                        "add_extra_fields": ["SPECIES"], "remove_extra_fields": ["HEIGHT"],
                    ],
                ])
            #expect(updated["where_clause"] == "HEIGHT > 2")
            #expect(updated["field_mappings"]?["maps"]?.strings("external_field") == ["TREE_NAME", "DATE"])
            #expect(updated["field_mappings"]?["extra_fields"] == ["SPECIES"])
            let removed = try await api.ok(
                .put, path, ["field_mappings": ["maps": [["operation": "remove", "model": "image", "field_name": "name"]]]])
            #expect(removed["field_mappings"]?["maps"]?.strings("field_name") == ["capture_date"])
            let addWithoutField = try await api.put(path, ["field_mappings": ["maps": [["operation": "add", "model": "image", "field_name": "x"]]]])
            #expect(addWithoutField.status == 422)
            #expect(addWithoutField.errorLocation == ["body", "field_mappings", "maps", "0", "external_field"])
            #expect(
                try await api.put(path, ["field_mappings": ["maps": [["operation": "remove", "model": "image", "field_name": "x"]]]]).status == 422)
            #expect(
                try await api.put(path, ["field_mappings": ["maps": [["operation": "merge", "model": "image", "field_name": "x"]]]]).status == 422)
            #expect(try await api.put(path, ["url": "ftp://example.com"]).status == 422)
        }
    }

    @Test(arguments: ["name", "description", "url", "auth"])
    func aMissingRequiredFieldIs422(field: String) async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            var body = try #require(Self.service.objectValue)
            body[field] = nil
            let reply = try await api.post(dc + "/harvest_services/", .object(body))
            #expect(reply.status == 422)
            #expect(reply.errorLocation == .array([.string("body"), .string(field)]))
        }
    }

    @Test func deletedServicesTakeTheirTasksAlong() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let path = dc + "/harvest_services/" + String(try await api.ok(.post, dc + "/harvest_services/", Self.service).requiredInt("id"))
            _ = try await api.ok(.post, path + "/start")
            #expect(try await api.ok(.delete, path)["deleted"] == true)
            #expect(try await api.get(path).status == 404)
            #expect(try await api.get(path + "/").status == 404)
            #expect(try await api.post("/projects/1/data_collections/99/harvest_services/", Self.service).status == 404)
        }
    }
}

import PixelEmulator
import Testing

struct DataCollectionRouteTests {
    @Test func dataCollectionLifecycle() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (project, collection) = try await http.makeCollection(type: "RGB", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            let fetched = try await http.api(.GET, dc, token: token)
            #expect(fetched.json["data_collection_type"] == "RGB")
            let updated = try await http.api(.PUT, dc, json: ["name": "New", "add_tags": ["x"]], token: token)
            #expect(updated.json["name"] == "New")
            let list = try await http.api(.GET, "/projects/\(project)/data_collections/?data_collection_type=RGB", token: token)
            #expect(list.json.arrayValue?.count == 1)
            let none = try await http.api(.GET, "/projects/\(project)/data_collections/?data_collection_type=DTM", token: token)
            #expect(none.json == [])

            let other = try #require(try await http.api(.POST, "/projects/", json: ["name": "Other"], token: token).json["id"]?.intValue)
            let moved = try await http.api(.PUT, dc + "/move?new_project_id=\(other)", token: token)
            #expect(moved.json["project_id"] == .int(other))
            let movedPath = "/projects/\(other)/data_collections/\(collection)"
            #expect(try await http.api(.GET, dc, token: token).status == 404)
            #expect(try await http.api(.DELETE, movedPath, token: token).json.objectValue != nil)
            let deleted = try await http.api(.GET, "/projects/\(other)/data_collections/deleted", token: token)
            #expect(deleted.json.arrayValue?.count == 1)
            #expect(try await http.api(.POST, movedPath + "/restore", token: token).status == 200)
            #expect(try await http.api(.GET, movedPath, token: token).status == 200)
        }
    }

    @Test func dataCollectionValidationAndNotFound() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (project, _) = try await http.makeCollection(type: "image", token: token)
            let badType = try await http.api(
                .POST, "/projects/\(project)/data_collections/", json: ["name": "x", "data_collection_type": "video"], token: token)
            #expect(badType.status == 422)
            #expect(badType.json["detail"]?.arrayValue?.first?["loc"] == ["body", "data_collection_type"])
            #expect(try await http.api(.GET, "/projects/\(project)/data_collections/99", token: token).status == 404)
            #expect(try await http.api(.GET, "/projects/99/data_collections/", token: token).status == 404)
            #expect(try await http.api(.GET, "/projects/\(project)/data_collections/", token: "").status == 401)
        }
    }
}

import PixelEmulator
import Testing

struct AttachmentTests {
    @Test func attachmentFlowStoresBytesAndCompletes() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (project, _) = try await http.makeCollection(type: "image", token: token)
            let report = testBytes(4096, seed: 11)
            let query = "resource_type=project&resource_id=\(project)"
            let created = try await http.api(
                .POST, "/attachments/?\(query)", json: ["files": [["name": "report.pdf", "description": "", "md5": .string(md5Base64(report))]]],
                token: token)
            #expect(created.status == 200)
            let attachment = try #require(created.json.arrayValue?.first)
            #expect(attachment["status"] == "Pending")
            let params = try #require(attachment["upload_file_params"])
            let id = try #require(attachment["id"]?.intValue)
            #expect(try await http.api(.PUT, "/attachments/update?\(query)&attachment_id=\(id)&status=Completed", token: token).status == 400)
            let posted = try await http.presignedPost(url: try #require(params["url"]?.stringValue), fields: params["fields"], file: report)
            #expect(posted.status == 204)
            let completed = try await http.api(.PUT, "/attachments/update?\(query)&attachment_id=\(id)&status=Completed", token: token)
            #expect(completed.status == 200)
            #expect(completed.json["status"] == "Completed")
            #expect(try await http.emulator.storedObjectMD5(resourceType: "attachment", id: id) == md5Base64(report))
            let listed = try await http.api(.GET, "/attachments/?\(query)&status=Completed", token: token)
            #expect(listed.json.arrayValue?.count == 1)
            #expect(try await http.api(.GET, "/attachments/?\(query)&status=Pending", token: token).json == [])

            let (_, collection) = try await http.makeCollection(type: "raster", token: token)
            let moved = try await http.api(
                .PUT, "/attachments/move?\(query)&attachment_id=\(id)&new_resource_type=data_collection&new_resource_id=\(collection)", token: token)
            #expect(moved.json["resource_type"] == "data_collection")
            let newQuery = "resource_type=data_collection&resource_id=\(collection)"
            #expect(try await http.api(.DELETE, "/attachments/?\(newQuery)&attachment_id=\(id)", token: token).json["deleted"] == true)
            #expect(try await http.api(.GET, "/attachments/?\(newQuery)", token: token).json == [])
        }
    }

    @Test func attachmentErrors() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            #expect(try await http.api(.GET, "/attachments/?resource_type=project&resource_id=5", token: token).status == 404)
            #expect(try await http.api(.GET, "/attachments/?resource_type=planet&resource_id=5", token: token).status == 422)
            #expect(try await http.api(.GET, "/attachments/?resource_type=project", token: token).status == 422)
            #expect(try await http.api(.GET, "/attachments/?resource_type=project&resource_id=1", token: "").status == 401)
            let (project, _) = try await http.makeCollection(type: "image", token: token)
            let duplicate = try await http.api(
                .POST, "/attachments/?resource_type=project&resource_id=\(project)",
                json: ["files": [["name": "a", "md5": .string(md5Base64([1]))], ["name": "a", "md5": .string(md5Base64([2]))]]], token: token)
            #expect(duplicate.status == 422)
        }
    }
}

import PixelEmulator
import Testing

struct ResourceRouteTests {
    @Test func imageRoutesGetMetadataUpdateMoveDelete() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let metadata: JSONValue = [
                "fields": ["fields_type": "image", "cam_heading": 90.5, "location": ["type": "Point", "coordinates": [10.5, 59.5]]],
                "json_metadata": ["camera": "X1"],
            ]
            let (dc, id) = try await http.uploadResource(type: "image", name: "img.jpg", bytes: testBytes(64), token: token, metadata: metadata)
            let list = try await http.api(.GET, dc + "/images/", json: [:], token: token)
            #expect(list.json.arrayValue?.count == 1)
            let meta = try await http.api(.GET, dc + "/images/\(id)/metadata", token: token)
            #expect(meta.json["json_metadata"]?["camera"] == "X1")
            #expect(meta.json["fields"]?["cam_heading"] == 90.5)
            let updated = try await http.api(.PUT, dc + "/images/\(id)", json: ["add_tags": ["t1"], "json_metadata": ["k": 1]], token: token)
            #expect(updated.json["tags"] == ["t1"])
            #expect(updated.json["json_metadata"]?["k"] == 1)
            #expect(try await http.api(.PUT, dc + "/images/\(id)", json: [:], token: token).status == 422)
            #expect(try await http.api(.PUT, dc + "/images/\(id)", json: ["fields": ["fields_type": "raster"]], token: token).status == 422)

            let (project, target) = try await http.makeCollection(type: "image", token: token)
            let moved = try await http.api(.PUT, dc + "/images/\(id)/move?new_project_id=\(project)&new_data_collection_id=\(target)", token: token)
            #expect(moved.status == 200)
            #expect(moved.json["data_collection_id"] == .int(target))
            #expect(try await http.api(.GET, dc + "/images/\(id)", token: token).status == 404)
            let newPath = "/projects/\(project)/data_collections/\(target)/images/\(id)"
            #expect(try await http.api(.DELETE, newPath, token: token).json["deleted"] == true)
            #expect(try await http.api(.GET, newPath, token: token).status == 404)
            #expect(try await http.api(.GET, newPath, token: "").status == 401)
        }
    }

    @Test func rasterRoutesAndMoveIntoIncompatibleCollection() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (dc, id) = try await http.uploadResource(type: "raster", name: "ortho.tif", bytes: testBytes(128), token: token)
            let listed = try await http.api(.GET, dc + "/rasters/?format=GTiff", token: token)
            #expect(listed.json.arrayValue?.count == 1)
            #expect(try await http.api(.GET, dc + "/rasters/?format=PNG", token: token).json == [])
            let updated = try await http.api(.PUT, dc + "/rasters/\(id)", json: ["fields": ["fields_type": "raster", "name": "Ortho"]], token: token)
            #expect(updated.json["name"] == "Ortho")
            let (project, images) = try await http.makeCollection(type: "image", token: token)
            let refused = try await http.api(
                .PUT, dc + "/rasters/\(id)/move?new_project_id=\(project)&new_data_collection_id=\(images)", token: token)
            #expect(refused.status == 400)
            #expect(try await http.api(.GET, dc + "/rasters/77", token: token).status == 404)
            #expect(try await http.api(.DELETE, dc + "/rasters/\(id)", token: token).status == 200)
        }
    }

    @Test func pointCloudMoveUsesPostWithBody() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (dc, id) = try await http.uploadResource(type: "point_cloud", name: "scan.laz", bytes: testBytes(256), token: token)
            let (_, target) = try await http.makeCollection(type: "point_cloud", token: token)
            let wrongMethod = try await http.api(.PUT, dc + "/point_clouds/\(id)/move?new_data_collection_id=\(target)", token: token)
            #expect(wrongMethod.status == 405)
            let missing = try await http.api(.POST, dc + "/point_clouds/\(id)/move", json: [:], token: token)
            #expect(missing.status == 422)
            let moved = try await http.api(.POST, dc + "/point_clouds/\(id)/move", json: ["new_data_collection_id": .int(target)], token: token)
            #expect(moved.status == 200)
            #expect(moved.json["data_collection_id"] == .int(target))
            #expect(moved.json["format"] == "LAZ")
        }
    }
}

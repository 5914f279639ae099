import HTTPTypes
import PixelEmulator
import Testing

struct ArcGISRouteTests {
    static func feature(_ collection: Int) -> JSONValue {
        [
            "name": "Trees", "description": "Tree photos", "data_collection_ids": [.int(collection)],
            "options": ["gdo_users": ["gdo-demo"], "feature_service_options": ["image_layer": ["enable_oriented_imagery": true]]],
        ]
    }

    static func image(_ collection: Int) -> JSONValue {
        [
            "name": "Ortho", "description": "", "data_collection_ids": [.int(collection)],
            "options": ["image_service_options": ["default_service_srid": 25833, "wms_options": ["title": "Ortho WMS"]]],
        ]
    }

    /// The id of a new data collection of `type`.
    static func collectionID(_ api: RouterAPI, _ type: String) async throws -> Int {
        let path = try await api.makeCollection(type: type)
        return try #require(Int(path.split(separator: "/").last ?? ""))
    }

    @Test func createdServicesCarryTheirOptionsWithDefaultsAndStartStopped() async throws {
        try await withRouter { api in
            #expect(try await api.ok(.get, "/arcgis_services/gdo-users") == ["gdo-demo", "gdo-analyst", "gdo-viewer"])
            let feature = try await api.ok(.post, "/arcgis_services/Feature/", Self.feature(try await Self.collectionID(api, "image")))
            #expect(feature["service_type"] == "Feature")
            #expect(feature["status"] == "stopped")
            let layer = feature["options"]?["feature_service_options"]?["image_layer"]
            #expect(layer?["enable_oriented_imagery"] == true)
            #expect(layer?["enable_images_as_attachments"] == false)
            #expect(layer?["image_processed_type"] == "blurred")
            let image = try await api.ok(.post, "/arcgis_services/Image/", Self.image(try await Self.collectionID(api, "DTM")))
            #expect(image["options"]?["image_service_options"]?["wms_options"]?["enable"] == true)
            #expect(image["options"]?["image_service_options"]?["wms_options"]?["title"] == "Ortho WMS")
            #expect(try await api.ok(.get, "/arcgis_services/Feature/").ints("id") == [try feature.requiredInt("id")])
            #expect(try await api.ok(.get, "/arcgis_services/Image/").ints("id") == [try image.requiredInt("id")])
        }
    }

    @Test func aServiceWithoutItsOptionsBlockIs422() async throws {
        try await withRouter { api in
            let collection = try await Self.collectionID(api, "image")
            let missing = try await api.post(
                "/arcgis_services/Feature/", ["name": "x", "description": "", "data_collection_ids": [.int(collection)], "options": [:]])
            #expect(missing.status == 422)
            #expect(missing.errorLocation == ["body", "options", "feature_service_options"])
            let wrongBlock = try await api.post(
                "/arcgis_services/Feature/",
                [
                    "name": "x", "description": "", "data_collection_ids": [.int(collection)],
                    "options": ["image_service_options": ["default_service_srid": 4326]],
                ])
            #expect(wrongBlock.errorLocation == ["body", "options", "image_service_options"])
            let noLayer = try await api.post(
                "/arcgis_services/Feature/",
                ["name": "x", "description": "", "data_collection_ids": [.int(collection)], "options": ["feature_service_options": [:]]])
            #expect(noLayer.errorLocation == ["body", "options", "feature_service_options", "image_layer"])
            let noSRID = try await api.post(
                "/arcgis_services/Image/", ["name": "x", "description": "", "data_collection_ids": [1], "options": ["image_service_options": [:]]])
            #expect(noSRID.errorLocation == ["body", "options", "image_service_options", "default_service_srid"])
        }
    }

    static let invalidFields: [(field: String, value: JSONValue?)] = [
        ("data_collection_ids", []), ("name", nil), ("options", nil), ("gdo_users", ["nobody"]), ("image_processed_type", "sepia"),
    ]

    @Test(arguments: invalidFields)
    func invalidFieldsAre422(field: String, value: JSONValue?) async throws {
        try await withRouter { api in
            var body = try #require(Self.feature(try await Self.collectionID(api, "image")).objectValue)
            var options = try #require(body["options"]?.objectValue)
            switch field {
            case "gdo_users": options["gdo_users"] = value
            case "image_processed_type": options["feature_service_options"] = ["image_layer": ["image_processed_type": value ?? nil]]
            default: body[field] = value
            }
            if field != "options" { body["options"] = .object(options) }
            let reply = try await api.post("/arcgis_services/Feature/", .object(body))
            #expect(reply.status == 422, "\(field)")
            #expect(reply.json["detail"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func unknownTypesIdsAndCollectionsAreRefused() async throws {
        try await withRouter { api in
            let collection = try await Self.collectionID(api, "image")
            let badType = try await api.get("/arcgis_services/Map/")
            #expect(badType.status == 422)
            #expect(badType.errorLocation == ["path", "service_type"])
            #expect(try await api.post("/arcgis_services/Feature/", Self.feature(99)).status == 404)
            #expect(try await api.post("/arcgis_services/Image/", Self.image(collection)).status == 400)
            let id = try await api.ok(.post, "/arcgis_services/Feature/", Self.feature(collection)).requiredInt("id")
            #expect(try await api.get("/arcgis_services/Image/\(id)").status == 404)
            #expect(try await api.get("/arcgis_services/Feature/\(id + 1)").status == 404)
            #expect(try await api.put("/arcgis_services/Feature/\(id + 1)/start").status == 404)
            #expect(try await api.get("/arcgis_services/Feature").status == 404)
        }
    }

    @Test func updatesReplaceFieldsAndMergeOptionBlocks() async throws {
        try await withRouter { api in
            let collection = try await Self.collectionID(api, "image")
            let id = try await api.ok(.post, "/arcgis_services/Feature/", Self.feature(collection)).requiredInt("id")
            let renamed = try await api.ok(.put, "/arcgis_services/Feature/\(id)", ["description": "new", "options": ["gdo_users": ["gdo-viewer"]]])
            #expect(renamed["description"] == "new")
            #expect(renamed["options"]?["gdo_users"] == ["gdo-viewer"])
            #expect(renamed["options"]?["feature_service_options"]?["image_layer"]?["enable_oriented_imagery"] == true)
            #expect(try await api.put("/arcgis_services/Feature/\(id)", ["data_collection_ids": []]).status == 422)
            let wrongBlock = try await api.put("/arcgis_services/Feature/\(id)", ["options": ["image_service_options": ["default_service_srid": 1]]])
            #expect(wrongBlock.status == 422)
        }
    }

    @Test func startStopAndRefreshRunThroughJobs() async throws {
        try await withRouter { api in
            let collection = try await Self.collectionID(api, "image")
            let id = try await api.ok(.post, "/arcgis_services/Feature/", Self.feature(collection)).requiredInt("id")
            let path = "/arcgis_services/Feature/\(id)"
            let started = try await api.ok(.put, path + "/start")
            #expect(started["arcgis_service"]?["status"] == "starting")
            let startJob = try (started["job"] ?? .null).requiredInt("job_id")
            #expect(try await api.put(path + "/stop").status == 409)
            #expect(try await api.waitForJob(startJob)["status"] == "success")
            #expect(try await api.ok(.get, path)["status"] == "running")
            #expect(try await api.ok(.put, path + "/start")["job"] == .null)

            let refreshed = try await api.ok(.put, path + "/refresh?refresh_data=true")
            _ = try await api.waitForJob(try (refreshed["job"] ?? .null).requiredInt("job_id"))
            let service = try await api.ok(.get, path)
            #expect(service["status"] == "running")
            #expect(service["data_refreshed_at"]?.stringValue != nil)
            #expect(try await api.put(path + "/refresh?refresh_data=perhaps").status == 422)

            let stopped = try await api.ok(.put, path + "/stop")
            _ = try await api.waitForJob(try (stopped["job"] ?? .null).requiredInt("job_id"))
            #expect(try await api.ok(.get, path)["status"] == "stopped")
            #expect(try await api.ok(.put, path + "/stop")["job"] == .null)
            #expect(try await api.post(path + "/start").status == 405)
        }
    }

    @Test func deletedServicesAreGone() async throws {
        try await withRouter { api in
            let collection = try await Self.collectionID(api, "image")
            let id = try await api.ok(.post, "/arcgis_services/Feature/", Self.feature(collection)).requiredInt("id")
            #expect(try await api.ok(.delete, "/arcgis_services/Feature/\(id)")["deleted"] == true)
            #expect(try await api.get("/arcgis_services/Feature/\(id)").status == 404)
            #expect(try await api.delete("/arcgis_services/Feature/\(id)").status == 404)
        }
    }
}

import HTTPTypes
import PixelEmulator
import Testing

struct OptimizedRasterRouteTests {
    static let options: JSONValue = [
        "creation_options": ["nearblack_options": ["enabled": true, "color": 255, "algorithm": "floodfill"], "overview_resampling": "nearest"]
    ]

    @Test func createRunAndListMoveCopiesFromPendingToCompleted() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            let first = try await api.upload("a.tif", testBytes(100, seed: 1), into: dc)
            let second = try await api.upload("b.tif", testBytes(100, seed: 2), into: dc)
            let created = try await api.ok(.post, dc + "/rasters/optimized/", Self.options)
            #expect(created.ints("raster_id") == [first, second])
            #expect(created.arrayValue?.first?["status"] == "pending")
            #expect(created.arrayValue?.first?["profile"] == "default")
            #expect(created.arrayValue?.first?["creation_options"]?["nearblack_options"]?["color"] == 255)
            let ids = created.ints("id")

            let run = try await api.ok(
                .post, dc + "/rasters/optimized/run", ["retry_failed": false, "optimized_raster_ids": .array(ids.map(JSONValue.int))])
            let groupID = try (run["group_job"] ?? .null).requiredInt("group_id")
            #expect(run["group_job"]?["total_jobs"] == 2)
            func statuses() async throws -> [String] {
                try await api.ok(.get, dc + "/rasters/optimized/").strings("status")
            }
            #expect(try await statuses() == ["submitted", "submitted"])
            let polled = try await api.ok(.get, "/jobs/groups/\(groupID)")
            #expect(polled["completed"] == false)
            #expect(try await statuses() == ["in_progress", "in_progress"])
            let group = try await api.waitForJob(groupID, group: true)
            #expect(group["success_count"] == 2)
            #expect(try await statuses() == ["completed", "completed"])
            let listed = try await api.ok(.get, dc + "/rasters/optimized/?ids=\(ids[1])&limit=1")
            #expect(listed.arrayValue?.first?["file_name"] == "b.cog.tif")
        }
    }

    @Test func creatingAgainReturnsTheExistingCopyPerProfile() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            let raster = try await api.upload("a.tif", testBytes(10), into: dc)
            var body = try #require(Self.options.objectValue)
            body["raster_ids"] = [.int(raster)]
            let first = try await api.ok(.post, dc + "/rasters/optimized/", .object(body))
            #expect(try await api.ok(.post, dc + "/rasters/optimized/", .object(body)) == first)
            body["profile"] = "hillshade"
            let other = try await api.ok(.post, dc + "/rasters/optimized/", .object(body))
            #expect(other != first)
            #expect(try await api.ok(.get, dc + "/rasters/optimized/").arrayValue?.count == 2)
        }
    }

    static let nearblackPath: JSONValue = ["body", "creation_options", "nearblack_options"]
    static func nearblack(_ options: JSONValue) -> JSONValue { ["creation_options": ["nearblack_options": options]] }
    static func at(_ path: JSONValue, _ key: String) -> JSONValue { .array((path.arrayValue ?? []) + [.string(key)]) }

    static let invalidBodies: [(body: JSONValue, location: JSONValue)] = [
        (["raster_ids": [1]], ["body", "creation_options"]),
        (nearblack(["color": "black"]), at(nearblackPath, "enabled")),
        (nearblack(["enabled": true, "color": 300]), at(nearblackPath, "color")),
        (nearblack(["enabled": true, "color": "grey"]), at(nearblackPath, "color")),
        (nearblack(["enabled": true, "algorithm": "magic"]), at(nearblackPath, "algorithm")),
        (["creation_options": ["overview_resampling": "blurry"]], ["body", "creation_options", "overview_resampling"]),
        (["creation_options": [:], "raster_ids": "1"], ["body", "raster_ids"]),
    ]

    @Test(arguments: invalidBodies)
    func invalidCreateBodiesAre422NamingTheField(body: JSONValue, location: JSONValue) async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            let reply = try await api.post(dc + "/rasters/optimized/", body)
            #expect(reply.status == 422)
            #expect(reply.errorLocation == location)
        }
    }

    @Test func unknownIdsAre404AndWrongCollectionsAre400() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            #expect(try await api.post(dc + "/rasters/optimized/", ["creation_options": [:], "raster_ids": [42]]).status == 404)
            #expect(try await api.post(dc + "/rasters/optimized/run", ["optimized_raster_ids": [42]]).status == 404)
            #expect(try await api.delete(dc + "/rasters/42/optimized").status == 404)
            #expect(try await api.get("/projects/1/data_collections/99/rasters/optimized/").status == 404)
            let images = try await api.makeCollection(type: "image")
            #expect(try await api.post(images + "/rasters/optimized/", ["creation_options": [:]]).status == 400)
            #expect(try await api.post(dc + "/rasters/optimized/run", ["retry_failed": "yes"]).status == 422)
        }
    }

    @Test func aRunningCopyCannotRunAgainAndRetryFailedIsABoolean() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            _ = try await api.upload("a.tif", testBytes(10), into: dc)
            let copy = try #require(try await api.ok(.post, dc + "/rasters/optimized/", Self.options).arrayValue?.first)
            let id = try copy.requiredInt("id")
            _ = try await api.ok(.post, dc + "/rasters/optimized/run", ["retry_failed": false])
            #expect(try await api.post(dc + "/rasters/optimized/run", ["optimized_raster_ids": [.int(id)]]).status == 409)
            let nothingPending = try await api.ok(.post, dc + "/rasters/optimized/run", ["retry_failed": true])
            #expect(nothingPending["group_job"]?["total_jobs"] == 0)
        }
    }

    @Test func deletingByRasterRemovesItsCopiesOfOneProfileOrAll() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "raster")
            let raster = try await api.upload("a.tif", testBytes(10), into: dc)
            for profile in ["a", "b", "c"] {
                _ = try await api.ok(.post, dc + "/rasters/optimized/", ["creation_options": [:], "profile": .string(profile)])
            }
            let one = try await api.ok(.delete, dc + "/rasters/\(raster)/optimized?profile=b")
            #expect(one.strings("profile") == ["b"])
            let rest = try await api.ok(.delete, dc + "/rasters/\(raster)/optimized")
            #expect(rest.strings("profile") == ["a", "c"])
            #expect(try await api.ok(.get, dc + "/rasters/optimized/") == [])
        }
    }
}

struct OptimizedPointCloudRouteTests {
    @Test func runsAcceptOptimizedIdsOrSourceIdsAndAnEmptyBodyMeansEveryPointCloud() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "point_cloud")
            var sources: [Int] = []
            for name in ["a.laz", "b.laz", "c.laz"] {
                sources.append(try await api.upload(name, testBytes(10, seed: UInt64(name.count + sources.count)), into: dc))
            }
            let created = try await api.ok(.post, dc + "/point_clouds/optimized/", ["point_cloud_ids": [.int(sources[1]), .int(sources[2])]])
            #expect(created.ints("point_cloud_id") == [sources[1], sources[2]])
            #expect(created.arrayValue?.first?["point_record_format"] == 6)
            let optimizedIDs = created.ints("id")
            #expect(optimizedIDs == [1, 2])
            // What the Python client's optimize_point_clouds sends: optimized ids.
            let byOptimized = try await api.ok(.post, dc + "/point_clouds/optimized/run", ["point_cloud_ids": [.int(optimizedIDs[0])]])
            _ = try await api.waitForJob(try (byOptimized["group_job"] ?? .null).requiredInt("group_id"), group: true)
            // What a caller reading the parameter name sends: source ids (3 is no optimized id).
            let bySource = try await api.ok(.post, dc + "/point_clouds/optimized/run", ["point_cloud_ids": [.int(sources[2])]])
            _ = try await api.waitForJob(try (bySource["group_job"] ?? .null).requiredInt("group_id"), group: true)
            let completed = try await api.ok(.get, dc + "/point_clouds/optimized/?status=completed")
            #expect(completed.ints("point_cloud_id") == [sources[1], sources[2]])
            #expect(completed.arrayValue?.first?["file_name"] == "b.copc.laz")
            let all = try await api.ok(.post, dc + "/point_clouds/optimized/", [:])
            #expect(all.ints("point_cloud_id") == sources)
            #expect(try await api.ok(.get, dc + "/point_clouds/optimized/?status=pending&format=LAZ").arrayValue?.count == 1)
        }
    }

    @Test func listFiltersAreChecked() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "point_cloud")
            for query in ["status=done", "format=E57", "point_record_format=11", "version_major=one"] {
                let reply = try await api.get(dc + "/point_clouds/optimized/?\(query)")
                #expect(reply.status == 422, "\(query)")
            }
        }
    }

    @Test func deletingTheOptimizedCopyOfAPointCloud() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "point_cloud")
            let cloud = try await api.upload("a.laz", testBytes(10), into: dc)
            #expect(try await api.delete(dc + "/point_clouds/\(cloud)/optimized").status == 404)
            _ = try await api.ok(.post, dc + "/point_clouds/optimized/", ["point_cloud_ids": [.int(cloud)]])
            let deleted = try await api.ok(.delete, dc + "/point_clouds/\(cloud)/optimized")
            #expect(deleted["deleted"] == true)
            #expect(deleted["point_cloud_id"] == .int(cloud))
            #expect(try await api.delete(dc + "/point_clouds/\(cloud)/optimized").status == 404)
            #expect(try await api.delete(dc + "/point_clouds/77/optimized").status == 404)
            #expect(try await api.post(dc + "/point_clouds/optimized/run", ["point_cloud_ids": [77]]).status == 404)
            #expect(try await api.post(dc + "/point_clouds/optimized/", ["point_cloud_ids": [77]]).status == 404)
        }
    }

    @Test func deletingAPointCloudDropsItsOptimizedCopy() async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "point_cloud")
            let cloud = try await api.upload("a.laz", testBytes(10), into: dc)
            _ = try await api.ok(.post, dc + "/point_clouds/optimized/", [:])
            _ = try await api.ok(.delete, dc + "/point_clouds/\(cloud)")
            #expect(try await api.ok(.get, dc + "/point_clouds/optimized/") == [])
        }
    }
}

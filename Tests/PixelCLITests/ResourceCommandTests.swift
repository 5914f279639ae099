import Foundation
import Testing

/// `pixel images|rasters|point-clouds`, upload jobs, job groups, attachments, search and
/// pagination, end to end with --json and the exit codes.
/// Serialized: each test launches dozens of `pixel` processes, and ten such chains at once
/// starve a small machine (and the timing-sensitive suites running beside them).
@Suite(.serialized) struct ResourceCommandTests {
    @Test func imagesAreListedPageByPageUpdatedMovedReadAndDeleted() async throws {
        try await CLIWorkspace.with { cli in
            let (project, photos) = try await cli.collection("image")
            let (_, other) = try await cli.collection("image", project: Int(project))
            let upload = try await cli.run([
                "images", "upload", "--project", project, "--collection", photos, try cli.file("a.jpg"), try cli.file("bb.jpg"), "--json",
            ])
            #expect(upload.status == 0, "\(upload)")
            let paged = try await cli.objects(["images", "list", "--project", project, "--collection", photos, "--all", "--page-size", "1"])
            #expect(paged.count == 2)
            let first = try #require(paged.first?["id"] as? Int)
            let one = try await cli.objects(["images", "list", "--project", project, "--collection", photos, "--id", "\(first)"])
            #expect(one.count == 1)

            let updated = try await cli.object(
                [
                    "images", "update", "--project", project, "--collection", photos, "\(first)", "--add-tag", "site", "--metadata", "camera=A7",
                    "--metadata", "height=12.5",
                ])
            #expect(updated["tags"] as? [String] == ["site"])
            let metadata = try await cli.object(["images", "metadata", "--project", project, "--collection", photos, "\(first)"])
            #expect((metadata["json_metadata"] as? [String: Any])?["height"] as? Double == 12.5)

            let moved = try await cli.object(["images", "move", "--project", project, "--collection", photos, "\(first)", "--to-collection", other])
            #expect(moved["data_collection_id"] as? Int == Int(other))
            #expect(try await cli.object(["images", "get", "--project", project, "--collection", other, "\(first)"])["id"] as? Int == first)
            let deleted = try await cli.object(["images", "delete", "--project", project, "--collection", other, "\(first)"])
            #expect(deleted["deleted"] as? Bool == true)

            let missing = try await cli.run(["images", "get", "--project", project, "--collection", other, "\(first)"])
            #expect(missing.status == 1, "\(missing)")
            #expect(missing.stderr.contains("404"))
            let nothingToChange = try await cli.run(["images", "update", "--project", project, "--collection", photos, "1"])
            #expect(nothingToChange.status == 2, "\(nothingToChange)")
            let badMetadata = try await cli.run(["images", "update", "--project", project, "--collection", photos, "1", "--metadata", "novalue"])
            #expect(badMetadata.status == 2, "\(badMetadata)")
        }
    }

    @Test func rastersAndPointCloudsShareTheCommandsAndPointCloudsMoveByCollection() async throws {
        try await CLIWorkspace.with { cli in
            let (project, rasters) = try await cli.collection("DTM")
            let (_, rasters2) = try await cli.collection("DTM", project: Int(project))
            _ = try await cli.run(["rasters", "upload", "--project", project, "--collection", rasters, try cli.file("dtm.tif")])
            let raster = try #require(try await cli.objects(["rasters", "list", "--project", project, "--collection", rasters]).first?["id"] as? Int)
            let moved = try await cli.object(
                ["rasters", "move", "--project", project, "--collection", rasters, "\(raster)", "--to-collection", rasters2, "--to-project", project])
            #expect(moved["data_collection_id"] as? Int == Int(rasters2))

            let (cloudProject, clouds) = try await cli.collection("point_cloud")
            let (_, clouds2) = try await cli.collection("point_cloud", project: Int(cloudProject))
            _ = try await cli.run(["point-clouds", "upload", "--project", cloudProject, "--collection", clouds, try cli.file("scan.laz")])
            let cloud = try #require(
                try await cli.objects(["point-clouds", "list", "--project", cloudProject, "--collection", clouds, "--limit", "1"]).first?["id"]
                    as? Int)
            let withProject = try await cli.run(
                [
                    "point-clouds", "move", "--project", cloudProject, "--collection", clouds, "\(cloud)", "--to-collection", clouds2, "--to-project",
                    cloudProject,
                ])
            #expect(withProject.status == 2, "\(withProject)")
            #expect(withProject.stderr.contains("leave out --to-project"))
            let cloudMoved = try await cli.object([
                "point-clouds", "move", "--project", cloudProject, "--collection", clouds, "\(cloud)", "--to-collection", clouds2,
            ])
            #expect(cloudMoved["data_collection_id"] as? Int == Int(clouds2))
            let conflicting = try await cli.run(["rasters", "list", "--project", project, "--collection", rasters, "--all", "--limit", "3"])
            #expect(conflicting.status == 2, "\(conflicting)")
        }
    }

    @Test func uploadJobsJobGroupsAndTheirWaitsAreShown() async throws {
        try await CLIWorkspace.with { cli in
            let (project, rasters) = try await cli.collection("raster")
            _ = try await cli.run([
                "rasters", "upload", "--project", project, "--collection", rasters, try cli.file("one.tif"), try cli.file("two.tif"),
            ])
            let jobs = try await cli.objects(["upload-jobs", "list", "--project", project, "--collection", rasters, "--all", "--page-size", "1"])
            #expect(jobs.count == 2)
            #expect(jobs.allSatisfy { $0["status"] as? String == "validated_and_moved" })

            _ = try await cli.objects(["optimized-rasters", "create", "--project", project, "--collection", rasters, "--all"])
            let started = try await cli.object(["optimized-rasters", "run", "--project", project, "--collection", rasters, "--all", "--no-wait"])
            #expect(started["completed"] as? Bool == false)
            let group = try #require(started["id"] as? Int)
            #expect(try await cli.object(["jobs", "group", "\(group)"])["total_jobs"] as? Int == 2)
            let finished = try await cli.object(["jobs", "wait-group", "\(group)", "--timeout", "30"])
            #expect(finished["completed"] as? Bool == true)
            #expect(finished["success_count"] as? Int == 2)
            let missing = try await cli.run(["jobs", "wait-group", "987654"])
            #expect(missing.status == 1, "\(missing)")
            #expect(try await cli.run(["jobs", "wait-group", "1", "--timeout", "0"]).status == 2)
        }
    }

    @Test func attachmentsMoveAndFilterByStatus() async throws {
        try await CLIWorkspace.with { cli in
            let (project, photos) = try await cli.collection("image")
            let added = try await cli.objects(["attachments", "add", "--on", "project", "--id", project, try cli.file("report.pdf")])
            let attachment = try #require(added.first?["id"] as? Int)
            #expect(try await cli.objects(["attachments", "list", "--on", "project", "--id", project, "--status", "Completed"]).count == 1)
            #expect(try await cli.objects(["attachments", "list", "--on", "project", "--id", project, "--status", "Pending"]).isEmpty)
            let moved = try await cli.object(
                ["attachments", "move", "--on", "project", "--id", project, "\(attachment)", "--to", "data_collection", "--to-id", photos])
            #expect(moved["resource_type"] as? String == "data_collection")
            #expect(try await cli.objects(["attachments", "list", "--on", "data_collection", "--id", photos]).count == 1)
            let badTarget = try await cli.run(["attachments", "move", "--on", "project", "--id", project, "1", "--to", "planet", "--to-id", "1"])
            #expect(badTarget.status == 2, "\(badTarget)")
        }
    }

    @Test func searchRunsByDefaultPagesWithAllAndDescribesItself() async throws {
        try await CLIWorkspace.with { cli in
            for name in ["S1", "S2", "S3"] { _ = try await cli.object(["projects", "create", "--name", name, "--bbox", "10,59,11,60"]) }
            let page = try await cli.object(["search", "--on", "projects", "--limit", "2"])
            #expect((page["results"] as? [Any])?.count == 2)
            #expect(page["total_count"] as? Int == 3)
            let all = try await cli.object(["search", "run", "--on", "projects", "--limit", "2", "--all"])
            #expect((all["results"] as? [Any])?.count == 3)
            let info = try await cli.object(["search", "info", "--on", "images"])
            #expect(info["on"] as? String == "images")
            #expect((info["filterable_fields"] as? [String])?.contains("name") == true)
            let table = try await cli.run(["search", "info", "--on", "images"])
            #expect(table.stdout.contains("filterable fields"))
            #expect(try await cli.run(["search", "info", "--on", "planets"]).status == 2)
            let projects = try await cli.objects(["projects", "list", "--all", "--page-size", "2"])
            #expect(projects.count == 3)
        }
    }
}

import Foundation
import Testing

/// `pixel optimized-*`, `arcgis`, `harvest`, `analysis` and `users`, end to end with --json,
/// the exit codes and the secrets they must never print.
/// Serialized: each test launches dozens of `pixel` processes, and ten such chains at once
/// starve a small machine (and the timing-sensitive suites running beside them).
@Suite(.serialized) struct ServiceCommandTests {
    @Test func optimizedRastersAndPointCloudsAreMadeRunListedAndDeleted() async throws {
        try await CLIWorkspace.with { cli in
            let (project, rasters) = try await cli.collection("raster")
            _ = try await cli.run([
                "rasters", "upload", "--project", project, "--collection", rasters, try cli.file("o1.tif"), try cli.file("o22.tif"),
            ])
            let optimized = try await cli.objects(
                [
                    "optimized-rasters", "optimize", "--project", project, "--collection", rasters, "--all", "--nearblack", "--nearblack-color",
                    "255",
                    "--overview-resampling", "cubic",
                ])
            #expect(optimized.count == 2)
            #expect(optimized.allSatisfy { $0["status"] as? String == "completed" })
            let options = try #require(optimized.first?["creation_options"] as? [String: Any])
            #expect((options["nearblack_options"] as? [String: Any])?["color"] as? Int == 255)
            let raster = try #require(optimized.first?["raster_id"] as? Int)

            let created = try await cli.objects([
                "optimized-rasters", "create", "--project", project, "--collection", rasters, "--id", "\(raster)", "--profile", "web",
            ])
            let copy = try #require(created.first?["id"] as? Int)
            let group = try await cli.object([
                "optimized-rasters", "run", "--project", project, "--collection", rasters, "--id", "\(copy)", "--timeout", "30",
            ])
            #expect(group["completed"] as? Bool == true)
            #expect(
                try await cli.objects(["optimized-rasters", "list", "--project", project, "--collection", rasters, "--all", "--page-size", "1"]).count
                    == 3)
            let deleted = try await cli.json([
                "optimized-rasters", "delete", "--project", project, "--collection", rasters, "\(raster)", "--profile", "web",
            ])
            #expect((deleted as? [[String: Any]])?.map { $0["id"] as? Int } == [copy])

            let noSelection = try await cli.run(["optimized-rasters", "create", "--project", project, "--collection", rasters])
            #expect(noSelection.status == 2, "\(noSelection)")
            let badResampling = try await cli.run([
                "optimized-rasters", "optimize", "--project", project, "--collection", rasters, "--all", "--overview-resampling", "sideways",
            ])
            #expect(badResampling.status == 2, "\(badResampling)")

            let (cloudProject, clouds) = try await cli.collection("point_cloud")
            _ = try await cli.run(["point-clouds", "upload", "--project", cloudProject, "--collection", clouds, try cli.file("c.laz")])
            let copies = try await cli.objects(["optimized-point-clouds", "optimize", "--project", cloudProject, "--collection", clouds, "--all"])
            #expect(copies.first?["status"] as? String == "completed")
            let source = try #require(copies.first?["point_cloud_id"] as? Int)
            #expect(
                try await cli.object(["optimized-point-clouds", "delete", "--project", cloudProject, "--collection", clouds, "\(source)"])["deleted"]
                    as? Bool == true)
            let gone = try await cli.run(["optimized-point-clouds", "delete", "--project", cloudProject, "--collection", clouds, "\(source)"])
            #expect(gone.status == 1, "\(gone)")
        }
    }

    @Test func arcgisServicesAreCreatedStartedRefreshedStoppedAndDeleted() async throws {
        try await CLIWorkspace.with { cli in
            let users = try #require(try await cli.json(["arcgis", "gdo-users"]) as? [String])
            let (project, photos) = try await cli.collection("image")
            let (_, rasters) = try await cli.collection("raster", project: Int(project))
            let feature = try await cli.object([
                "arcgis", "create", "--type", "feature", "--name", "Roads", "--collection", photos, "--gdo-user", users[0],
            ])
            let featureID = try #require(feature["id"] as? Int)
            #expect(feature["service_type"] as? String == "Feature")
            let image = try await cli.object(["arcgis", "create", "--type", "Image", "--name", "Ortho", "--collection", rasters, "--srid", "25833"])
            let imageID = try #require(image["id"] as? Int)

            #expect(try await cli.objects(["arcgis", "list", "--type", "image"]).map { $0["id"] as? Int } == [imageID])
            let started = try await cli.object(["arcgis", "start", "--type", "image", "\(imageID)", "--timeout", "30"])
            #expect((started["arcgis_service"] as? [String: Any])?["status"] as? String == "running")
            #expect((started["job"] as? [String: Any])?["completed"] as? Bool == true)
            let refreshed = try await cli.object(["arcgis", "refresh", "--type", "image", "\(imageID)", "--data"])
            #expect((refreshed["arcgis_service"] as? [String: Any])?["data_refreshed_at"] is String)
            let stopping = try await cli.object(["arcgis", "stop", "--type", "image", "\(imageID)", "--no-wait"])
            #expect((stopping["job"] as? [String: Any])?["completed"] as? Bool == false)
            let renamed = try await cli.object(["arcgis", "update", "--type", "feature", "\(featureID)", "--name", "Roads 2"])
            #expect(renamed["name"] as? String == "Roads 2")
            #expect(try await cli.object(["arcgis", "get", "--type", "feature", "\(featureID)"])["name"] as? String == "Roads 2")
            #expect(try await cli.object(["arcgis", "delete", "--type", "feature", "\(featureID)"])["deleted"] as? Bool == true)

            let noSRID = try await cli.run(["arcgis", "create", "--type", "image", "--name", "X", "--collection", rasters])
            #expect(noSRID.status == 2, "\(noSRID)")
            let badType = try await cli.run(["arcgis", "list", "--type", "map"])
            #expect(badType.status == 2, "\(badType)")
            let unknownUser = try await cli.run([
                "arcgis", "create", "--type", "feature", "--name", "X", "--collection", photos, "--gdo-user", "nobody",
            ])
            #expect(unknownUser.status == 1, "\(unknownUser)")
            #expect(unknownUser.stderr.contains("422"))
        }
    }

    @Test func harvestServicesNeverPrintTheirSecrets() async throws {
        try await CLIWorkspace.with { base in
            var cli = base
            let harvestSecret = "S3NT1NEL-harvest-password"
            let apiKeySecret = "S3NT1NEL-harvest-api-key"
            cli.environment["HARVEST_PASSWORD"] = harvestSecret
            cli.environment["HARVEST_KEY"] = apiKeySecret
            cli.extraSecrets = [harvestSecret, apiKeySecret]
            let (project, photos) = try await cli.collection("image")
            let url = "https://gis.example.com/arcgis/rest/services/Roads/FeatureServer/0"
            let service = try await cli.object(
                [
                    "harvest", "create", "--project", project, "--collection", photos, "--name", "Roads", "--url", url, "--username", "harvester",
                    "--password-env", "HARVEST_PASSWORD", "--api-key-env", "HARVEST_KEY", "--map", "image.name=ROAD_NAME", "--extra-field", "SPEED",
                ])
            let id = try #require(service["id"] as? Int)
            #expect((service["field_mappings"] as? [String: Any])?["extra_fields"] as? [String] == ["SPEED"])
            let location = ["--project", project, "--collection", photos]
            #expect(try await cli.objects(["harvest", "list"] + location).count == 1)
            let updated = try await cli.object(
                ["harvest", "update"] + location + [
                    "\(id)", "--add-map", "image.note=NOTE", "--remove-extra-field", "SPEED", "--where", "SPEED > 50",
                    "--username", "harvester", "--password-env", "HARVEST_PASSWORD",
                ])
            #expect(updated["where_clause"] as? String == "SPEED > 50")
            #expect(try await cli.object(["harvest", "get"] + location + ["\(id)"])["name"] as? String == "Roads")
            let started = try await cli.object(["harvest", "start"] + location + ["\(id)"])
            #expect((started["task"] as? [String: Any])?["status"] as? String == "in_progress")
            #expect(try await cli.objects(["harvest", "tasks"] + location + ["\(id)", "--status", "in_progress", "--get-new"]).count == 1)
            #expect(
                (try await cli.object(["harvest", "stop"] + location + ["\(id)"])["harvest_service"] as? [String: Any])?["status"] as? String
                    == "stopped")
            #expect(try await cli.object(["harvest", "delete"] + location + ["\(id)"])["deleted"] as? Bool == true)

            let rejected = try await cli.run(
                ["harvest", "create"] + location + ["--name", "Bad", "--url", "ftp://nope", "--username", "h", "--password-env", "HARVEST_PASSWORD"])
            #expect(rejected.status == 1, "\(rejected)")
            #expect(rejected.stderr.contains("422"))
            let unset = try await cli.run(
                ["harvest", "create"] + location + ["--name", "X", "--url", url, "--username", "h", "--password-env", "NOT_SET"])
            #expect(unset.status == 2, "\(unset)")
            #expect(unset.stderr.contains("NOT_SET"))
            let noAuth = try await cli.run(["harvest", "create"] + location + ["--name", "X", "--url", url])
            #expect(noAuth.status == 2, "\(noAuth)")
        }
    }

    @Test func analysisServicesAndTasksGoThroughTheirLifeCycle() async throws {
        try await CLIWorkspace.with { cli in
            let modules = try await cli.objects(["analysis", "modules"])
            #expect(modules.contains { $0["name"] as? String == "object_detection" })
            let service = try await cli.object([
                "analysis", "services", "create", "--name", "Signs", "--module", "object_detection", "--config-json", #"{"model": "m1"}"#,
            ])
            let id = try #require(service["id"] as? Int)
            #expect(try await cli.objects(["analysis", "services", "list", "--enabled", "true"]).count == 1)
            let patched = try await cli.object([
                "analysis", "services", "patch", "\(id)", "--config-json", #"{"min_confidence": 0.4}"#, "--name", "Signs 2",
            ])
            #expect((patched["config"] as? [String: Any])?["model"] as? String == "m1")
            #expect(patched["name"] as? String == "Signs 2")

            let task = try await cli.object(["analysis", "tasks", "create", "--service", "\(id)", "--params", #"{"collection": 7}"#])
            let taskID = try #require(task["id"] as? Int)
            #expect(try await cli.object(["analysis", "tasks", "run", "--service", "\(id)", "\(taskID)"])["status"] as? String == "SCHEDULED")
            #expect(try await cli.objects(["analysis", "tasks", "list", "--service", "\(id)", "--status", "running"]).count == 1)
            let second = try #require(try await cli.object(["analysis", "tasks", "create", "--service", "\(id)", "--params", "{}"])["id"] as? Int)
            #expect(try await cli.object(["analysis", "tasks", "revoke", "--service", "\(id)", "\(second)"])["status"] as? String == "REVOKED")
            #expect(try await cli.object(["analysis", "tasks", "delete", "--service", "\(id)", "\(taskID)"])["deleted"] as? Bool == true)
            #expect(try await cli.object(["analysis", "services", "delete", "\(id)"])["deleted"] as? Bool == true)

            let unknownModule = try await cli.run([
                "analysis", "services", "create", "--name", "X", "--module", "mind_reading", "--config-json", "{}",
            ])
            #expect(unknownModule.status == 1, "\(unknownModule)")
            #expect(unknownModule.stderr.contains("module_name"))
            #expect(try await cli.run(["analysis", "services", "create", "--name", "X", "--module", "m", "--config-json", "[1]"]).status == 2)
            #expect(try await cli.run(["analysis", "services", "patch", "1"]).status == 2)
        }
    }

    @Test func usersAreShownCreatedAndUpdatedWithoutEverPrintingAPassword() async throws {
        try await CLIWorkspace.with { base in
            var cli = base
            let secret = "S3NT1NEL-new-user-password"
            cli.environment["NEW_PASSWORD"] = secret
            cli.extraSecrets = [secret]
            #expect(try await cli.object(["users", "me"])["email"] as? String == CLIAccount.username)
            #expect(try await cli.objects(["users", "plugins"]).contains { $0["name"] as? String == "optimized_raster" })
            let user = try await cli.object(
                [
                    "users", "create", "--first-name", "Ada", "--last-name", "L", "--email", "ada@example.com", "--password-env", "NEW_PASSWORD",
                    "--user-type", "viewer",
                ])
            let id = try #require(user["id"] as? Int)
            let updated = try await cli.object(["users", "update", "\(id)", "--enabled", "false", "--password-env", "NEW_PASSWORD"])
            #expect(updated["enabled"] as? Bool == false)
            let duplicate = try await cli.run(
                [
                    "users", "create", "--first-name", "Ada", "--last-name", "L", "--email", "ada@example.com", "--password-env", "NEW_PASSWORD",
                    "--user-type", "viewer",
                ])
            #expect(duplicate.status == 1, "\(duplicate)")
            #expect(duplicate.stderr.contains("409"))
            #expect(try await cli.run(["users", "update", "\(id)"]).status == 2)
            #expect(
                try await cli.run([
                    "users", "create", "--first-name", "A", "--last-name", "B", "--email", "b@example.com", "--password-env", "NEW_PASSWORD",
                    "--user-type", "god",
                ]).status == 2)
        }
    }
}

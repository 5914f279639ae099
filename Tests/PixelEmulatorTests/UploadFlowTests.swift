import PixelEmulator
import Testing

struct UploadFlowTests {
    /// Creates single-part upload jobs for `files` in a fresh collection of `type`.
    private func singlePartJobs(
        _ http: TestHTTP, token: String, type: String, files: [(String, [UInt8])]
    ) async throws -> (dc: String, jobs: [JSONValue]) {
        let (project, collection) = try await http.makeCollection(type: type, token: token)
        let dc = "/projects/\(project)/data_collections/\(collection)"
        let body: JSONValue = ["files": .array(files.map { ["name": .string($0.0), "md5": .string(md5Base64($0.1))] })]
        let created = try await http.api(.POST, dc + "/upload_jobs/", json: body, token: token)
        #expect(created.status == 200)
        return (dc, created.json.arrayValue ?? [])
    }

    @Test func singlePartImageUploadStoresTheExactBytes() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let bytes = testBytes(300_000)
            let (dc, jobs) = try await singlePartJobs(http, token: token, type: "image", files: [("photo.jpg", bytes)])
            let job = try #require(jobs.first)
            #expect(job["name"] == "photo.jpg")
            #expect(job["status"] == "lobby")
            let url = try #require(job["url"]?.stringValue)
            let upload = try await http.presignedPost(url: url, fields: job["upload_fields"], file: bytes)
            #expect(upload.status == 204)
            let uploadJobID = try #require(job["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(uploadJobID)/uploadFinished", token: token)
            #expect(finished.status == 200)
            let jobID = try #require(finished.json["job"]?["job_id"]?.intValue)
            let (incomplete, final) = try await http.waitForJob(jobID, token: token)
            #expect(incomplete == 1)
            #expect(final["status"] == "success")
            let listed = try await http.api(.GET, dc + "/upload_jobs/?ids=\(uploadJobID)&limit=1", token: token)
            let state = try #require(listed.json.arrayValue?.first)
            #expect(state["status"] == "validated_and_moved")
            #expect(state["result"]?["resource_name"] == "image")
            let imageID = try #require(state["result"]?["resource_id"]?.intValue)
            let image = try await http.api(.GET, dc + "/images/\(imageID)", token: token)
            #expect(image.json["name"] == "photo.jpg")
            #expect(try await http.emulator.storedObjectMD5(resourceType: "image", id: imageID) == md5Base64(bytes))
        }
    }

    @Test func multipartRasterUploadIsAssembledOnUploadFinished() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let bytes = testBytes(250_000, seed: 7)
            let partSize = 100_000
            let parts = stride(from: 0, to: bytes.count, by: partSize).map { Array(bytes[$0..<min($0 + partSize, bytes.count)]) }
            let (project, collection) = try await http.makeCollection(type: "DTM", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            let descriptor: JSONValue = [
                "files": [
                    [
                        "name": "dem.tif",
                        "parts": .array(
                            parts.enumerated().map { index, part in
                                ["part_number": .int(index + 1), "md5": .string(md5Base64(part)), "content_length": .int(part.count)]
                            }),
                    ]
                ]
            ]
            let created = try await http.api(.POST, dc + "/upload_jobs/multipart", json: descriptor, token: token)
            #expect(created.status == 200)
            let job = try #require(created.json.arrayValue?.first)
            let uploadParts = try #require(job["upload_parts"]?.arrayValue)
            #expect(uploadParts.compactMap { $0["part_number"]?.intValue } == [1, 2, 3])
            // Send the parts in reverse order: assembly must follow part numbers, not arrival.
            for part in uploadParts.reversed() {
                let number = try #require(part["part_number"]?.intValue)
                let headers = (part["headers"]?.objectValue ?? [:]).map { ($0.key, $0.value.stringValue ?? "") }
                let reply = try await http.send(.PUT, try #require(part["url"]?.stringValue), headers: headers, body: parts[number - 1])
                #expect(reply.status == 200)
            }
            let uploadJobID = try #require(job["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(uploadJobID)/uploadFinished", token: token)
            let jobID = try #require(finished.json["job"]?["job_id"]?.intValue)
            _ = try await http.waitForJob(jobID, token: token)
            let state = try #require(try await http.api(.GET, dc + "/upload_jobs/?ids=\(uploadJobID)", token: token).json.arrayValue?.first)
            #expect(state["status"] == "validated_and_moved")
            #expect(state["result"]?["resource_name"] == "raster")
            let rasterID = try #require(state["result"]?["resource_id"]?.intValue)
            #expect(try await http.emulator.storedObjectMD5(resourceType: "raster", id: rasterID) == md5Base64(bytes))
            let stored = await http.emulator.storedObjects().first { $0.resourceType == "raster" }
            #expect(stored?.size == bytes.count)
        }
    }

    @Test func partWithWrongDigestOrLengthIsRejectedByTheStore() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let part = testBytes(1000)
            let (project, collection) = try await http.makeCollection(type: "raster", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            let created = try await http.api(
                .POST, dc + "/upload_jobs/multipart",
                json: ["files": [["name": "r.tif", "parts": [["part_number": 1, "md5": .string(md5Base64(part)), "content_length": 1000]]]]],
                token: token)
            let uploadPart = try #require(created.json.arrayValue?.first?["upload_parts"]?.arrayValue?.first)
            let url = try #require(uploadPart["url"]?.stringValue)
            let headers = [("Content-MD5", md5Base64(part))]
            var corrupted = part
            corrupted[10] ^= 0xff
            let badDigest = try await http.send(.PUT, url, headers: headers, body: corrupted)
            #expect(badDigest.status == 400)
            #expect(badDigest.text.contains("BadDigest"))
            let short = try await http.send(.PUT, url, headers: headers, body: Array(part.prefix(999)))
            #expect(short.status == 400)
            let noDigest = try await http.send(.PUT, url, body: part)
            #expect(noDigest.status == 400)
            let uploadJobID = try #require(created.json.arrayValue?.first?["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(uploadJobID)/uploadFinished", token: token)
            let jobID = try #require(finished.json["job"]?["job_id"]?.intValue)
            _ = try await http.waitForJob(jobID, token: token)
            let state = try #require(try await http.api(.GET, dc + "/upload_jobs/?ids=\(uploadJobID)", token: token).json.arrayValue?.first)
            #expect(state["status"] == "failed")
            #expect(state["detail"]?.stringValue?.contains("Missing part 1") == true)
        }
    }

    @Test func md5MismatchFailsTheUploadJobWithDetail() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let declared = testBytes(500)
            let (dc, jobs) = try await singlePartJobs(http, token: token, type: "image", files: [("a.jpg", declared)])
            let job = try #require(jobs.first)
            let upload = try await http.presignedPost(
                url: try #require(job["url"]?.stringValue), fields: job["upload_fields"], file: testBytes(500, seed: 9))
            #expect(upload.status == 204)
            let id = try #require(job["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(id)/uploadFinished", token: token)
            let (_, final) = try await http.waitForJob(try #require(finished.json["job"]?["job_id"]?.intValue), token: token)
            #expect(final["status"] == "failed")
            let state = try #require(try await http.api(.GET, dc + "/upload_jobs/?ids=\(id)", token: token).json.arrayValue?.first)
            #expect(state["status"] == "failed")
            #expect(state["detail"]?.stringValue?.contains("MD5 mismatch") == true)
        }
    }

    @Test func wrongDataCollectionTypeFailsValidation() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let bytes = testBytes(100)
            let (dc, jobs) = try await singlePartJobs(http, token: token, type: "image", files: [("cloud.laz", bytes)])
            let job = try #require(jobs.first)
            _ = try await http.presignedPost(url: try #require(job["url"]?.stringValue), fields: job["upload_fields"], file: bytes)
            let id = try #require(job["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(id)/uploadFinished", token: token)
            _ = try await http.waitForJob(try #require(finished.json["job"]?["job_id"]?.intValue), token: token)
            let state = try #require(try await http.api(.GET, dc + "/upload_jobs/?ids=\(id)", token: token).json.arrayValue?.first)
            #expect(state["status"] == "failed")
            #expect(state["detail"]?.stringValue?.contains("Wrong data collection type") == true)
        }
    }

    @Test func batchOfPointCloudsWithSupportFilesCompletesAsAGroup() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let first = testBytes(2000, seed: 1)
            let second = testBytes(3000, seed: 2)
            let support = testBytes(50, seed: 3)
            let (project, collection) = try await http.makeCollection(type: "point_cloud", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            let body: JSONValue = [
                "files": [
                    [
                        "name": "a.laz", "md5": .string(md5Base64(first)), "support_files": [["name": "a.prj", "md5": .string(md5Base64(support))]],
                        "metadata": ["fields": ["fields_type": "point_cloud", "name": "Cloud A"], "json_metadata": ["k": "v"]],
                    ],
                    ["name": "b.las", "md5": .string(md5Base64(second))],
                ]
            ]
            let jobs = try #require(try await http.api(.POST, dc + "/upload_jobs/", json: body, token: token).json.arrayValue)
            #expect(jobs.count == 2)
            for (job, bytes) in zip(jobs, [first, second]) {
                #expect(
                    try await http.presignedPost(url: try #require(job["url"]?.stringValue), fields: job["upload_fields"], file: bytes).status == 204)
            }
            let supportTarget = try #require(jobs[0]["support_files"]?.arrayValue?.first)
            #expect(
                try await http.presignedPost(
                    url: try #require(supportTarget["url"]?.stringValue), fields: supportTarget["upload_fields"], file: support
                ).status == 204)
            let ids = jobs.compactMap { $0["id"]?.intValue }
            let finished = try await http.api(
                .PUT, dc + "/upload_jobs/multiple_uploadFinished", json: ["job_ids": .array(ids.map(JSONValue.int))], token: token)
            #expect(finished.status == 200)
            #expect(finished.json["upload_jobs"]?.arrayValue?.count == 2)
            let groupID = try #require(finished.json["group_job"]?["group_id"]?.intValue)
            let (incomplete, group) = try await http.waitForJob(groupID, token: token, group: true)
            #expect(incomplete >= 1)
            #expect(group["total_jobs"] == 2)
            #expect(group["success_count"] == 2)
            #expect(group["failed_count"] == 0)
            let clouds = try await http.api(.GET, dc + "/point_clouds/?limit=10", token: token)
            #expect(clouds.json.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["Cloud A", "b.las"])
        }
    }

    @Test func presignedPostChecksPolicyFieldsAndExpiry() async throws {
        var configuration = EmulatorConfiguration()
        configuration.presignedURLLifetime = .zero
        try await withEmulator(configuration) { http in
            let token = try await http.token()
            let bytes = testBytes(10)
            let (_, jobs) = try await singlePartJobs(http, token: token, type: "image", files: [("x.jpg", bytes)])
            let job = try #require(jobs.first)
            let expired = try await http.presignedPost(url: try #require(job["url"]?.stringValue), fields: job["upload_fields"], file: bytes)
            #expect(expired.status == 403)
            #expect(expired.text.contains("expired"))
        }
        try await withEmulator { http in
            let token = try await http.token()
            let bytes = testBytes(10)
            let (_, jobs) = try await singlePartJobs(http, token: token, type: "image", files: [("x.jpg", bytes)])
            let job = try #require(jobs.first)
            let url = try #require(job["url"]?.stringValue)
            let noFields = try await http.presignedPost(url: url, fields: nil, file: bytes)
            #expect(noFields.status == 400)
            let forged = try await http.presignedPost(
                url: url, fields: ["key": job["upload_fields"]?["key"] ?? "", "x-amz-signature": "forged"], file: bytes)
            #expect(forged.status == 403)
            let notMultipart = try await http.send(.POST, url, headers: [("Content-Type", "application/octet-stream")], body: bytes)
            #expect(notMultipart.status == 400)
            let truncated = formData(fields: [], file: bytes)
            let broken = try await http.send(.POST, url, headers: [("Content-Type", truncated.contentType)], body: Array(truncated.body.prefix(20)))
            #expect(broken.status == 400)
        }
    }

    @Test func uploadJobValidationErrors() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let (project, collection) = try await http.makeCollection(type: "image", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            #expect(try await http.api(.POST, dc + "/upload_jobs/", json: ["files": []], token: token).status == 422)
            #expect(
                try await http.api(.POST, dc + "/upload_jobs/", json: ["files": [["name": "a.jpg", "md5": "nothex"]]], token: token).status == 422)
            #expect(
                try await http.api(
                    .POST, dc + "/upload_jobs/multipart",
                    json: ["files": [["name": "a.jpg", "parts": [["part_number": 2, "md5": .string(md5Base64([1])), "content_length": 1]]]]],
                    token: token
                ).status == 422)
            #expect(try await http.api(.PUT, dc + "/upload_jobs/99/uploadFinished", token: token).status == 404)
            #expect(try await http.api(.GET, "/jobs/99", token: token).status == 404)
            #expect(try await http.api(.GET, "/jobs/groups/99", token: token).status == 404)
            #expect(try await http.api(.GET, dc + "/upload_jobs/", token: "").status == 401)
        }
    }
}

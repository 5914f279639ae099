/// What `uploadFinished` must verify outside the actor (file I/O).
struct FinishPlan: Sendable {
    enum Source: Sendable {
        case single(declaredMD5: String, received: ReceivedObject?, path: String)
        case multipart(parts: [PartCheck])
    }

    struct PartCheck: Sendable {
        var part: DeclaredPart
        var received: ReceivedObject?
        var path: String
    }

    struct SupportCheck: Sendable {
        var name: String
        var declaredMD5: String
        var received: ReceivedObject?
    }

    var jobID: Int
    var uploadJobID: Int
    var name: String
    var collectionType: String
    var objectKey: String
    var finalPath: String
    var source: Source
    var support: [SupportCheck]
}

/// Upload jobs: the API side of the presigned upload protocol.
extension TenantData {
    /// The most files one create call accepts (the Python client chunks by this).
    static let maxFilesPerCreate = 200

    mutating func createUploadJobs(
        _ projectID: Int, _ collectionID: Int, _ body: BodyReader, multipart: Bool, store: inout ObjectStoreState
    ) throws(APIError) -> JSONValue {
        _ = try dataCollection(projectID, collectionID)
        guard let files = try body.objectList("files") else { throw .missing(["body", "files"]) }
        guard !files.isEmpty else { throw .validation(["body", "files"], "List should have at least 1 item", type: "too_short") }
        guard files.count <= Self.maxFilesPerCreate else {
            throw .validation(["body", "files"], "List should have at most \(Self.maxFilesPerCreate) items", type: "too_long")
        }
        // Validate everything before creating anything, so a bad entry leaves no half-created jobs.
        struct Parsed {
            var name: String
            var md5: String?
            var parts: [(Int, String, Int)]?
            var support: [(String, String)]
            var metadata: JSONValue
        }
        var parsed: [Parsed] = []
        for file in files {
            let name = try file.requiredString("name")
            guard !name.isEmpty, !name.contains("/") else {
                throw .validation(file.location + ["name"], "name must be a non-empty base name")
            }
            var entry = Parsed(name: name, md5: nil, parts: nil, support: [], metadata: .null)
            if multipart {
                guard let parts = try file.objectList("parts") else { throw .missing(file.location + ["parts"]) }
                guard !parts.isEmpty else { throw .validation(file.location + ["parts"], "List should have at least 1 item", type: "too_short") }
                var declared: [(Int, String, Int)] = []
                for part in parts {
                    let number = try part.requiredInt("part_number")
                    let md5 = try part.md5("md5", required: true) ?? ""
                    let length = try part.requiredInt("content_length")
                    guard length > 0 else { throw .validation(part.location + ["content_length"], "content_length must be positive") }
                    declared.append((number, md5, length))
                }
                declared.sort { $0.0 < $1.0 }
                guard declared.map(\.0) == Array(1...declared.count) else {
                    throw .validation(file.location + ["parts"], "part_number values must be exactly 1…\(declared.count)")
                }
                entry.parts = declared
            } else {
                entry.md5 = try file.md5("md5", required: true)
            }
            for support in try file.objectList("support_files") ?? [] {
                let supportName = try support.requiredString("name")
                let md5 = try support.md5("md5", required: true) ?? ""
                entry.support.append((supportName, md5))
            }
            if let metadata = try file.object("metadata") { entry.metadata = .object(metadata) }
            parsed.append(entry)
        }
        var created: [JSONValue] = []
        for entry in parsed {
            let id = nextID("upload_job")
            let keyPrefix = "\(tenant)/upload_jobs/\(id)"
            var job = UploadJob(
                id: id, projectID: projectID, dataCollectionID: collectionID, name: entry.name, md5: entry.md5, parts: nil,
                supportFiles: [], metadata: entry.metadata)
            if let parts = entry.parts {
                job.parts = parts.map { number, md5, length in
                    let slot = store.makeSlot(
                        tenant: tenant, key: "\(keyPrefix)/\(entry.name).part\(number)", name: entry.name,
                        purpose: .uploadPart(jobID: id, partNumber: number), expectedMD5: md5, expectedLength: length)
                    return DeclaredPart(partNumber: number, md5: md5, contentLength: length, slot: slot.token)
                }
            } else {
                job.mainSlot =
                    store.makeSlot(
                        tenant: tenant, key: "\(keyPrefix)/\(entry.name)", name: entry.name, purpose: .uploadFile(jobID: id),
                        expectedMD5: entry.md5
                    ).token
            }
            job.supportFiles = entry.support.map { name, md5 in
                let slot = store.makeSlot(
                    tenant: tenant, key: "\(keyPrefix)/support/\(name)", name: name, purpose: .supportFile(jobID: id, name: name),
                    expectedMD5: md5)
                return DeclaredSupportFile(name: name, md5: md5, slot: slot.token)
            }
            uploadJobs[id] = job
            created.append(.object(uploadJobJSON(job, store: store)))
        }
        return .array(created)
    }

    func uploadJobJSON(_ job: UploadJob, store: ObjectStoreState) -> JSONObject {
        var object: JSONObject = [
            "id": .int(job.id), "name": .string(job.name), "status": .string(job.status), "detail": job.detail.json,
            "result": job.result, "project_id": .int(job.projectID), "data_collection_id": .int(job.dataCollectionID),
            "metadata": job.metadata, "job_id": job.jobID.json, "created_at": .string(job.createdAt),
            "multipart": .bool(job.parts != nil),
        ]
        if let md5 = job.md5 { object["md5"] = .string(md5) }
        if job.status == "lobby" {
            if let token = job.mainSlot, let slot = store.slots[token] {
                object["url"] = .string(store.postURL(slot))
                object["upload_fields"] = store.uploadFields(slot)
            }
            if let parts = job.parts {
                object["upload_parts"] = .array(
                    parts.compactMap { part in
                        guard let slot = store.slots[part.slot] else { return nil }
                        return [
                            "part_number": .int(part.partNumber), "url": .string(store.putURL(slot)),
                            "headers": ["Content-MD5": .string(part.md5)],
                        ]
                    })
            }
            object["support_files"] = .array(
                job.supportFiles.compactMap { support in
                    guard let slot = store.slots[support.slot] else { return nil }
                    return ["name": .string(support.name), "url": .string(store.postURL(slot)), "upload_fields": store.uploadFields(slot)]
                })
        } else {
            object["support_files"] = .array(job.supportFiles.map { ["name": .string($0.name)] })
        }
        return object
    }

    func listUploadJobs(_ projectID: Int, _ collectionID: Int, _ query: QueryValues, limits: PageLimits, store: ObjectStoreState)
        throws(APIError) -> JSONValue
    {
        _ = try dataCollection(projectID, collectionID)
        let items = uploadJobs.values.filter { $0.dataCollectionID == collectionID }.map { uploadJobJSON($0, store: store) }
        return try ListQuery.apply(items, query: query, limits: limits, equalityKeys: ["status"])
    }

    /// Starts validation of an upload job: creates its job and returns what must be checked on disk.
    mutating func beginFinish(_ projectID: Int, _ collectionID: Int, _ uploadJobID: Int, groupID: Int? = nil, store: ObjectStoreState)
        throws(APIError) -> FinishPlan
    {
        let collection = try dataCollection(projectID, collectionID)
        guard var job = uploadJobs[uploadJobID], job.dataCollectionID == collectionID else {
            throw .notFound("Upload job \(uploadJobID)")
        }
        guard job.status == "lobby" else { throw .badRequest("Upload job \(uploadJobID) is already \(job.status)") }
        let jobID = nextID("job")
        jobs[jobID] = Job(id: jobID, name: job.name, work: .upload(uploadJobID: uploadJobID, outcome: nil), groupID: groupID)
        job.status = "validating"
        job.jobID = jobID
        uploadJobs[uploadJobID] = job
        let objectKey = "\(tenant)/upload_jobs/\(uploadJobID)/\(job.name)"
        let source: FinishPlan.Source
        var finalPath = store.directory + "/assembled-\(tenant)-\(uploadJobID)"
        if let parts = job.parts {
            source = .multipart(
                parts: parts.map { part in
                    FinishPlan.PartCheck(
                        part: part, received: store.slots[part.slot]?.received, path: store.slots[part.slot]?.path ?? "")
                })
        } else {
            let slot = job.mainSlot.flatMap { store.slots[$0] }
            finalPath = slot?.path ?? finalPath
            source = .single(declaredMD5: job.md5 ?? "", received: slot?.received, path: finalPath)
        }
        return FinishPlan(
            jobID: jobID, uploadJobID: uploadJobID, name: job.name,
            collectionType: collection["data_collection_type"]?.stringValue ?? "", objectKey: objectKey, finalPath: finalPath,
            source: source,
            support: job.supportFiles.map { support in
                FinishPlan.SupportCheck(name: support.name, declaredMD5: support.md5, received: store.slots[support.slot]?.received)
            })
    }

    mutating func setOutcome(jobID: Int, _ outcome: UploadOutcome) {
        guard let uploadJobID = jobs[jobID]?.uploadJobID else { return }
        jobs[jobID]?.work = .upload(uploadJobID: uploadJobID, outcome: outcome)
    }

    /// `{"job": {...}, "upload_job": {...}}` for `uploadFinished`.
    func finishResponse(jobID: Int, store: ObjectStoreState) -> JSONValue {
        guard let job = jobs[jobID] else { return .null }
        var response: JSONObject = ["job": jobJSON(job)]
        if let uploadJobID = job.uploadJobID, let uploadJob = uploadJobs[uploadJobID] {
            response["upload_job"] = .object(uploadJobJSON(uploadJob, store: store))
        }
        return .object(response)
    }
}

extension TenantData {
    /// Begins several upload jobs at once; checks them all first so a bad id begins none.
    mutating func beginFinishMany(_ projectID: Int, _ collectionID: Int, _ ids: [Int], store: ObjectStoreState) throws(APIError) -> [FinishPlan] {
        _ = try dataCollection(projectID, collectionID)
        guard Set(ids).count == ids.count else { throw .validation(["body", "job_ids"], "job_ids must be unique") }
        for id in ids {
            guard let job = uploadJobs[id], job.dataCollectionID == collectionID else { throw .notFound("Upload job \(id)") }
            guard job.status == "lobby" else { throw .badRequest("Upload job \(id) is already \(job.status)") }
        }
        var plans: [FinishPlan] = []
        for id in ids { plans.append(try beginFinish(projectID, collectionID, id, store: store)) }
        return plans
    }

    /// Stores a verification result; the job completes when it is next polled.
    mutating func recordOutcome(_ plan: FinishPlan, _ result: (UploadOutcome, StoredObject?), store: inout ObjectStoreState) {
        setOutcome(jobID: plan.jobID, result.0)
        if let object = result.1 { store.objects[object.key] = object }
    }
}

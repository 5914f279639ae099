import PixelEmulator

extension TestHTTP {
    /// Runs the whole single-part flow; returns the data-collection path and the new resource id.
    func uploadResource(
        type: String, name: String, bytes: [UInt8], token: String, into existing: (project: Int, collection: Int)? = nil,
        metadata: JSONValue? = nil
    ) async throws -> (dc: String, id: Int) {
        let ids: (project: Int, collection: Int)
        if let existing { ids = existing } else { ids = try await makeCollection(type: type, token: token) }
        let dc = "/projects/\(ids.project)/data_collections/\(ids.collection)"
        var file: JSONObject = ["name": .string(name), "md5": .string(md5Base64(bytes))]
        if let metadata { file["metadata"] = metadata }
        let created = try await api(.POST, dc + "/upload_jobs/", json: ["files": [.object(file)]], token: token)
        guard let job = created.json.arrayValue?.first, let url = job["url"]?.stringValue, let uploadJobID = job["id"]?.intValue else {
            throw TestFailure("create upload job: \(created.text)")
        }
        let posted = try await presignedPost(url: url, fields: job["upload_fields"], file: bytes)
        guard posted.status == 204 else { throw TestFailure("upload: \(posted.status) \(posted.text)") }
        let finished = try await api(.PUT, dc + "/upload_jobs/\(uploadJobID)/uploadFinished", token: token)
        guard let jobID = finished.json["job"]?["job_id"]?.intValue else { throw TestFailure("finish: \(finished.text)") }
        _ = try await waitForJob(jobID, token: token)
        let state = try await api(.GET, dc + "/upload_jobs/?ids=\(uploadJobID)&limit=1", token: token).json.arrayValue?.first
        guard let id = state?["result"]?["resource_id"]?.intValue else { throw TestFailure("upload job state: \(String(describing: state))") }
        return (dc, id)
    }
}

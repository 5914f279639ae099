/// One declared part of a multipart upload.
struct DeclaredPart: Sendable {
    var partNumber: Int
    var md5: String
    var contentLength: Int
    var slot: String
}

/// A support file of an upload job.
struct DeclaredSupportFile: Sendable {
    var name: String
    var md5: String
    var slot: String
}

/// An upload job: one declared file (single-part or in parts) and its support files, waiting
/// for its bytes, then validated by a job.
struct UploadJob: Sendable {
    var id: Int
    var projectID: Int
    var dataCollectionID: Int
    var name: String
    var md5: String?
    var parts: [DeclaredPart]?
    var supportFiles: [DeclaredSupportFile]
    var metadata: JSONValue
    var mainSlot: String?
    var status = "lobby"
    var detail: String?
    var result: JSONValue = .null
    var jobID: Int?
    var createdAt = Timestamp.now()
}

/// What verification decided about an upload.
enum UploadOutcome: Sendable {
    case success(objectKey: String, md5: String, size: Int)
    case failure(String)
}

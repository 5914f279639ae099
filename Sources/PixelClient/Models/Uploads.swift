// Upload-job and attachment models, used by the uploads layer.

/// One part declared for a multipart upload.
public struct UploadPartDescriptor: Codable, Hashable, Sendable {
    /// 1-based.
    public var partNumber: Int
    /// Base64 of the raw 16-byte MD5 of the part.
    public var md5: String
    public var contentLength: Int

    public init(partNumber: Int, md5: String, contentLength: Int) {
        self.partNumber = partNumber
        self.md5 = md5
        self.contentLength = contentLength
    }

    enum CodingKeys: String, CodingKey { case partNumber = "part_number", md5, contentLength = "content_length" }
}

/// A support file declared with its main file: name and whole-file base64 MD5.
public struct SupportFileDescriptor: Codable, Hashable, Sendable {
    public var name: String
    public var md5: String
    public init(name: String, md5: String) {
        self.name = name
        self.md5 = md5
    }
}

/// One entry of `files` when creating upload jobs: `md5` for single-part, `parts` for
/// multipart; `metadata` and `support_files` only when given.
public struct UploadFileDescriptor: Codable, Hashable, Sendable {
    public var name: String
    public var md5: String?
    public var parts: [UploadPartDescriptor]?
    public var metadata: MetadataObject?
    public var supportFiles: [SupportFileDescriptor]?

    public init(
        name: String, md5: String? = nil, parts: [UploadPartDescriptor]? = nil, metadata: MetadataObject? = nil,
        supportFiles: [SupportFileDescriptor]? = nil
    ) {
        self.name = name
        self.md5 = md5
        self.parts = parts
        self.metadata = metadata
        self.supportFiles = supportFiles
    }

    enum CodingKeys: String, CodingKey { case name, md5, parts, metadata, supportFiles = "support_files" }
}

/// The body of `POST DC/upload_jobs/` and `DC/upload_jobs/multipart`.
public struct UploadJobsCreate: Codable, Hashable, Sendable {
    public var files: [UploadFileDescriptor]
    public init(files: [UploadFileDescriptor]) { self.files = files }
}

/// A presigned multipart part target: `PUT url` with exactly `headers`.
public struct UploadPartTarget: Codable, Hashable, Sendable {
    public var partNumber: Int
    public var url: String
    public var headers: [String: String]?
    enum CodingKeys: String, CodingKey { case partNumber = "part_number", url, headers }
}

/// A presigned POST target for a support file.
public struct SupportFileTarget: Codable, Hashable, Sendable {
    public var name: String
    public var url: String?
    public var uploadFields: [String: String]?
    enum CodingKeys: String, CodingKey { case name, url, uploadFields = "upload_fields" }
}

/// What an upload produced (`result`): `image` / `raster` / `point_cloud` and its id.
public struct UploadResult: Codable, Hashable, Sendable {
    public var resourceName: ResourceKind
    public var resourceID: Int
    enum CodingKeys: String, CodingKey { case resourceName = "resource_name", resourceID = "resource_id" }
}

/// An upload job: creation returns the presigned targets; later reads carry status,
/// detail and result.
public struct UploadJob: Codable, Hashable, Sendable, Identifiable {
    public var id: UploadJobID
    public var name: String
    /// Single-part: the presigned POST URL and its form fields (kept in server order is not
    /// needed: S3 POST policies accept any field order before `file`).
    public var url: String?
    public var uploadFields: [String: String]?
    /// Multipart: one presigned PUT per part.
    public var uploadParts: [UploadPartTarget]?
    public var supportFiles: [SupportFileTarget]?
    public var status: UploadJobStatus?
    public var detail: String?
    public var result: UploadResult?
    public var jobID: JobID?

    enum CodingKeys: String, CodingKey {
        case id, name, url, status, detail, result
        case uploadFields = "upload_fields", uploadParts = "upload_parts", supportFiles = "support_files", jobID = "job_id"
    }
}

/// The answer of `PUT DC/upload_jobs/{id}/uploadFinished`.
public struct UploadFinishedResponse: Codable, Hashable, Sendable {
    public var job: JobReference
}

/// The body of `PUT DC/upload_jobs/multiple_uploadFinished`.
public struct MultipleUploadFinishedRequest: Codable, Hashable, Sendable {
    public var jobIDs: [UploadJobID]
    public init(jobIDs: [UploadJobID]) { self.jobIDs = jobIDs }
    enum CodingKeys: String, CodingKey { case jobIDs = "job_ids" }
}

/// The answer of `multiple_uploadFinished`.
public struct MultipleUploadFinishedResponse: Codable, Hashable, Sendable {
    public struct UploadJobReference: Codable, Hashable, Sendable { public var id: UploadJobID }
    public var groupJob: JobGroupReference
    public var uploadJobs: [UploadJobReference]
    enum CodingKeys: String, CodingKey { case groupJob = "group_job", uploadJobs = "upload_jobs" }
}

/// A presigned POST target: URL plus form fields.
public struct PresignedPost: Codable, Hashable, Sendable {
    public var url: String
    public var fields: [String: String]
}

/// An attachment on a project, data collection or image.
public struct Attachment: Codable, Hashable, Sendable, Identifiable {
    public var id: AttachmentID
    public var name: String
    public var description: String?
    public var md5: String?
    public var status: AttachmentStatus?
    public var resourceType: AttachmentResourceType?
    public var resourceID: Int?
    /// Present while `Pending`: where to POST the bytes.
    public var uploadFileParams: PresignedPost?

    enum CodingKeys: String, CodingKey {
        case id, name, description, md5, status
        case resourceType = "resource_type", resourceID = "resource_id", uploadFileParams = "upload_file_params"
    }
}

/// One file declared to `POST /attachments/`.
public struct AttachmentDescriptor: Codable, Hashable, Sendable {
    public var name: String
    public var description: String
    /// Base64 MD5 of the file.
    public var md5: String
    public init(name: String, description: String = "", md5: String) {
        self.name = name
        self.description = description
        self.md5 = md5
    }
}

/// The body of `POST /attachments/`.
public struct AttachmentsCreate: Codable, Hashable, Sendable {
    public var files: [AttachmentDescriptor]
    public init(files: [AttachmentDescriptor]) { self.files = files }
}

public import Foundation

/// A long-running server job (`GET /jobs/{id}`).
public struct Job: Codable, Hashable, Sendable {
    public var id: JobID
    public var name: String?
    public var status: JobStatus?
    public var completed: Bool
    public var detail: String?
    public var groupID: JobGroupID?
    public var uploadJobID: UploadJobID?
    public var createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, jobID = "job_id", name, status, completed, detail
        case groupID = "group_id", uploadJobID = "upload_job_id", createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = try c.decodeIfPresent(JobID.self, forKey: .id) ?? c.decodeIfPresent(JobID.self, forKey: .jobID) else {
            throw DecodingError.keyNotFound(CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "A job needs id or job_id"))
        }
        self.id = id
        name = try c.decodeIfPresent(String.self, forKey: .name)
        status = try c.decodeIfPresent(JobStatus.self, forKey: .status)
        completed = try c.decodeIfPresent(Bool.self, forKey: .completed) ?? false
        detail = try c.decodeIfPresent(String.self, forKey: .detail)
        groupID = try c.decodeIfPresent(JobGroupID.self, forKey: .groupID)
        uploadJobID = try c.decodeIfPresent(UploadJobID.self, forKey: .uploadJobID)
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encode(completed, forKey: .completed)
        try c.encodeIfPresent(detail, forKey: .detail)
        try c.encodeIfPresent(groupID, forKey: .groupID)
        try c.encodeIfPresent(uploadJobID, forKey: .uploadJobID)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
    }

    /// Completed and not failed.
    public var succeeded: Bool { completed && !(status?.isFailure ?? false) }
}

/// A group of jobs (`GET /jobs/groups/{id}`), e.g. a batch upload.
public struct JobGroup: Codable, Hashable, Sendable {
    public var id: JobGroupID?
    public var completed: Bool
    public var totalJobs: Int
    public var successCount: Int
    public var failedCount: Int
    public var jobIDs: [JobID]?

    enum CodingKeys: String, CodingKey {
        case id, groupID = "group_id", completed, totalJobs = "total_jobs", successCount = "success_count"
        case failedCount = "failed_count", jobIDs = "job_ids"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(JobGroupID.self, forKey: .id) ?? c.decodeIfPresent(JobGroupID.self, forKey: .groupID)
        completed = try c.decodeIfPresent(Bool.self, forKey: .completed) ?? false
        totalJobs = try c.decodeIfPresent(Int.self, forKey: .totalJobs) ?? 0
        successCount = try c.decodeIfPresent(Int.self, forKey: .successCount) ?? 0
        failedCount = try c.decodeIfPresent(Int.self, forKey: .failedCount) ?? 0
        jobIDs = try c.decodeIfPresent([JobID].self, forKey: .jobIDs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(completed, forKey: .completed)
        try c.encode(totalJobs, forKey: .totalJobs)
        try c.encode(successCount, forKey: .successCount)
        try c.encode(failedCount, forKey: .failedCount)
        try c.encodeIfPresent(jobIDs, forKey: .jobIDs)
    }
}

/// `{"job_id": …}` — how responses point at a job (`job.job_id`).
public struct JobReference: Codable, Hashable, Sendable {
    public var jobID: JobID
    enum CodingKeys: String, CodingKey { case jobID = "job_id" }
}

/// `{"group_id": …}` — how responses point at a job group (`group_job.group_id`).
public struct JobGroupReference: Codable, Hashable, Sendable {
    public var groupID: JobGroupID
    enum CodingKeys: String, CodingKey { case groupID = "group_id" }
}

/// How long, and how often, to poll a job or job group before giving up.
///
/// Polling backs off from `initialPollInterval` by ×1.5 up to `maxPollInterval`; the timeout is
/// measured on a monotonic clock.
///
/// ```swift
/// let change = try await client.startArcGISService(.feature, id: 4, wait: JobWait(timeout: .seconds(300)))
/// ```
public struct JobWait: Hashable, Sendable {
    public var timeout: Duration
    public var initialPollInterval: Duration
    public var maxPollInterval: Duration

    public init(timeout: Duration, initialPollInterval: Duration = .milliseconds(500), maxPollInterval: Duration = .seconds(10)) {
        self.timeout = timeout
        self.initialPollInterval = initialPollInterval
        self.maxPollInterval = maxPollInterval
    }
}

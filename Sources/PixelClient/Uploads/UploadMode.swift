/// How the bytes of a file travel to the object store: one presigned POST, or presigned
/// PUTs of fixed-size parts sent concurrently. Replaces pixel-client's `multipart: bool` +
/// `multipart_part_size` pair, where forgetting the size failed only after jobs existed.
///
/// ```swift
/// try await client.uploadImage(project: 1, dataCollection: 2, UploadFile("big.tif"), mode: .multipart(partSize: 16 << 20))
/// try await client.uploadImage(project: 1, dataCollection: 2, UploadFile("small.jpg"), mode: .singlePart)
/// try await client.uploadImage(project: 1, dataCollection: 2, UploadFile("any.jpg"))   // .automatic
/// ```
public enum UploadMode: Sendable, Hashable, CustomStringConvertible {
    /// One presigned POST with the whole file (`POST DC/upload_jobs/`).
    case singlePart
    /// Presigned PUTs of `partSize` bytes (the last part may be shorter), sent concurrently
    /// (`POST DC/upload_jobs/multipart`). S3 back ends need at least 5 MiB per part except the
    /// last; the client does not enforce that, so tests can use small parts.
    case multipart(partSize: Int = UploadMode.defaultPartSize)
    /// Single-part up to ``automaticThreshold`` bytes, multipart with ``defaultPartSize`` parts
    /// above it (parts grow when a file would need more than ``maxPartCount`` of them).
    case automatic

    /// 8 MiB, the part size `.automatic` and `.multipart()` use.
    public static let defaultPartSize = 8 * 1024 * 1024
    /// 16 MiB: `.automatic` sends larger files in parts.
    public static let automaticThreshold: Int64 = 16 * 1024 * 1024
    /// S3's limit on the number of parts of one upload.
    public static let maxPartCount = 10_000

    public var description: String {
        switch self {
        case .singlePart: "single-part"
        case .multipart(let partSize): "multipart (\(partSize) byte parts)"
        case .automatic: "automatic"
        }
    }

    /// The part size to use for a file of `size` bytes, or `nil` for a single-part upload.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` for a part size ≤ 0, an empty file in
    ///   multipart mode, or more than ``maxPartCount`` parts.
    package func partSize(forFileOfSize size: Int64, name: String) throws(PixelError) -> Int? {
        switch self {
        case .singlePart:
            return nil
        case .automatic:
            guard size > Self.automaticThreshold else { return nil }
            let needed = (size + Int64(Self.maxPartCount) - 1) / Int64(Self.maxPartCount)
            return max(Self.defaultPartSize, Int(needed))
        case .multipart(let partSize):
            guard partSize > 0 else {
                throw .invalidInput("UploadMode.multipart needs a positive partSize, not \(partSize) (for \(name)).")
            }
            guard size > 0 else {
                throw .invalidInput("\(name) is empty: an empty file cannot be sent in parts; use .singlePart or .automatic.")
            }
            let parts = (size + Int64(partSize) - 1) / Int64(partSize)
            guard parts <= Int64(Self.maxPartCount) else {
                throw .invalidInput(
                    "\(name) would need \(parts) parts of \(partSize) bytes; the object store allows at most \(Self.maxPartCount). Use a larger partSize."
                )
            }
            return partSize
        }
    }
}

/// Tuning of one upload operation. The defaults suit most callers.
///
/// ```swift
/// var options = UploadOptions()
/// options.concurrency = 4                // at most 4 object-store requests of this call at once
/// options.jobTimeout = .seconds(1800)    // server-side validation of huge files takes a while
/// let result = try await client.uploadImages(project: 1, dataCollection: 2, files, options: options)
/// ```
public struct UploadOptions: Sendable, Hashable {
    /// Object-store requests (single-part POSTs, part PUTs, support files, attachments) in flight
    /// for **this** operation, and files hashed at once. `nil` uses the settings'
    /// `uploadConcurrency` (`PIXEL_UPLOAD_CONCURRENCY`, default 10). The limit is per
    /// operation, so two concurrent batches do not starve each other.
    public var concurrency: Int?
    /// Attempts per object-store request (retried on connection failures, timeouts and
    /// 500/502/503/504, never on other 4xx). `nil` uses the settings' `retryAttempts`.
    public var maxAttempts: Int?
    /// How long a single-file upload waits for server-side validation (its job).
    public var jobTimeout: Duration
    /// How long a batch waits, per chunk of up to 200 files, for the job group and the upload-job
    /// statuses to settle; after it, the files still pending fail with `timeout`.
    public var batchTimeout: Duration
    /// First delay between status polls; grows ×1.5 up to ``maxPollInterval``.
    public var pollInterval: Duration
    /// Upper bound for the delay between status polls.
    public var maxPollInterval: Duration

    public init(
        concurrency: Int? = nil, maxAttempts: Int? = nil, jobTimeout: Duration = .seconds(600), batchTimeout: Duration = .seconds(1200),
        pollInterval: Duration = .milliseconds(500), maxPollInterval: Duration = .seconds(10)
    ) {
        self.concurrency = concurrency
        self.maxAttempts = maxAttempts
        self.jobTimeout = jobTimeout
        self.batchTimeout = batchTimeout
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }
}

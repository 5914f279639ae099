public import Foundation

/// Where in the upload protocol a file failed.
public enum UploadStage: String, Sendable, Hashable, CustomStringConvertible {
    /// Reading and hashing the local file.
    case preparing
    /// Creating its upload job (or attachment) on the server.
    case creatingJob
    /// Sending its bytes (or a support file's) to the object store.
    case transferring
    /// Server-side validation: `uploadFinished`, the job, the upload-job status.
    case validating
    /// Reading back the created resource (or marking the attachment completed).
    case fetching

    public var description: String { rawValue }
}

/// A file that did not make it, and why. The batch methods return these instead of throwing, so
/// one bad file never hides the others' results (pixel-client's `PixelUploadJobError`).
///
/// ```swift
/// for failure in result.failures {
///     print("\(failure.name): \(failure.stage): \(failure.error.detail ?? failure.error.message)")
/// }
/// ```
public struct UploadFailure: Error, Sendable, CustomStringConvertible {
    /// The local file.
    public var file: URL
    /// The name the server knows it by.
    public var name: String
    public var stage: UploadStage
    /// Its upload job, when one was created.
    public var uploadJobID: UploadJobID?
    /// The upload job's final status, when validation ran (`failed`, `invalid`, …).
    public var status: UploadJobStatus?
    /// The underlying error; for validation failures its `detail` is the server's explanation.
    public var error: PixelError

    public init(
        file: URL, name: String, stage: UploadStage, uploadJobID: UploadJobID? = nil, status: UploadJobStatus? = nil, error: PixelError
    ) {
        self.file = file
        self.name = name
        self.stage = stage
        self.uploadJobID = uploadJobID
        self.status = status
        self.error = error
    }

    public var description: String {
        var text = "\(name) failed while \(stage)"
        if let uploadJobID { text += " (upload job \(uploadJobID)" + (status.map { ", status \($0)" } ?? "") + ")" }
        return text + ": \(error)"
    }
}

/// A file that was uploaded, with what the server made of it.
public struct UploadedFile<Resource: Sendable>: Sendable {
    /// The local file.
    public var file: URL
    /// The name the server knows it by.
    public var name: String
    /// Its upload job (`nil` for attachments).
    public var uploadJobID: UploadJobID?
    /// The created image, raster, point cloud or attachment.
    public var resource: Resource
}

/// The outcome of a batch: what was created and what failed, both in input order.
///
/// ```swift
/// let result = try await client.uploadImages(project: 1, dataCollection: 2, files)
/// print("\(result.created.count) uploaded, \(result.failures.count) failed")
/// let images = result.resources
/// ```
public struct UploadBatchResult<Resource: Sendable>: Sendable {
    public var created: [UploadedFile<Resource>]
    public var failures: [UploadFailure]

    public init(created: [UploadedFile<Resource>], failures: [UploadFailure]) {
        self.created = created
        self.failures = failures
    }

    /// The created resources, in input order.
    public var resources: [Resource] { created.map(\.resource) }

    /// True when no file failed.
    public var allSucceeded: Bool { failures.isEmpty }
}

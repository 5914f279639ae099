/// What an upload operation is doing, for progress bars and logs. The library itself prints
/// nothing; pass a handler (or the one from ``makeStream(bufferingPolicy:)``) as `progress:`.
///
/// Order of events for one operation:
/// 1. ``planned(files:totalBytes:)`` once: the number of files and every byte that will be sent
///    (main files plus support files) — the denominator of a progress bar;
/// 2. per file: ``prepared(file:bytes:parts:)`` after hashing, ``jobCreated(file:uploadJobID:)``,
///    many ``bytesSent(file:fileBytesSent:fileBytes:totalBytesSent:totalBytes:)``,
///    ``partCompleted(file:partNumber:partsDone:partCount:)`` for multipart uploads,
///    ``transferred(file:)``, ``jobStatusChanged(file:status:)`` while the server validates, and
///    finally ``fileSucceeded(file:)`` or ``fileFailed(file:error:)``;
/// 3. ``finished(succeeded:failed:)`` exactly once, last, even when the operation throws.
///
/// `file` is the name the server knows the file by (its base name; the attachment name for
/// attachments). Byte counters may go **down** after ``retrying(file:attempt:reason:)``: the
/// bytes of a failed attempt are taken back because they are sent again.
///
/// ```swift
/// let (events, progress) = UploadEvent.makeStream()
/// async let result = client.uploadImages(project: 1, dataCollection: 2, files, progress: progress)
/// for await event in events {
///     if case .bytesSent(_, _, _, let sent, let total) = event { bar.update(sent, of: total) }
/// }
/// let outcome = try await result
/// ```
public enum UploadEvent: Sendable, CustomStringConvertible {
    /// The operation's size: `files` files, `totalBytes` bytes to send in all.
    case planned(files: Int, totalBytes: Int64)
    /// A file was checked and hashed; `parts` is 1 for a single-part upload.
    case prepared(file: String, bytes: Int64, parts: Int)
    /// The server created the file's upload job (or, for attachments, its pending attachment).
    case jobCreated(file: String, uploadJobID: UploadJobID?)
    /// More bytes went out: the file's and the operation's running totals.
    case bytesSent(file: String, fileBytesSent: Int64, fileBytes: Int64, totalBytesSent: Int64, totalBytes: Int64)
    /// A multipart part was accepted by the object store.
    case partCompleted(file: String, partNumber: Int, partsDone: Int, partCount: Int)
    /// An object-store request failed in a retryable way and is sent again (attempt ≥ 2).
    case retrying(file: String, attempt: Int, reason: String)
    /// All bytes of the file and its support files are in the object store.
    case transferred(file: String)
    /// The server reported a new upload-job status while validating.
    case jobStatusChanged(file: String, status: UploadJobStatus)
    /// The file's resource (or attachment) exists.
    case fileSucceeded(file: String)
    /// The file failed; its siblings go on.
    case fileFailed(file: String, error: PixelError)
    /// The operation ended (always the last event).
    case finished(succeeded: Int, failed: Int)

    public var description: String {
        switch self {
        case .planned(let files, let bytes): "planned \(files) file(s), \(bytes) bytes"
        case .prepared(let file, let bytes, let parts): "\(file): prepared \(bytes) bytes in \(parts) part(s)"
        case .jobCreated(let file, let id): "\(file): upload job \(id.map(String.init(describing:)) ?? "created")"
        case .bytesSent(let file, let sent, let size, let total, let all): "\(file): \(sent)/\(size) bytes (all: \(total)/\(all))"
        case .partCompleted(let file, let number, let done, let count): "\(file): part \(number) done (\(done)/\(count))"
        case .retrying(let file, let attempt, let reason): "\(file): attempt \(attempt) after \(reason)"
        case .transferred(let file): "\(file): transferred"
        case .jobStatusChanged(let file, let status): "\(file): \(status)"
        case .fileSucceeded(let file): "\(file): done"
        case .fileFailed(let file, let error): "\(file): failed: \(error)"
        case .finished(let succeeded, let failed): "finished: \(succeeded) succeeded, \(failed) failed"
        }
    }

    /// True for ``finished(succeeded:failed:)``.
    public var isFinal: Bool {
        if case .finished = self { return true }
        return false
    }

    /// An `AsyncStream` of events plus the handler to pass as `progress:`. The stream finishes
    /// after ``finished(succeeded:failed:)``, so `for await` ends with the operation. Use one
    /// pair per operation.
    ///
    /// - Parameter bufferingPolicy: unbounded by default; `.bufferingNewest(n)` keeps memory
    ///   bounded for a slow consumer (the final event is never the one dropped).
    public static func makeStream(
        bufferingPolicy: AsyncStream<UploadEvent>.Continuation.BufferingPolicy = .unbounded
    ) -> (events: AsyncStream<UploadEvent>, handler: UploadEventHandler) {
        let (stream, continuation) = AsyncStream<UploadEvent>.makeStream(bufferingPolicy: bufferingPolicy)
        return (
            stream,
            { event in
                continuation.yield(event)
                if event.isFinal { continuation.finish() }
            }
        )
    }
}

/// Receives ``UploadEvent``s, synchronously, on whatever task produced them: keep it quick
/// (yield into a stream, update counters). Events never contain credentials or presigned URLs.
public typealias UploadEventHandler = @Sendable (UploadEvent) -> Void

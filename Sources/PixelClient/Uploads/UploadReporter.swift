import NIOConcurrencyHelpers

/// Keeps the byte and file counters of one operation and turns changes into ``UploadEvent``s.
/// The handler is always called outside the lock. Files that succeed or fail also count towards
/// ``PixelMetricName/uploadFiles``.
final class UploadReporter: Sendable {
    private struct Counters {
        var totalBytes: Int64 = 0
        var totalSent: Int64 = 0
        var fileBytes: [String: Int64] = [:]
        var fileSent: [String: Int64] = [:]
        var partsDone: [String: Int] = [:]
        var succeeded = 0
        var failed = 0
        var finished = false
    }

    private let handler: UploadEventHandler?
    private let instrumentation: PixelInstrumentation?
    private let counters = NIOLockedValueBox(Counters())

    init(_ handler: UploadEventHandler?, instrumentation: PixelInstrumentation? = nil) {
        self.handler = handler
        self.instrumentation = instrumentation
    }

    func emit(_ event: UploadEvent) {
        handler?(event)
    }

    /// Declares the work of the operation (may be called again when a later chunk is planned).
    func plan(files: [(name: String, bytes: Int64)]) {
        let total = counters.withLockedValue { counters -> Int64 in
            for file in files {
                counters.fileBytes[file.name] = file.bytes
                counters.totalBytes += file.bytes
            }
            return counters.totalBytes
        }
        emit(.planned(files: files.count, totalBytes: total))
    }

    /// `delta` more (or, after a failed attempt, fewer) bytes of `file` are on their way.
    func sent(_ delta: Int64, file: String) {
        guard handler != nil, delta != 0 else { return }
        let event = counters.withLockedValue { counters -> UploadEvent in
            counters.fileSent[file, default: 0] += delta
            counters.totalSent += delta
            return .bytesSent(
                file: file, fileBytesSent: counters.fileSent[file, default: 0], fileBytes: counters.fileBytes[file, default: 0],
                totalBytesSent: counters.totalSent, totalBytes: counters.totalBytes)
        }
        emit(event)
    }

    func partCompleted(file: String, partNumber: Int, partCount: Int) {
        guard handler != nil else { return }
        let done = counters.withLockedValue { counters -> Int in
            counters.partsDone[file, default: 0] += 1
            return counters.partsDone[file, default: 0]
        }
        emit(.partCompleted(file: file, partNumber: partNumber, partsDone: done, partCount: partCount))
    }

    func succeeded(_ file: String) {
        counters.withLockedValue { $0.succeeded += 1 }
        instrumentation?.uploadedFile(succeeded: true)
        emit(.fileSucceeded(file: file))
    }

    func failed(_ file: String, _ error: PixelError) {
        counters.withLockedValue { $0.failed += 1 }
        instrumentation?.uploadedFile(succeeded: false)
        emit(.fileFailed(file: file, error: error))
    }

    /// Emits ``UploadEvent/finished(succeeded:failed:)`` once.
    func finish() {
        let counts = counters.withLockedValue { counters -> (Int, Int)? in
            guard !counters.finished else { return nil }
            counters.finished = true
            return (counters.succeeded, counters.failed)
        }
        if let counts { emit(.finished(succeeded: counts.0, failed: counts.1)) }
    }
}

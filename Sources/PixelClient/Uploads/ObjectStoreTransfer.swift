import AsyncHTTPClient
import Logging
import NIOConcurrencyHelpers
import NIOHTTP1
import Tracing

/// Sends one presigned object-store request with the upload retry rules:
/// connection failures, timeouts and 500/502/503/504 are retried with exponential backoff and
/// full jitter; 403 becomes ``PixelError/Code/presignedURLExpired``; any other 4xx fails at once.
/// The body is rebuilt from disk for every attempt, and the progress of a failed attempt is
/// taken back.
///
/// Each request runs in a span of its own (a child of `parent`: the file's span), whose
/// attributes never include the presigned URL; the bytes of a request that succeeded count
/// towards ``PixelMetricName/uploadBytes``.
///
/// It runs inside an upload that holds a lease on `core` for its whole duration.
struct ObjectStoreTransfer: Sendable {
    let core: PixelClientCore
    let maxAttempts: Int
    let reporter: UploadReporter

    static let retryableStatuses: Set<Int> = [500, 502, 503, 504]

    /// A presigned POST of `file` with the form `fields` (single-part uploads, support files, attachments).
    func post(
        url: String, fields: [String: String], file: FileSlice, label: String, parent: ServiceContext? = nil
    ) async throws(PixelError) {
        let form = PresignedPostForm(fields: fields)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: form.contentType)
        try await send(.POST, url: url, headers: headers, file: file, label: label, partNumber: nil, parent: parent) { onBytes in
            form.body(file: file, onFileBytes: onBytes)
        }
    }

    /// A presigned part PUT with exactly the server's `headers` (plus Content-Length).
    func put(
        url: String, headers serverHeaders: [String: String], file: FileSlice, label: String, partNumber: Int,
        parent: ServiceContext? = nil
    ) async throws(PixelError) {
        var headers = HTTPHeaders()
        for (name, value) in serverHeaders.sorted(by: { $0.key < $1.key }) { headers.add(name: name, value: value) }
        try await send(.PUT, url: url, headers: headers, file: file, label: label, partNumber: partNumber, parent: parent) { onBytes in
            UploadBodyChunks(head: nil, file: file, tail: nil, onFileBytes: onBytes)
        }
    }

    private func send(
        _ method: HTTPMethod, url: String, headers: HTTPHeaders, file: FileSlice, label: String, partNumber: Int?,
        parent: ServiceContext?, body: @escaping @Sendable (_ onBytes: @escaping @Sendable (Int) -> Void) -> UploadBodyChunks
    ) async throws(PixelError) {
        let instrumentation = core.instrumentation
        let name = partNumber == nil ? "upload post" : "upload part"
        try await instrumentation.withSpan(name, context: parent) { span async throws(PixelError) in
            span.attributes["http.request.method"] = method.rawValue
            span.attributes["pixel.upload.file"] = label
            span.attributes["pixel.upload.bytes"] = file.length
            if let partNumber { span.attributes["pixel.upload.part_number"] = partNumber }
            var retries = 0
            defer { span.attributes["pixel.retry_count"] = retries }
            try await sendAttempts(method, url: url, headers: headers, label: label, retries: &retries, body: body)
        }
        instrumentation.uploadedBytes(file.length)
    }

    private func sendAttempts(
        _ method: HTTPMethod, url: String, headers: HTTPHeaders, label: String, retries: inout Int,
        body: @escaping @Sendable (_ onBytes: @escaping @Sendable (Int) -> Void) -> UploadBodyChunks
    ) async throws(PixelError) {
        let policy = core.retryPolicy
        var attempt = 0
        while true {
            attempt += 1
            let reporter = self.reporter
            let attemptProgress = AttemptProgress()
            do throws(PixelError) {
                _ = try await core.objectStore.send(method: method, url: url, headers: headers) {
                    body { bytes in
                        if attemptProgress.add(bytes) { reporter.sent(Int64(bytes), file: label) }
                    }.httpBody
                }
                return
            } catch {
                if error.code == .cancelled || Task.isCancelled { throw .cancelled() }
                if error.status == 403 { throw Self.expired(error, label: label) }
                let retryable =
                    error.isConnectionFailure || error.code == .timeout
                    || (error.code == .httpStatus && Self.retryableStatuses.contains(error.status ?? 0))
                guard retryable, attempt < maxAttempts else {
                    throw Self.describe(error, label: label, attempts: attempt)
                }
                reporter.sent(-Int64(attemptProgress.close()), file: label)
                retries += 1
                core.instrumentation.retried(
                    method: method.rawValue, template: "object-store", reason: error.status == nil ? "connection" : "status")
                let reason = error.status.map { "status \($0)" } ?? error.code.description
                core.logger.debug("object-store retry", metadata: ["file": "\(label)", "attempt": "\(attempt + 1)", "reason": "\(reason)"])
                core.hooks.eventHandler?(.requestRetried(method: method.rawValue, url: error.url ?? "", attempt: attempt + 1, reason: reason))
                reporter.emit(.retrying(file: label, attempt: attempt + 1, reason: reason))
                do {
                    try await Task.sleep(for: policy.delay(afterAttempt: attempt, retryAfter: nil))
                } catch {
                    throw .cancelled()
                }
            }
        }
    }

    static func expired(_ error: PixelError, label: String) -> PixelError {
        var expired = error
        expired.code = .presignedURLExpired
        expired.message =
            "The object store refused the presigned URL for \(label) (403): it has most likely expired. "
            + "Presigned URLs cannot be renewed; upload the file again."
        return expired
    }

    static func describe(_ error: PixelError, label: String, attempts: Int) -> PixelError {
        var described = error
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        described.message = "Sending \(label) to the object store failed\(tries): \(error.message)"
        return described
    }
}

/// Bytes handed to the HTTP client during one attempt. The HTTP client may still pull body
/// chunks after a response (an early 503) ended the attempt; once closed, those are ignored, so
/// taking back ``close()``'s count leaves the progress totals exact.
final class AttemptProgress: Sendable {
    private let state = NIOLockedValueBox<(sent: Int, closed: Bool)>((0, false))

    /// Counts `amount`; false (do not report it) once the attempt is closed.
    func add(_ amount: Int) -> Bool {
        state.withLockedValue { state in
            guard !state.closed else { return false }
            state.sent += amount
            return true
        }
    }

    /// Ends the attempt and returns the bytes counted for it.
    func close() -> Int {
        state.withLockedValue { state in
            state.closed = true
            return state.sent
        }
    }
}

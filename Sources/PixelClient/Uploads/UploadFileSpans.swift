import NIOConcurrencyHelpers
import Tracing

/// The span of each file while its bytes go to the object store: started with the transfers,
/// ended when the file's last request finishes or the file fails. The file's part and
/// support-file requests are its children.
final class UploadFileSpans: Sendable {
    private let open: NIOLockedValueBox<[Int: any Span]>

    /// Starts one span per upload (keyed by its position in `uploads`) as children of the task's
    /// current span.
    init(tracer: any Tracer, uploads: [CreatedUpload]) {
        let parent = ServiceContext.current ?? .topLevel
        var spans: [Int: any Span] = [:]
        for (slot, upload) in uploads.enumerated() {
            let span = tracer.startSpan("upload file", context: parent, ofKind: .client)
            span.attributes["pixel.upload.file"] = upload.name
            span.attributes["pixel.upload.bytes"] = (upload.main + upload.support).reduce(Int64(0)) { $0 + $1.slice.length }
            span.attributes["pixel.upload.requests"] = upload.main.count + upload.support.count
            spans[slot] = span
        }
        open = NIOLockedValueBox(spans)
    }

    /// The context of `slot`'s span, to start its requests' spans in; `nil` once it ended.
    func context(slot: Int) -> ServiceContext? {
        open.withLockedValue { $0[slot]?.context }
    }

    /// Ends `slot`'s span, recording `error` when the file failed. Later calls do nothing.
    func end(slot: Int, error: PixelError? = nil) {
        guard let span = open.withLockedValue({ $0.removeValue(forKey: slot) }) else { return }
        if let error {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
        }
        span.end()
    }

    /// Ends every span still open (the operation stopped early).
    func endAll() {
        let spans = open.withLockedValue { open -> [any Span] in
            defer { open.removeAll() }
            return Array(open.values)
        }
        for span in spans { span.end() }
    }
}

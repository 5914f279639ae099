import NIOCore

/// Holds back a streamed request body until the HTTP client's event loops have run everything
/// queued so far — the backpressure AsyncHTTPClient's async body stream does not give by itself.
///
/// `HTTPClientRequest.Body.stream` hands every chunk to the connection's event loop with
/// `execute` and asks the sequence for the next chunk at once. It pauses the stream only when the
/// event loop has *written* enough to make the channel unwritable, so a producer that reads from
/// disk faster than the loop drains its queue keeps queueing chunks. Measured on the 64 MiB
/// upload with 10 parts in flight (debug build), client alone against an emulator in another
/// process: up to 18 MiB of live queued chunks, 7–19 MiB of resident growth, and up to 38 MiB
/// in-process once the allocator's fragmentation of those chunks was added; with this pacing,
/// 0–2 MiB. A release build queues less (5 MiB for 1 GiB unpaced, 1–2 MiB paced).
///
/// Awaiting a no-op on every loop before producing the next chunk guarantees (event loops run
/// their tasks in order) that every earlier chunk has reached its channel, so the channel's
/// writability — and with it AHC's pause — bounds the buffering per stream to about the 64 KiB
/// write watermark plus two chunks, however many streams run and however busy the loops are.
struct EventLoopPacer: Sendable {
    let loops: [any EventLoop]

    init(group: any EventLoopGroup) {
        loops = Array(group.makeIterator())
    }

    /// The loops of ``HTTPTransport``'s pools (``HTTPTransport/eventLoopGroup``).
    static let httpClient = EventLoopPacer(group: HTTPTransport.eventLoopGroup)

    /// Returns once every loop has run the work queued on it before this call.
    func awaitQueuedWork() async {
        let markers = loops.map { $0.submit {} }
        for marker in markers {
            // A loop that is shutting down has nothing left to write for us: carry on.
            try? await marker.get()
        }
    }
}

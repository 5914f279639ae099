import Foundation
import PixelClient

/// Shows an upload's ``UploadEvent``s: on a terminal a live bar (bytes, rate, ETA, files done)
/// with one permanent line per finished file above it; otherwise plain lines (the plan, one line
/// per finished file, a summary) that read well in logs and CI.
///
/// ```swift
/// let result = try await UploadProgress.show(on: .standardError) { progress in
///     try await client.uploadImages(project: 1, dataCollection: 2, files, progress: progress)
/// }
/// ```
enum UploadProgress {
    /// Runs `upload` with a progress handler and renders its events until it ends (also when it
    /// throws or is cancelled: the stream is finished here, not by the library's last event).
    static func show<T: Sendable>(
        on console: Console, live: Bool? = nil, _ upload: (@escaping UploadEventHandler) async throws -> T
    ) async throws -> T {
        let (events, continuation) = AsyncStream<UploadEvent>.makeStream()
        let renderer = Renderer(console: console, live: live ?? console.isTerminal)
        async let rendering: Void = renderer.render(events)
        do {
            let result = try await upload { continuation.yield($0) }
            continuation.finish()
            await rendering
            return result
        } catch {
            continuation.finish()
            await rendering
            throw error
        }
    }

    /// The display state; owned by the one task that renders.
    struct Renderer: Sendable {
        let console: Console
        let live: Bool

        func render(_ events: AsyncStream<UploadEvent>) async {
            var state = State(start: ContinuousClock.now)
            var lastDraw = ContinuousClock.now - .seconds(1)
            for await event in events {
                switch event {
                case .planned(let files, let totalBytes):
                    state.files += files
                    state.totalBytes = totalBytes
                    if !live { console.line("Uploading \(state.files) file\(state.files == 1 ? "" : "s") (\(ByteFormatting.bytes(totalBytes)))") }
                case .bytesSent(_, _, _, let sent, let total):
                    state.sentBytes = sent
                    state.totalBytes = total
                case .retrying(let file, let attempt, let reason):
                    emit("  ↻ \(file): attempt \(attempt) after \(reason)", state: state)
                case .fileSucceeded(let file):
                    state.succeeded += 1
                    emit("  ✓ \(file)", state: state)
                case .fileFailed(let file, let error):
                    state.failed += 1
                    emit("  ✗ \(file): \(error.message)", state: state)
                case .finished:
                    state.finished = true
                default:
                    break
                }
                if live, ContinuousClock.now - lastDraw > .milliseconds(80) {
                    console.write("\r\u{1B}[2K" + state.bar)
                    lastDraw = ContinuousClock.now
                }
            }
            if live { console.write("\r\u{1B}[2K") }
            // Nothing planned means the upload was refused up front; its error says why.
            if state.files > 0 { console.line(state.summary) }
        }

        /// A permanent line: on a terminal it replaces the bar, which is redrawn below it.
        private func emit(_ line: String, state: State) {
            if live {
                console.write("\r\u{1B}[2K" + line + "\n" + state.bar)
            } else {
                console.line(line)
            }
        }
    }

    struct State {
        var start: ContinuousClock.Instant
        var files = 0
        var totalBytes: Int64 = 0
        var sentBytes: Int64 = 0
        var succeeded = 0
        var failed = 0
        var finished = false

        var elapsed: Double { ByteFormatting.seconds(ContinuousClock.now - start) }

        /// `[██████████··········]  52%  6.2 MB/12.0 MB  3.1 MB/s  ETA 0:02  files 1/3`
        var bar: String {
            let fraction = totalBytes > 0 ? min(1, Double(sentBytes) / Double(totalBytes)) : 0
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            let rate = elapsed > 0 ? Double(sentBytes) / elapsed : 0
            let eta = rate > 0 ? Double(totalBytes - sentBytes) / rate : .infinity
            return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
                + "\(Int(fraction * 100))%".leftPadded(to: 4)
                + "  \(ByteFormatting.bytes(sentBytes))/\(ByteFormatting.bytes(totalBytes))"
                + "  \(ByteFormatting.rate(bytes: sentBytes, seconds: elapsed))  ETA \(ByteFormatting.clock(eta))"
                + "  files \(succeeded + failed)/\(files)"
        }

        var summary: String {
            let seconds = ByteFormatting.oneDecimal(elapsed)
            let head = "Uploaded \(succeeded) of \(files) file\(files == 1 ? "" : "s")"
            let tail = failed > 0 ? ", \(failed) failed" : ""
            return "\(head)\(tail) (\(ByteFormatting.bytes(sentBytes)) in \(seconds) s)" + (finished ? "." : "; stopped.")
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore

/// A byte range of a local file.
struct FileSlice: Sendable, Hashable {
    var url: URL
    var offset: Int64
    var length: Int64
}

/// An upload body streamed from disk: an optional in-memory head, the bytes of a ``FileSlice``
/// read chunk by chunk off the cooperative pool (``FileByteChunks``), and an optional tail.
/// `onFileBytes` sees the size of every file chunk as it is handed to the HTTP client (progress).
///
/// Every file chunk after the first waits for ``EventLoopPacer`` first, so chunks are read only
/// as fast as the event loops write them: memory stays at a few chunks per stream.
struct UploadBodyChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let head: ByteBuffer?
    let file: FileSlice
    let tail: ByteBuffer?
    let onFileBytes: @Sendable (Int) -> Void
    var pacer: EventLoopPacer = .httpClient

    /// Bytes read from disk per chunk: NIO's own read size. With the pacing a stream holds about
    /// two chunks plus the 64 KiB write watermark, so 10 parts in flight buffer ~3 MiB; halving
    /// the chunk would double the per-chunk costs (1 GiB: 228k mallocs at 128 KiB, 408k at 64 KiB).
    static let chunkSize = 128 * 1024

    /// Head + file + tail.
    var length: Int64 { Int64(head?.readableBytes ?? 0) + file.length + Int64(tail?.readableBytes ?? 0) }

    /// The HTTP body with its exact Content-Length.
    var httpBody: HTTPClientRequest.Body { .stream(self, length: .known(length)) }

    func makeAsyncIterator() -> Iterator {
        Iterator(
            head: head, tail: tail, onFileBytes: onFileBytes, pacer: pacer,
            file: FileByteChunks(path: file.url.filePath, offset: UInt64(file.offset), length: UInt64(file.length), chunkSize: Self.chunkSize)
                .makeAsyncIterator())
    }

    struct Iterator: AsyncIteratorProtocol {
        var head: ByteBuffer?
        var tail: ByteBuffer?
        let onFileBytes: @Sendable (Int) -> Void
        let pacer: EventLoopPacer
        var file: FileByteChunks.Iterator?
        var fileChunksProduced = 0

        mutating func next() async throws -> ByteBuffer? {
            if let buffer = head {
                head = nil
                return buffer
            }
            if var iterator = file {
                if fileChunksProduced > 0 { await pacer.awaitQueuedWork() }
                if let chunk = try await iterator.next() {
                    fileChunksProduced += 1
                    file = iterator
                    onFileBytes(chunk.readableBytes)
                    return chunk
                }
                file = nil
            }
            if let buffer = tail {
                tail = nil
                return buffer
            }
            return nil
        }
    }
}

/// `multipart/form-data` for a presigned POST: every form field as a plain text part,
/// then the file part `file` with `filename="upload"` and `application/octet-stream`, streamed.
struct PresignedPostForm: Sendable {
    let boundary: String
    let fields: [(name: String, value: String)]

    /// Fields in name order (the server sends an object, whose order carries no meaning; S3 only
    /// needs every field before `file`).
    init(fields: [String: String], boundary: String = "pixel-" + UUID().uuidString.lowercased()) {
        self.boundary = boundary
        self.fields = fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    func body(file: FileSlice, onFileBytes: @escaping @Sendable (Int) -> Void) -> UploadBodyChunks {
        var head = ""
        for (name, value) in fields {
            head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n\(value)\r\n"
        }
        head += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"\r\n"
        head += "Content-Type: application/octet-stream\r\n\r\n"
        let tail = "\r\n--\(boundary)--\r\n"
        return UploadBodyChunks(head: ByteBuffer(string: head), file: file, tail: ByteBuffer(string: tail), onFileBytes: onFileBytes)
    }

    /// Form-data names escape `"`, CR and LF (WHATWG encoding).
    static func quoted(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}

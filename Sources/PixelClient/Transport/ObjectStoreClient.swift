import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOFoundationCompat
import NIOPosix

/// Requests to presigned object-store URLs, for the uploads layer.
///
/// Different from API calls on purpose: **no** `Authorization` header (the URL is the
/// credential), `uploadTimeout` instead of `apiTimeout`, no 401 handling, the URL's signed query
/// never appears in errors or logs, and bodies are streamed (`makeBody` is called once per
/// attempt, so a retry re-opens the file instead of replaying consumed bytes).
///
/// ```swift
/// let response = try await core.objectStore.send(
///     method: .PUT, url: part.url, headers: ["Content-MD5": md5],
///     makeBody: { .stream(FileByteChunks(path: path, offset: 0, length: size), length: .known(size)) })
/// ```
package struct ObjectStoreClient: Sendable {
    let transport: HTTPTransport
    let logger: Logger

    /// Sends one request and returns a 2xx response; anything else is a ``PixelError``
    /// (`httpStatus` with the server's text as `detail`). Not retried here: the caller owns the
    /// retry policy (§6.5) because only it knows whether the body can be produced again.
    package func send(
        method: HTTPMethod, url: String, headers: HTTPHeaders = [:], makeBody: @Sendable () throws -> HTTPClientRequest.Body?
    ) async throws(PixelError) -> TransportResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers = headers
        request.headers.remove(name: "Authorization")
        request.headers.replaceOrAdd(name: "User-Agent", value: PixelUserAgent.value)
        let requestID = headers.first(name: "X-Request-ID") ?? UUID().uuidString.lowercased()
        request.headers.replaceOrAdd(name: "X-Request-ID", value: requestID)
        do {
            request.body = try makeBody()
        } catch {
            throw .invalidInput("The upload body could not be prepared: \(error)")
        }
        let safeURL = URLRedaction.withoutQuery(url)
        logger.debug("→ \(method.rawValue) \(safeURL) (object store)", metadata: ["request_id": "\(requestID)"])
        let response = try await transport.execute(request, kind: .objectStore, carriesCredentials: false, logger: logger)
        logger.debug("← \(response.status) \(method.rawValue) \(safeURL) (object store)", metadata: ["request_id": "\(requestID)"])
        guard (200..<300).contains(response.status) else {
            throw PixelError(
                code: .httpStatus, message: "The object store answered \(response.status).", method: method.rawValue, url: safeURL,
                status: response.status, requestID: requestID, detail: PixelClientCore.serverDetail(response.body))
        }
        return response
    }
}

extension PixelClientCore {
    /// The object-store side of this core (same pool, no auth, upload timeout).
    package var objectStore: ObjectStoreClient { ObjectStoreClient(transport: transport, logger: logger) }
}

/// The bytes `offset ..< offset + length` of a file as an `AsyncSequence` of buffers, read with
/// NIO's `NonBlockingFileIO` (positional reads on the blocking-I/O thread pool, straight into a
/// `ByteBuffer`: one allocation and one `pread` per chunk) — memory stays at one chunk however
/// large the file is. A request body should also pace its chunks to the event loops
/// (``EventLoopPacer``, as the uploads' body does), or AsyncHTTPClient queues them faster than
/// it writes them.
package struct FileByteChunks: AsyncSequence, Sendable {
    package typealias Element = ByteBuffer
    let path: String
    let offset: UInt64
    let length: UInt64
    let chunkSize: Int

    package init(path: String, offset: UInt64 = 0, length: UInt64, chunkSize: Int = 256 * 1024) {
        self.path = path
        self.offset = offset
        self.length = length
        self.chunkSize = Swift.max(1, chunkSize)
    }

    package func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    package struct Iterator: AsyncIteratorProtocol {
        let source: FileByteChunks
        var handle: FileHandleBox?
        var position: UInt64
        var remaining: UInt64

        init(source: FileByteChunks) {
            self.source = source
            self.position = source.offset
            self.remaining = source.length
        }

        package mutating func next() async throws -> ByteBuffer? {
            guard remaining > 0 else {
                handle = nil
                return nil
            }
            let box: FileHandleBox
            if let handle { box = handle } else {
                let path = source.path
                box = try await NIOThreadPool.singleton.runIfActive { FileHandleBox(try NIOFileHandle(_deprecatedPath: path)) }
                handle = box
            }
            let count = Int(Swift.min(UInt64(source.chunkSize), remaining))
            let chunk = try await FileHandleBox.fileIO.read(
                fileHandle: box.file, fromOffset: Int64(position), byteCount: count, allocator: FileHandleBox.allocator)
            guard chunk.readableBytes > 0 else {
                throw PixelError.invalidInput("\(source.path) is shorter than expected (file changed during upload?).")
            }
            position += UInt64(chunk.readableBytes)
            remaining -= UInt64(chunk.readableBytes)
            return chunk
        }
    }
}

/// Owns an open file; closes it when the last reference goes away (an abandoned body included).
// @unchecked: NIOFileHandle is not Sendable; the box is used by one iterator at a time and reads are positional.
package final class FileHandleBox: @unchecked Sendable {
    static let fileIO = NonBlockingFileIO(threadPool: .singleton)
    static let allocator = ByteBufferAllocator()
    let file: NIOFileHandle
    init(_ file: NIOFileHandle) { self.file = file }
    deinit { try? file.close() }
}

package import NIOCore
import NIOPosix

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
            if let handle {
                box = handle
            } else {
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

import Crypto
import NIOCore
import NIOPosix

/// Writes one incoming object to disk chunk by chunk while hashing it, so nothing ever holds the
/// whole object. Call ``finish()`` or ``abandon()`` exactly once.
struct ObjectWriter {
    /// Thrown by ``write(_:)`` when the object grows past its limit.
    struct TooLarge: Error {}

    private let files: ObjectFiles
    private let handle: NIOFileHandle
    private let limit: Int?
    private var hasher = Insecure.MD5()
    private(set) var size = 0

    /// Creates (or truncates) the file at `path`; `limit` caps the object's size.
    init(path: String, files: ObjectFiles, limit: Int? = nil) async throws {
        self.files = files
        self.limit = limit
        self.handle = try await files.openForWriting(path)
    }

    mutating func write(_ chunk: ByteBuffer) async throws {
        size += chunk.readableBytes
        if let limit, size > limit { throw TooLarge() }
        chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        try await files.write(chunk, to: handle)
    }

    /// Closes the file and returns what arrived.
    func finish() async -> ReceivedObject {
        await files.close(handle)
        return ReceivedObject(md5: MD5Digest.base64(hasher.finalize()), size: size)
    }

    /// Closes the file without a result (the caller removes it).
    func abandon() async {
        await files.close(handle)
    }
}

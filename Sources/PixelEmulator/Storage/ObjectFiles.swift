import Crypto
import NIOCore
import NIOPosix

/// Disk I/O for stored objects, on NIO's blocking-I/O thread pool so request handlers never block a
/// Swift-concurrency thread. Everything streams in bounded chunks.
struct ObjectFiles: Sendable {
    static let chunkSize = 1 << 20
    private let threadPool: NIOThreadPool
    private let fileIO: NonBlockingFileIO

    init(threadPool: NIOThreadPool = .singleton) {
        self.threadPool = threadPool
        self.fileIO = NonBlockingFileIO(threadPool: threadPool)
    }

    func openForWriting(_ path: String) async throws -> NIOFileHandle {
        try await threadPool.runIfActive {
            try NIOFileHandle(_deprecatedPath: path, mode: .write, flags: .allowFileCreation(posixMode: 0o600))
        }
    }

    func openForReading(_ path: String) async throws -> NIOFileHandle {
        try await threadPool.runIfActive { try NIOFileHandle(_deprecatedPath: path, mode: .read) }
    }

    func write(_ buffer: ByteBuffer, to handle: NIOFileHandle) async throws {
        try await fileIO.write(fileHandle: handle, buffer: buffer)
    }

    func close(_ handle: NIOFileHandle) async {
        _ = try? await threadPool.runIfActive { try handle.close() }
    }

    func rename(_ from: String, to: String) async throws {
        try await fileIO.rename(path: from, newName: to)
    }

    func remove(_ path: String) async {
        _ = try? await fileIO.remove(path: path)
    }

    func createDirectory(_ path: String) async throws {
        try await fileIO.createDirectory(path: path, withIntermediateDirectories: true, mode: 0o700)
    }

    /// Removes a directory and everything in it.
    func removeTree(_ path: String) async {
        guard let entries = try? await fileIO.listDirectory(path: path) else {
            await remove(path)
            return
        }
        for entry in entries where entry.name != "." && entry.name != ".." {
            let child = path + "/" + entry.name
            if entry.type == 4 /* DT_DIR */ { await removeTree(child) } else { await remove(child) }
        }
        await remove(path)
    }

    /// Base64 MD5 and size of a file on disk.
    func md5(ofFileAt path: String) async throws -> (md5: String, size: Int) {
        var hasher = Insecure.MD5()
        var size = 0
        let handle = try await openForReading(path)
        do {
            while true {
                let chunk = try await fileIO.read(fileHandle: handle, fromOffset: Int64(size), byteCount: Self.chunkSize, allocator: .init())
                if chunk.readableBytes == 0 { break }
                chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                size += chunk.readableBytes
            }
        } catch {
            await close(handle)
            throw error
        }
        await close(handle)
        return (MD5Digest.base64(hasher.finalize()), size)
    }

    /// Concatenates `parts` into `destination`, returning the MD5 and size of the result.
    func concatenate(_ parts: [String], into destination: String) async throws -> (md5: String, size: Int) {
        var hasher = Insecure.MD5()
        var size = 0
        let output = try await openForWriting(destination)
        do {
            for part in parts {
                let input = try await openForReading(part)
                do {
                    var offset: Int64 = 0
                    while true {
                        let chunk = try await fileIO.read(fileHandle: input, fromOffset: offset, byteCount: Self.chunkSize, allocator: .init())
                        if chunk.readableBytes == 0 { break }
                        chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                        try await write(chunk, to: output)
                        offset += Int64(chunk.readableBytes)
                        size += chunk.readableBytes
                    }
                } catch {
                    await close(input)
                    throw error
                }
                await close(input)
            }
        } catch {
            await close(output)
            throw error
        }
        await close(output)
        return (MD5Digest.base64(hasher.finalize()), size)
    }
}

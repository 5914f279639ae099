import Crypto
import Foundation
import NIOPosix
import Synchronization

/// Local file checks and MD5 hashing, always on NIO's blocking-I/O thread pool — never on the
/// two cooperative threads — reading 1 MiB at a time, so a 1 GiB file costs 1 MiB of memory.
/// Cancelling the calling task stops a long hash between two reads.
enum FileDigest {
    static let readSize = 1024 * 1024

    /// Base64 of the raw 16-byte MD5 (not hex), as the API wants it.
    static func base64(_ digest: Insecure.MD5.Digest) -> String { Data(digest).base64EncodedString() }

    /// The size of a regular file, or an ``PixelError/Code/invalidInput`` error naming `role` and the path.
    static func sizes(of urls: [(String, URL)]) async throws(PixelError) -> [Int64] {
        do {
            return try await NIOThreadPool.singleton.runIfActive { () throws(PixelError) -> [Int64] in
                var sizes: [Int64] = []
                sizes.reserveCapacity(urls.count)
                for (role, url) in urls {
                    let path = url.filePath
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                        throw .invalidInput("\(role) \(path) does not exist.")
                    }
                    guard !isDirectory.boolValue else { throw .invalidInput("\(role) \(path) is a directory, not a file.") }
                    guard FileManager.default.isReadableFile(atPath: path) else { throw .invalidInput("\(role) \(path) is not readable.") }
                    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                    guard let size = (attributes?[.size] as? NSNumber)?.int64Value else {
                        throw .invalidInput("The size of \(role) \(path) could not be read.")
                    }
                    sizes.append(size)
                }
                return sizes
            }
        } catch {
            throw PixelError.wrapping(error)
        }
    }

    /// The base64 MD5 of every `partSize` slice of the file (one slice of the whole file when
    /// `partSize` is `nil`), in one sequential pass. Checks that the file still has `size` bytes.
    static func digests(of url: URL, size: Int64, partSize: Int?) async throws(PixelError) -> [(md5: String, length: Int64)] {
        let stop = StopFlag()
        let path = url.filePath
        do {
            return try await withTaskCancellationHandler {
                try await NIOThreadPool.singleton.runIfActive {
                    try FileDigest.hash(path: path, size: size, partSize: partSize.map(Int64.init) ?? max(size, 1), stop: stop)
                }
            } onCancel: {
                stop.raise()
            }
        } catch let error as PixelError {
            throw error
        } catch is CancellationError {
            throw .cancelled()
        } catch {
            throw .invalidInput("\(path) could not be read: \(error)")
        }
    }

    private static func hash(path: String, size: Int64, partSize: Int64, stop: StopFlag) throws -> [(md5: String, length: Int64)] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var results: [(md5: String, length: Int64)] = []
        var hasher = Insecure.MD5()
        var inPart: Int64 = 0
        var total: Int64 = 0
        while total < size {
            if stop.isRaised { throw CancellationError() }
            let want = Int(min(Int64(readSize), partSize - inPart, size - total))
            guard let data = try handle.read(upToCount: want), !data.isEmpty else {
                throw PixelError.invalidInput("\(path) is shorter than its size of \(size) bytes (did it change while uploading?).")
            }
            hasher.update(data: data)
            inPart += Int64(data.count)
            total += Int64(data.count)
            if inPart == partSize {
                results.append((base64(hasher.finalize()), inPart))
                hasher = Insecure.MD5()
                inPart = 0
            }
        }
        if inPart > 0 || results.isEmpty {
            results.append((base64(hasher.finalize()), inPart))
        }
        return results
    }
}

/// Set from a cancellation handler, read by a hashing loop on another thread.
final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}

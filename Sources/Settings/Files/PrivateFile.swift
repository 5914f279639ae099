#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only their owner can read, complete on disk before they are linked or renamed into
/// place: the fingerprint key here, session files in the client.
package enum PrivateFile {
    /// Creates `path`, which must not exist (`O_CREAT|O_EXCL`, no symlink followed), with mode
    /// exactly 0600, writes `contents` and flushes them to disk.
    ///
    /// - Returns: what failed (`write: No space left on device`), or `nil`; after a failure the
    ///   file is gone.
    package static func writeNew(_ contents: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "creating a temporary file: \(POSIX.Errno(code: errno).text)" }
        var failure: String?
        // The umask can only remove bits; fchmod makes the mode exactly 0600.
        if fchmod(descriptor, 0o600) != 0 { failure = "chmod: \(POSIX.Errno(code: errno).text)" }
        var written = 0
        while failure == nil, written < contents.count {
            let count = contents.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, contents.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = "write: \(POSIX.Errno(code: errno).text)"
            } else {
                written += count
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "fsync: \(POSIX.Errno(code: errno).text)" }
        if close(descriptor) != 0, failure == nil { failure = "close: \(POSIX.Errno(code: errno).text)" }
        if failure != nil { unlink(path) }
        return failure
    }

    /// Makes a new name in `directory` durable; best effort (some file systems refuse `fsync` on
    /// directories).
    package static func syncDirectory(_ directory: String) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the few POSIX calls the file stamps need, so the platform differences
/// (`st_mtim` vs `st_mtimespec`, `dev_t` widths) live in one place.
package enum POSIX {
    /// The result of `stat()`/`fstat()`.
    package enum StatResult: Sendable, Hashable {
        case present(FileMetadata)
        /// `ENOENT` or `ENOTDIR`: nothing exists at the path (a dangling symlink counts as absent).
        case absent
        case failed(errno: Int32)
    }

    /// `stat()` on `path`, following symlinks.
    static func status(path: String) -> StatResult {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .absent : .failed(errno: code)
        }
        return .present(FileMetadata(info))
    }

    /// `fstat()` on an open descriptor.
    static func status(descriptor: Int32) -> StatResult {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(errno: errno) }
        return .present(FileMetadata(info))
    }

    /// Wall-clock time in nanoseconds since 1970, the clock file timestamps use.
    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// A monotonic clock at scheduler-tick resolution, read without a syscall (for time bounds
    /// on the hot path, where a few milliseconds of slack do not matter).
    static func coarseMonotonicNanoseconds() -> Int64 {
        var now = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_MONOTONIC_COARSE, &now)
        #else
        clock_gettime(CLOCK_MONOTONIC, &now)
        #endif
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Opens `path` read-only. `O_NONBLOCK` keeps a FIFO swapped in after our `stat()` from
    /// blocking the caller; the caller checks that the descriptor is a regular file.
    static func openForReading(path: String) -> Result<Int32, Errno> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        return descriptor >= 0 ? .success(descriptor) : .failure(Errno(code: errno))
    }

    /// Reads from `descriptor` until end of file (`expectedSize`: the size `stat()` reported).
    /// Returns `nil` when more than `limit` bytes arrive.
    static func readAll(descriptor: Int32, expectedSize: Int, limit: Int) -> Result<[UInt8]?, Errno> {
        var bytes = [UInt8](repeating: 0, count: max(expectedSize, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                if filled > limit { return .success(nil) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, filled)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                // Force unwrap avoided: the buffer is never empty here (count > filled).
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            if count == 0 { break }
            filled += count
            // A read of a regular file comes up short only at its end: having asked for more and
            // got exactly the size `stat()` reported, this is all of it, and the read that would
            // return 0 is saved. (Growth since then shows in the metadata the callers compare after
            // reading; a file whose size is understated, as in procfs, never matches here.)
            if filled == expectedSize, filled < bytes.count { break }
        }
        if filled > limit { return .success(nil) }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// `readlink()`, or `nil` when `path` is not a symlink.
    static func readLink(_ path: String) -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 4097) { storage -> String? in
            guard let base = storage.baseAddress else { return nil }
            let length = readlink(path, base, 4096)
            guard length > 0 else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: base, count: length), as: UTF8.self)
        }
    }

    /// `realpath()`, or `nil` when the path cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An `errno` value with a readable text.
    package struct Errno: Error, Sendable, Hashable {
        var code: Int32
        var text: String { String(cString: strerror(code)) }
    }

}

extension FileMetadata {
    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
        #else
        let modified = info.st_mtim
        let changed = info.st_ctim
        #endif
        self.init(
            device: UInt64(truncatingIfNeeded: info.st_dev),
            inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(info.st_size),
            modificationTimeNanoseconds: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            statusChangeTimeNanoseconds: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec),
            isRegularFile: UInt32(info.st_mode) & 0o170000 == 0o100000
        )
    }
}

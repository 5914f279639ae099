import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileStamp {
    /// Reads a settings file and stamps it consistently.
    ///
    /// The file is `stat()`ed before opening (so a directory, FIFO or device is not opened unless
    /// it is swapped in after that `stat()`), `fstat()`ed after reading, and `stat()`ed by path
    /// again after reading; if any of these disagree (someone wrote or renamed the file meanwhile)
    /// the read is retried, up to 5 times. If it never settles, the last read is returned with a
    /// stamp that re-hashes the content on every check, so nothing is missed.
    ///
    /// A path where nothing exists (including a dangling symlink) is not an error: the snapshot
    /// has `contents == nil` and a stamp that reports a change once the file appears.
    ///
    /// ```swift
    /// let snapshot = try FileStamp.read(path: "pixel.yaml")
    /// print(snapshot.stamp.symlinkChain) // ["pixel.yaml", "/srv/app/pixel.yaml"]
    /// ```
    ///
    /// - Parameters:
    ///   - path: The file's path; relative paths are relative to the working directory.
    ///   - maxBytes: Larger files are rejected with ``FileReadError/Reason/tooLarge(limit:)``.
    /// - Throws: ``FileReadError`` when the file exists but is not a regular file, is too large, or
    ///   cannot be opened or read (`EACCES`, `ELOOP`, `EIO`, …).
    public static func read(path: String, maxBytes: Int = 16 << 20) throws(FileReadError) -> FileSnapshot {
        let attempts = 5
        for attempt in 1...attempts {
            switch try readOnce(path: path, maxBytes: maxBytes, lastAttempt: attempt == attempts) {
            case .settled(let snapshot): return snapshot
            case .retry: continue
            }
        }
        // Unreachable: the last attempt always settles.
        return absentSnapshot(path: path)
    }

    private enum Attempt {
        case settled(FileSnapshot)
        case retry
    }

    private static func readOnce(path: String, maxBytes: Int, lastAttempt: Bool) throws(FileReadError) -> Attempt {
        let before: FileMetadata
        switch POSIX.status(path: path) {
        case .absent: return .settled(absentSnapshot(path: path))
        case .failed(let code): throw systemError(path, code)
        case .present(let metadata): before = metadata
        }
        guard before.isRegularFile else { throw FileReadError(path: path, reason: .notARegularFile) }
        guard before.size <= maxBytes else { throw FileReadError(path: path, reason: .tooLarge(limit: maxBytes)) }

        let read = readContents(path: path, expected: before, limit: maxBytes)
        let bytes: [UInt8]
        let opened: FileMetadata
        switch read {
        case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR:
            // Deleted between stat() and open(): look again.
            return lastAttempt ? .settled(absentSnapshot(path: path)) : .retry
        case .failure(let error):
            throw systemError(path, error.code)
        case .success(let (content, metadata)):
            guard metadata.isRegularFile else { throw FileReadError(path: path, reason: .notARegularFile) }
            guard let content else { throw FileReadError(path: path, reason: .tooLarge(limit: maxBytes)) }
            bytes = content
            opened = metadata
        }

        let after = POSIX.status(path: path)
        let now = POSIX.wallClockNanoseconds()
        let settled = opened == before && after == .present(before) && Int64(bytes.count) == before.size
        if !settled && !lastAttempt { return .retry }

        let racy = opened.modificationTimeNanoseconds >= now - racyWindowNanoseconds
        let stamp = FileStamp(
            path: path,
            metadata: opened,
            contentDigest: SHA256.hash(data: bytes),
            readTimeNanoseconds: now,
            symlinkChain: symlinkChain(of: path),
            needsContentCheck: racy || !settled
        )
        return .settled(FileSnapshot(contents: bytes, stamp: stamp))
    }

    /// Opens `path`, reads at most `limit` bytes and returns them with the descriptor's metadata
    /// taken after reading (`nil` bytes: more than `limit`).
    static func readContents(path: String, limit: Int) -> Result<([UInt8]?, FileMetadata), POSIX.Errno> {
        let descriptor: Int32
        switch POSIX.openForReading(path: path) {
        case .failure(let error): return .failure(error)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        guard case .present(let opened) = POSIX.status(descriptor: descriptor) else {
            return .failure(POSIX.Errno(code: EIO))
        }
        guard opened.isRegularFile else { return .success((nil, opened)) }
        let bytes: [UInt8]?
        switch POSIX.readAll(descriptor: descriptor, expectedSize: Int(opened.size), limit: limit) {
        case .failure(let error): return .failure(error)
        case .success(let content): bytes = content
        }
        guard case .present(let afterReading) = POSIX.status(descriptor: descriptor) else {
            return .failure(POSIX.Errno(code: EIO))
        }
        // Metadata taken after reading: if the file moved while it was read, the caller's
        // comparison with its earlier stat() fails and it retries.
        return .success((bytes, afterReading))
    }

    /// ``readContents(path:limit:)`` for a file just `stat()`ed as `expected`: the buffer is sized
    /// from that `stat()`, so no `fstat()` is needed before reading. The `fstat()` after reading
    /// is still taken, and it decides: if something else was swapped in after the `stat()`, its
    /// metadata differs from `expected` (the caller retries) or it is not a regular file (the
    /// caller reports that, whatever reading it did).
    private static func readContents(
        path: String, expected: FileMetadata, limit: Int
    ) -> Result<([UInt8]?, FileMetadata), POSIX.Errno> {
        let descriptor: Int32
        switch POSIX.openForReading(path: path) {
        case .failure(let error): return .failure(error)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        let content = POSIX.readAll(descriptor: descriptor, expectedSize: Int(expected.size), limit: limit)
        guard case .present(let afterReading) = POSIX.status(descriptor: descriptor) else {
            return .failure(POSIX.Errno(code: EIO))
        }
        guard afterReading.isRegularFile else { return .success((nil, afterReading)) }
        switch content {
        case .failure(let error): return .failure(error)
        case .success(let bytes): return .success((bytes, afterReading))
        }
    }

    private static func absentSnapshot(path: String) -> FileSnapshot {
        let stamp = FileStamp(
            path: path, metadata: nil, contentDigest: nil,
            readTimeNanoseconds: POSIX.wallClockNanoseconds(),
            symlinkChain: symlinkChain(of: path), needsContentCheck: false
        )
        return FileSnapshot(contents: nil, stamp: stamp)
    }

    private static func systemError(_ path: String, _ code: Int32) -> FileReadError {
        FileReadError(path: path, reason: .system(errno: code, message: POSIX.Errno(code: code).text))
    }

    /// `path`, each symlink target in turn (relative targets joined to the link's directory), and
    /// finally `realpath()` when it differs from the last entry. Diagnostics only.
    static func symlinkChain(of path: String) -> [String] {
        // The common case first: when `realpath()` gives back the path itself, the path is
        // canonical (absolute, no symlink anywhere in it), so `readlink()` would find no link and
        // the chain is the path alone.
        let resolved = POSIX.realPath(path)
        if resolved == path { return [path] }
        var chain = [path]
        var current = path
        for _ in 0..<40 {
            guard let target = POSIX.readLink(current) else { break }
            current = target.hasPrefix("/") ? target : directory(of: current) + target
            chain.append(current)
        }
        // With no link followed, `current` is `path`, whose realpath() is already known.
        let canonical = chain.count == 1 ? resolved : POSIX.realPath(current)
        if let canonical, canonical != chain.last {
            chain.append(canonical)
        }
        return chain
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

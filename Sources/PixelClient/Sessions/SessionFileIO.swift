import Settings

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX file operations behind ``FileSessionStore``: private reads that check owner, mode
/// and file type on the open descriptor (no check-then-open race), and atomic private writes.
enum SessionFileIO {
    /// `S_IFMT`, `S_IFREG`, `S_IFDIR`: the same on Linux and Darwin, imported with different types.
    private static let fileTypeMask: UInt32 = 0o170000
    private static let regularFileType: UInt32 = 0o100000
    private static let directoryType: UInt32 = 0o040000

    enum ReadOutcome {
        case absent
        case refused(SessionStoreWarning.Reason)
        case contents([UInt8])
    }

    /// Reads `path` if it is a regular file owned by `owner` that nobody else may access.
    /// `O_NOFOLLOW` refuses a symlink planted in the file's place; `O_NONBLOCK` keeps a FIFO
    /// from blocking the caller.
    static func readPrivateFile(path: String, owner: UInt32, limit: Int) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return .absent }
            return .refused(.unreadable(code == ELOOP ? "it is a symbolic link" : errorText(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .refused(.unreadable(errorText(errno))) }
        guard UInt32(info.st_mode) & fileTypeMask == regularFileType else { return .refused(.unreadable("not a regular file")) }
        guard UInt32(info.st_uid) == owner else { return .refused(.wrongOwner(uid: UInt32(info.st_uid))) }
        let permissions = UInt32(info.st_mode) & 0o777
        guard permissions & 0o077 == 0 else { return .refused(.insecureMode(mode: permissions)) }
        guard Int(info.st_size) <= limit else { return .refused(.corrupt("larger than \(limit) bytes")) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .refused(.unreadable(errorText(errno)))
            }
            bytes += chunk[0..<count]
            if bytes.count > limit { return .refused(.corrupt("larger than \(limit) bytes")) }
        }
        return .contents(bytes)
    }

    /// Creates `directory` (and missing parents) with mode 0700, or checks and tightens an
    /// existing one. Returns why it cannot be used, or `nil` when it is ready.
    static func preparePrivateDirectory(_ directory: String, owner: UInt32) -> SessionStoreWarning.Reason? {
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                return .writeFailed("creating \(partial): \(errorText(errno))")
            }
        }
        var info = stat()
        guard stat(directory, &info) == 0 else { return .writeFailed(errorText(errno)) }
        guard UInt32(info.st_mode) & fileTypeMask == directoryType else { return .writeFailed("not a directory") }
        guard UInt32(info.st_uid) == owner else { return .wrongOwner(uid: UInt32(info.st_uid)) }
        if UInt32(info.st_mode) & 0o077 != 0, chmod(directory, 0o700) != 0 {
            return .insecureMode(mode: UInt32(info.st_mode) & 0o777)
        }
        return nil
    }

    /// Writes `contents` to a new 0600 file next to `path`, flushes it and renames it over `path`.
    /// Returns a failure text, or `nil` on success; on failure `path` is untouched.
    static func replaceAtomically(path: String, directory: String, contents: [UInt8]) -> String? {
        let temporary = "\(path).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        if let failure = PrivateFile.writeNew(contents, to: temporary) { return failure }
        guard rename(temporary, path) == 0 else {
            let failure = "rename: \(errorText(errno))"
            unlink(temporary)
            return failure
        }
        PrivateFile.syncDirectory(directory)
        return nil
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

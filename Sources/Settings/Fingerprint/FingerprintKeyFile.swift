import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX side of ``FingerprintKey/loadOrCreate(atPath:)``: private reads that check the file
/// on the open descriptor (no check-then-open race), and creation that never overwrites a key
/// another process created meanwhile.
enum FingerprintKeyFile {
    /// The start of the file's single line; the version lets a later format be recognised.
    static let magic = "settings-fingerprint-key v1 "
    /// More than any key file of this format.
    private static let maximumSize = 256

    /// The key stored at `path`, or `nil` when nothing exists there.
    static func read(path: String) throws(FingerprintKeyError) -> FingerprintKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            // ENOTDIR: a file where a directory should be; creating will say which one.
            if code == ENOENT || code == ENOTDIR { return nil }
            throw failure(path, .unreadable(code == ELOOP ? "it is a symbolic link" : POSIX.Errno(code: code).text))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path, .unreadable(POSIX.Errno(code: errno).text)) }
        let mode = UInt32(info.st_mode)
        guard mode & 0o170000 == 0o100000 else { throw failure(path, .unreadable("not a regular file")) }
        guard UInt32(info.st_uid) == UInt32(geteuid()) else { throw failure(path, .wrongOwner(uid: UInt32(info.st_uid))) }
        guard mode & 0o077 == 0 else { throw failure(path, .insecureMode(mode: mode & 0o777)) }
        switch POSIX.readAll(descriptor: descriptor, expectedSize: Int(info.st_size), limit: maximumSize) {
        case .failure(let error): throw failure(path, .unreadable(error.text))
        case .success(nil): throw failure(path, .corrupt("larger than \(maximumSize) bytes"))
        case .success(let bytes?): return try decode(bytes, path: path)
        }
    }

    /// Creates a new key at `path`, or returns the one another process created there first.
    static func create(path: String) throws(FingerprintKeyError) -> FingerprintKey {
        let directory = parent(of: path)
        try makeDirectories(directory, for: path)
        let secret = SymmetricKey(size: .bits256)
        let temporary = "\(path).tmp-\(getpid())-\(UInt64.random(in: UInt64.min...UInt64.max))"
        if let problem = PrivateFile.writeNew(encode(secret), to: temporary) { throw failure(path, .unwritable(problem)) }
        // link() fails with EEXIST instead of replacing: two processes creating a key at once
        // both end up with the one that was linked first (rename() would let the second replace
        // the key the first one had already started using).
        let linked = link(temporary, path) == 0 ? 0 : errno
        unlink(temporary)
        switch linked {
        case 0:
            PrivateFile.syncDirectory(directory)
            return FingerprintKey(secret: secret, origin: .file(path))
        case EEXIST:
            guard let winner = try read(path: path) else { throw failure(path, .unwritable("it disappeared while being created")) }
            return winner
        default:
            throw failure(path, .unwritable("link: \(POSIX.Errno(code: linked).text)"))
        }
    }

    /// The file's text: the magic words and the key in hex, on one line.
    static func encode(_ secret: SymmetricKey) -> [UInt8] {
        let hex = secret.withUnsafeBytes { Hex.encode($0) }
        return Array((magic + hex + "\n").utf8)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(FingerprintKeyError) -> FingerprintKey {
        let magicBytes = Array(magic.utf8)
        var body = bytes[...]
        if body.last == UInt8(ascii: "\n") { body = body.dropLast() }
        guard body.starts(with: magicBytes) else { throw failure(path, .corrupt("it does not start with '\(magic)'")) }
        guard let key = Hex.decode(body.dropFirst(magicBytes.count)), key.count == FingerprintKey.byteCount else {
            throw failure(path, .corrupt("the key is not \(FingerprintKey.byteCount * 2) hex digits"))
        }
        return FingerprintKey(secret: SymmetricKey(data: key), origin: .file(path))
    }

    /// Creates each missing directory of `directory` with mode 0700 (existing ones are left as
    /// they are: `~/.config` is often 0755 on purpose).
    private static func makeDirectories(_ directory: String, for path: String) throws(FingerprintKeyError) {
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                throw failure(path, .unwritable("creating \(partial): \(POSIX.Errno(code: errno).text)"))
            }
        }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ path: String, _ reason: FingerprintKeyError.Reason) -> FingerprintKeyError {
        FingerprintKeyError(path: path, reason: reason)
    }
}

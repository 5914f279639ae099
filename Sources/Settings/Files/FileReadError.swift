/// A settings file exists but cannot be read. (A file that does not exist is not an error: it is
/// the ``FileStamp`` state "absent", so that its later creation is detected.)
///
/// ```swift
/// do { _ = try FileStamp.read(path: "/etc/pixel/pixel.yaml") }
/// catch { print(error) } // /etc/pixel/pixel.yaml: cannot read: Permission denied
/// ```
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the file could not be read.
    public enum Reason: Sendable, Hashable {
        /// The path names a directory, FIFO, socket or device.
        case notARegularFile
        /// The file is larger than the reader's limit (in bytes).
        case tooLarge(limit: Int)
        /// A system call failed with this `errno` (e.g. `EACCES`, `ELOOP`, `EIO`).
        case system(errno: Int32, message: String)
    }

    /// The path as the caller gave it.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `path: cannot read: reason`.
    public var description: String {
        switch reason {
        case .notARegularFile: "\(path): cannot read: not a regular file"
        case .tooLarge(let limit): "\(path): cannot read: larger than the limit of \(limit) bytes"
        case .system(_, let message): "\(path): cannot read: \(message)"
        }
    }
}

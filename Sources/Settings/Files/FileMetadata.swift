/// What `stat()` says about a file, reduced to the fields that change whenever its content can
/// have changed: device, inode, size, modification and status-change time in nanoseconds.
///
/// An atomic rename over the file or a Kubernetes `..data` symlink swap changes `inode` (and
/// `ctime`); an in-place rewrite changes `mtime` and `ctime`; `chmod` or `touch` change `ctime`.
///
/// ```swift
/// let snapshot = try FileStamp.read(path: "pixel.yaml")
/// if let metadata = snapshot.stamp.metadata { print(metadata.inode, metadata.size) }
/// ```
public struct FileMetadata: Sendable, Hashable {
    /// `st_dev` of the final target (symlinks followed).
    public var device: UInt64
    /// `st_ino` of the final target.
    public var inode: UInt64
    /// `st_size` in bytes.
    public var size: Int64
    /// `st_mtime` in nanoseconds since 1970.
    public var modificationTimeNanoseconds: Int64
    /// `st_ctime` in nanoseconds since 1970.
    public var statusChangeTimeNanoseconds: Int64
    /// Whether the target is a regular file (not a directory, FIFO or device).
    public var isRegularFile: Bool

    /// Creates metadata (tests and tools; readers get it from ``FileStamp/read(path:maxBytes:)``).
    public init(
        device: UInt64, inode: UInt64, size: Int64,
        modificationTimeNanoseconds: Int64, statusChangeTimeNanoseconds: Int64, isRegularFile: Bool = true
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.statusChangeTimeNanoseconds = statusChangeTimeNanoseconds
        self.isRegularFile = isRegularFile
    }
}

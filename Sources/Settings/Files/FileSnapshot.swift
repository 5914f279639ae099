/// The bytes of a settings file together with the ``FileStamp`` that says whether they are still
/// current.
///
/// ```swift
/// let snapshot = try FileStamp.read(path: ".env")
/// guard let bytes = snapshot.contents else { return } // absent: nothing to load (yet)
/// ```
public struct FileSnapshot: Sendable, Hashable {
    /// The file's bytes, or `nil` when it does not exist.
    public var contents: [UInt8]?
    /// The stamp captured consistently with `contents`.
    public var stamp: FileStamp

    /// Creates a snapshot.
    public init(contents: [UInt8]?, stamp: FileStamp) {
        self.contents = contents
        self.stamp = stamp
    }
}

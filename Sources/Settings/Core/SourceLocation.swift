/// A place in a settings file: the file's path (when there is one), a 1-based line and a 1-based column.
///
/// Every value read from a `.env` or YAML file keeps its location so that errors and provenance can
/// point at it, e.g. `.env:12:10` or `pixel.yaml:4:3`.
///
/// ```swift
/// let where = SourceLocation(file: ".env", line: 12, column: 10)
/// print(where) // ".env:12:10"
/// ```
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the caller named it, or `nil` for text that came from memory.
    public var file: String?
    /// 1-based line number.
    public var line: Int
    /// 1-based column number, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(file: String?, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `line:column` when there is no file.
    public var description: String {
        if let file { return "\(file):\(line):\(column)" }
        return "\(line):\(column)"
    }
}

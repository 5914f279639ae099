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

extension SourceLocation {
    /// The 1-based line:column of a byte offset in `input`: lines end at LF, CR or CRLF; columns
    /// count Unicode scalars (UTF-8 continuation bytes do not start a column). An offset at or
    /// past the end is the place just after the last character.
    init(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>, file: String?) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, input.count)
        while index < end {
            let byte = input[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= input.count || input[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.init(file: file, line: line, column: column)
    }
}

import CYAML

/// Converts libyaml's error state into located ``SettingsFileError``s with clear messages.
enum LibYAMLError {
    static func outOfMemory(file: String?) -> SettingsFileError {
        SettingsFileError(format: .yaml, message: "libyaml ran out of memory", location: SourceLocation(file: file, line: 1, column: 1))
    }

    /// The error of a parser whose `yaml_parser_parse` just failed.
    ///
    /// - Parameter skippedBytes: bytes before `input` in the file (a byte order mark), added to
    ///   byte offsets in messages.
    static func from(
        _ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, skippedBytes: Int, file: String?
    ) -> SettingsFileError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return outOfMemory(file: file)
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark.
            let offset = min(Int(parser.problem_offset), input.count)
            if problem.contains("UTF-8") || problem.contains("Unicode") {
                return InvalidUTF8.error(
                    format: .yaml, detail: problem, offset: offset, in: input, skippedBytes: skippedBytes, file: file)
            }
            return SettingsFileError(
                format: .yaml,
                message: readerMessage(problem, value: parser.problem_value, offset: offset + skippedBytes),
                location: SourceLocation(ofByte: offset, in: input, file: file)
            )
        default:
            let location = location(of: parser.problem_mark, in: input, file: file)
            guard let context = parser.context.map({ String(cString: $0) }) else {
                return SettingsFileError(format: .yaml, message: "YAML syntax error: \(problem)", location: location)
            }
            let contextLocation = self.location(of: parser.context_mark, in: input, file: file)
            return SettingsFileError(
                format: .yaml,
                message: "YAML syntax error: \(problem) (\(context) at \(contextLocation.line):\(contextLocation.column))",
                location: location,
                relatedLocation: contextLocation
            )
        }
    }

    /// A reader error other than bad UTF-8 (which ``InvalidUTF8`` words): a control character,
    /// named by its code point, or another problem.
    private static func readerMessage(_ problem: String, value: Int32, offset: Int) -> String {
        if problem.contains("control characters") {
            let hex = String(value, radix: 16, uppercase: true)
            let scalar = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return "the file contains the control character \(scalar), which YAML does not allow (byte offset \(offset))"
        }
        return "the file cannot be read as YAML text: \(problem) (byte offset \(offset))"
    }

    /// A mark as a location. At the end of a stream that does not end with a line break, libyaml
    /// places its mark at the start of a line that does not exist; the end of the last line is
    /// named instead.
    private static func location(of mark: yaml_mark_t, in input: UnsafeBufferPointer<UInt8>, file: String?) -> SourceLocation {
        let end = SourceLocation(ofByte: input.count, in: input, file: file)
        guard Int(mark.line) + 1 <= end.line else { return end }
        return SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

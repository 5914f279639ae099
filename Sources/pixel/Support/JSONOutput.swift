import Foundation

/// `--json` output: pretty-printed, sorted keys, ISO 8601 dates, unescaped slashes — stable
/// enough to diff and to pipe into `jq`.
enum JSONOutput {
    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `value` as one line of JSON (sorted keys), for table cells.
    static func compact(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes `value` as JSON and a newline to standard output.
    static func print(_ value: some Encodable) throws {
        Console.standardOutput.line(try encoded(value))
    }
}

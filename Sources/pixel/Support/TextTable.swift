import Foundation

/// A plain-text table for human output: upper-case headers, columns padded with two spaces, the
/// last column not padded (so long values such as URLs never push trailing blanks).
///
/// ```swift
/// var table = TextTable(["id", "name"])
/// table.append(["1", "Bridges"])
/// Console.standardOutput.write(table.rendered)
/// // ID  NAME
/// // 1   Bridges
/// ```
struct TextTable {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table with a trailing newline; a table without rows renders its header only.
    var rendered: String {
        let all = [headers.map { $0.uppercased() }] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (index, cell) in row.prefix(widths.count).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            row.prefix(widths.count).enumerated().map { index, cell in
                index == widths.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

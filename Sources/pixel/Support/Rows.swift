import Foundation
import PixelClient

/// A model the CLI can print as a table row (and, with `--json`, as itself).
protocol TableRow: Encodable, Sendable {
    static var columns: [String] { get }
    var cells: [String] { get }
}

/// Prints models the way every API command does: a table by default, JSON with `--json`.
enum Render {
    static func list<Row: TableRow>(_ rows: [Row], json: Bool) throws {
        if json { return try JSONOutput.print(rows) }
        var table = TextTable(Row.columns)
        for row in rows { table.append(row.cells) }
        Console.standardOutput.write(table.rendered)
    }

    static func one<Row: TableRow>(_ row: Row, json: Bool) throws {
        if json { return try JSONOutput.print(row) }
        try list([row], json: false)
    }

    /// What an upload created (table or JSON), each failure on stderr, and exit 1 if any file failed.
    static func uploaded<Row: TableRow>(_ result: UploadBatchResult<Row>, of count: Int, json: Bool) throws {
        try list(result.resources, json: json)
        for failure in result.failures { Console.standardError.line("pixel: \(failure.name) failed: \(failure.error.message)") }
        if !result.failures.isEmpty {
            throw CLIFailure.runtime("\(result.failures.count) of \(count) files failed to upload.")
        }
    }

    /// `Deleted project 5.` or the server's answer as JSON.
    static func deleted(_ what: String, _ result: any Encodable, json: Bool) throws {
        if json { return try JSONOutput.print(result) }
        Console.standardOutput.line("Deleted \(what).")
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        return date.formatted(.iso8601)
    }

    static func tags(_ tags: [String]?) -> String {
        guard let tags, !tags.isEmpty else { return "–" }
        return tags.joined(separator: ",")
    }

    static func optional(_ value: (some CustomStringConvertible)?) -> String {
        value.map(\.description) ?? "–"
    }
}

extension Project: TableRow {
    static var columns: [String] { ["id", "name", "parent", "tags", "created"] }
    var cells: [String] { [id.description, name, Render.optional(parentProjectID), Render.tags(tags), Render.date(createdAt)] }
}

extension DataCollection: TableRow {
    static var columns: [String] { ["id", "project", "name", "type", "tags"] }
    var cells: [String] { [id.description, Render.optional(projectID), name, dataCollectionType.rawValue, Render.tags(tags)] }
}

extension Image: TableRow {
    static var columns: [String] { ["id", "name", "size", "tags", "created"] }
    var cells: [String] {
        [id.description, name ?? fileName ?? "–", size.map { ByteFormatting.bytes(Int64($0)) } ?? "–", Render.tags(tags), Render.date(createdAt)]
    }
}

extension Raster: TableRow {
    static var columns: [String] { ["id", "name", "format", "size", "tags"] }
    var cells: [String] {
        [id.description, name ?? fileName ?? "–", format?.rawValue ?? "–", size.map { ByteFormatting.bytes(Int64($0)) } ?? "–", Render.tags(tags)]
    }
}

extension PointCloud: TableRow {
    static var columns: [String] { ["id", "name", "format", "size", "tags"] }
    var cells: [String] {
        [id.description, name ?? fileName ?? "–", format?.rawValue ?? "–", size.map { ByteFormatting.bytes(Int64($0)) } ?? "–", Render.tags(tags)]
    }
}

extension Attachment: TableRow {
    static var columns: [String] { ["id", "name", "status", "on", "description"] }
    var cells: [String] {
        let on = resourceType.map { "\($0.rawValue) \(resourceID.map { String($0) } ?? "?")" } ?? "–"
        return [id.description, name, status?.rawValue ?? "–", on, description ?? ""]
    }
}

extension Job: TableRow {
    static var columns: [String] { ["id", "name", "status", "completed", "detail"] }
    var cells: [String] { [id.description, name ?? "–", status?.rawValue ?? "–", completed ? "yes" : "no", detail ?? ""] }
}

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

extension JobGroup: TableRow {
    static var columns: [String] { ["id", "completed", "jobs", "succeeded", "failed"] }
    var cells: [String] { [Render.optional(id), completed ? "yes" : "no", String(totalJobs), String(successCount), String(failedCount)] }
}

extension UploadJob: TableRow {
    static var columns: [String] { ["id", "name", "status", "result", "detail"] }
    var cells: [String] {
        [id.description, name, Render.optional(status), result.map { "\($0.resourceName) \($0.resourceID)" } ?? "–", detail ?? ""]
    }
}

extension User: TableRow {
    static var columns: [String] { ["id", "username", "name", "type", "enabled"] }
    var cells: [String] {
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        return [
            id.map(\.description) ?? subject ?? "–", username ?? email ?? "–", name.isEmpty ? "–" : name, Render.optional(userType),
            Render.optional(enabled),
        ]
    }
}

extension Plugin: TableRow {
    static var columns: [String] { ["name", "enabled", "depends on"] }
    var cells: [String] { [name, Render.optional(enabled), dependsOn.map { $0.joined(separator: ",") } ?? "–"] }
}

extension OptimizedRaster: TableRow {
    static var columns: [String] { ["id", "raster", "name", "profile", "status", "file"] }
    var cells: [String] {
        [id.description, Render.optional(rasterID), name ?? "–", profile ?? "–", Render.optional(status), fileName ?? "–"]
    }
}

extension OptimizedPointCloud: TableRow {
    static var columns: [String] { ["id", "point cloud", "name", "status", "file"] }
    var cells: [String] { [id.description, Render.optional(pointCloudID), name ?? "–", Render.optional(status), fileName ?? "–"] }
}

extension ArcGISService: TableRow {
    static var columns: [String] { ["id", "type", "name", "status", "collections", "url"] }
    var cells: [String] {
        [
            id.description, Render.optional(serviceType), name ?? "–", status ?? "–",
            dataCollectionIDs.map { $0.map(\.description).joined(separator: ",") } ?? "–", url ?? "–",
        ]
    }
}

extension ArcGISServiceChange: TableRow {
    static var columns: [String] { ["service", "status", "job", "job status"] }
    var cells: [String] {
        [Render.optional(service?.id), service?.status ?? "–", Render.optional(job?.id), job.map { Render.optional($0.status) } ?? "no job"]
    }
}

extension HarvestService: TableRow {
    static var columns: [String] { ["id", "name", "status", "url", "where"] }
    var cells: [String] { [id.description, name ?? "–", status ?? "–", url ?? "–", whereClause ?? "–"] }
}

extension HarvestTask: TableRow {
    static var columns: [String] { ["id", "service", "name", "status", "harvested"] }
    var cells: [String] {
        [id.description, Render.optional(harvestServiceID), name ?? "–", Render.optional(status), Render.optional(harvestedCount)]
    }
}

extension HarvestServiceChange: TableRow {
    static var columns: [String] { ["service", "status", "task", "task status"] }
    var cells: [String] {
        [Render.optional(service?.id), service?.status ?? "–", Render.optional(task?.id), task.map { Render.optional($0.status) } ?? "–"]
    }
}

extension AnalysisModule: TableRow {
    static var columns: [String] { ["name", "description"] }
    var cells: [String] { [name, description ?? ""] }
}

extension AnalysisService: TableRow {
    static var columns: [String] { ["id", "name", "module", "enabled"] }
    var cells: [String] { [id.description, name ?? "–", moduleName ?? "–", Render.optional(enabled)] }
}

extension AnalysisTask: TableRow {
    static var columns: [String] { ["id", "service", "name", "status", "finished"] }
    var cells: [String] { [id.description, Render.optional(serviceID), name ?? "–", Render.optional(status), Render.date(finishedAt)] }
}

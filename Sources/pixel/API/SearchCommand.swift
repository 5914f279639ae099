import ArgumentParser
import Foundation
import PixelClient

/// `pixel search --on images --filter '{"~": [{"var": "name"}, "demo-%"]}' --search text`.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search images, rasters, point clouds, projects or data collections.",
        discussion: """
            --filter takes the API's JSON filter grammar: comparisons {"op": [{"var": "field"}, value]} \
            with op one of == != < <= > >= ~ !~ contains !contains in !in, combined with \
            {"and": [...]} and {"or": [...]}.
            """
    )

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("What to search: images, rasters, point_clouds, projects or data_collections.", valueName: "target"))
    var on: String
    @Option(help: ArgumentHelp("A JSON filter.", valueName: "json")) var filter: String?
    @Option(help: "Free-text search.") var search: String?
    @Option(help: "At most this many results.") var limit: Int = 100

    func validate() throws {
        if case .unknown = SearchTarget(rawValue: on) {
            throw ValidationError("--on must be images, rasters, point_clouds, projects or data_collections; got '\(on)'.")
        }
        if let filter { _ = try SearchFilterParser.parse(filter) }
    }

    func run() async throws {
        let query = SearchQuery(
            on: SearchTarget(rawValue: on), filter: try filter.map(SearchFilterParser.parse), search: search, limit: limit)
        let response = try await ClientSession.run(client) { client, _ in try await client.search(query) }
        if output.json { return try JSONOutput.print(response) }
        var table = TextTable(["id", "name"])
        for result in response.results {
            table.append([
                result["id"].map(Self.text) ?? "–", (result["name"] ?? result["file_name"]).map(Self.text) ?? "–",
            ])
        }
        Console.standardOutput.write(table.rendered)
        Console.standardOutput.line("\(response.count) result\(response.count == 1 ? "" : "s")" + (response.totalCount.map { " of \($0)" } ?? "") + ".")
    }

    private static func text(_ value: JSONValue) -> String {
        if let int = value.intValue { return String(int) }
        return value.stringValue ?? value.description
    }
}

/// Turns `--filter` JSON into a ``SearchFilter``, with a usage error naming what is wrong.
enum SearchFilterParser {
    static func parse(_ text: String) throws -> SearchFilter {
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ValidationError("--filter is not valid JSON: \(text)")
        }
        return try filter(json)
    }

    private static func filter(_ json: JSONValue) throws -> SearchFilter {
        guard case .object(let object) = json, object.count == 1, let entry = object.first else {
            throw ValidationError("--filter: each filter must be an object with one key, e.g. {\"==\": [{\"var\": \"name\"}, \"x\"]}.")
        }
        let (key, operand) = (entry.key, entry.value)
        switch key {
        case "and", "or":
            guard case .array(let parts) = operand, !parts.isEmpty else { throw ValidationError("--filter: \"\(key)\" needs a non-empty array.") }
            let filters = try parts.map(filter)
            return key == "and" ? .and(filters) : .or(filters)
        default:
            guard let op = SearchOperator(rawValue: key) else {
                throw ValidationError("--filter: unknown operator \"\(key)\"; use one of \(SearchOperator.allCases.map(\.rawValue).joined(separator: " ")), and, or.")
            }
            guard case .array(let pair) = operand, pair.count == 2, let field = pair[0]["var"]?.stringValue else {
                throw ValidationError("--filter: \"\(key)\" needs [{\"var\": \"field\"}, value].")
            }
            return .comparison(op, field: field, value: try value(pair[1]))
        }
    }

    private static func value(_ json: JSONValue) throws -> SearchValue {
        switch json {
        case .string(let text): return .string(text)
        case .number(let number): return Int(exactly: number).map(SearchValue.int) ?? .double(number)
        case .null: return .null
        case .array(let values): return .array(try values.map(value))
        default: throw ValidationError("--filter: values must be strings, numbers, null or arrays of them.")
        }
    }
}

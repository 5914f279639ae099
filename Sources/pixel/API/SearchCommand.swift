import ArgumentParser
import Foundation
import PixelClient

/// `pixel search [run] --on images --filter '{"~": [{"var": "name"}, "demo-%"]}' --search text` and
/// `pixel search info --on images`.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search images, rasters, point clouds, projects or data collections.",
        subcommands: [Run.self, Info.self],
        defaultSubcommand: Run.self
    )

    /// `--on images`.
    struct Target: ParsableArguments {
        @Option(help: ArgumentHelp("What to search: images, rasters, point_clouds, projects or data_collections.", valueName: "target"))
        var on: String

        func validate() throws {
            if case .unknown = SearchTarget(rawValue: on) {
                throw ValidationError("--on must be images, rasters, point_clouds, projects or data_collections; got '\(on)'.")
            }
        }

        var target: SearchTarget { SearchTarget(rawValue: on) }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a search (the default subcommand).",
            discussion: """
                --filter takes the API's JSON filter grammar: comparisons {"op": [{"var": "field"}, value]} \
                with op one of == != < <= > >= ~ !~ contains !contains in !in, combined with \
                {"and": [...]} and {"or": [...]}.
                """
        )

        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("A JSON filter.", valueName: "json")) var filter: String?
        @Option(help: "Free-text search.") var search: String?
        @Option(help: "At most this many results.") var limit: Int = 100
        @Option(help: "Skip this many results.") var offset: Int = 0
        @Flag(help: "Fetch every result, --limit per request.") var all = false

        func validate() throws {
            if let filter { _ = try SearchFilterParser.parse(filter) }
            if limit < 1 { throw ValidationError("--limit must be at least 1.") }
            if offset < 0 { throw ValidationError("--offset must not be negative.") }
        }

        func run() async throws {
            let query = SearchQuery(
                on: target.target, filter: try filter.map(SearchFilterParser.parse), search: search, limit: limit, offset: offset)
            let (all, limit) = (all, limit)
            let response = try await ClientSession.run(client) { client, _ in
                guard all else { return try await client.search(query) }
                let results = try await client.paginateSearch(query, pageSize: limit).collect()
                return SearchResponse(count: results.count, results: results, totalCount: results.count)
            }
            if output.json { return try JSONOutput.print(response) }
            var table = TextTable(["id", "name"])
            for result in response.results {
                table.append([
                    result["id"].map(Self.text) ?? "–", (result["name"] ?? result["file_name"]).map(Self.text) ?? "–",
                ])
            }
            Console.standardOutput.write(table.rendered)
            Console.standardOutput.line(
                "\(response.count) result\(response.count == 1 ? "" : "s")" + (response.totalCount.map { " of \($0)" } ?? "") + ".")
        }

        private static func text(_ value: JSONValue) -> String {
            if let int = value.intValue { return String(int) }
            return value.stringValue ?? value.description
        }
    }

    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what can be searched: filterable and output fields, operators, capabilities.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target

        func run() async throws {
            let target = target.target
            let info = try await ClientSession.run(client) { client, _ in try await client.searchInfo(on: target) }
            if output.json { return try JSONOutput.print(info) }
            var table = TextTable(["what", "values"])
            table.append(["filterable fields", info.filterableFields?.joined(separator: ", ") ?? "–"])
            table.append(["output fields", info.outputFields?.joined(separator: ", ") ?? "–"])
            table.append(["operators", info.operators?.joined(separator: " ") ?? "–"])
            for (key, value) in (info.capabilities ?? [:]).sorted(by: { $0.key < $1.key }) {
                table.append([key, value.stringValue ?? value.description])
            }
            Console.standardOutput.write(table.rendered)
        }
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
                throw ValidationError(
                    "--filter: unknown operator \"\(key)\"; use one of \(SearchOperator.allCases.map(\.rawValue).joined(separator: " ")), and, or.")
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

import Foundation
import PixelEmulator
import Testing

/// The coverage table (pixel-client 1.2.8 → async, blocking, CLI, emulator route) is data
/// (`apiCoverage`); these tests keep it honest:
/// - every pixel-client method has exactly one row;
/// - every route a row names is served by the emulator, and every served route is named;
/// - every CLI command and option a row names exists in the built binary;
/// - every Swift method a row names exists: `APICoverageSymbols.swift`, generated from the rows,
///   references each one and would not compile otherwise;
/// - the published tables (the DocC article and the README) are the rendering of the rows.
///
/// After changing the rows, regenerate the published files with
/// `PIXEL_WRITE_COVERAGE=1 swift test --filter APICoverageTests`.
struct APICoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let article = root.appendingPathComponent("Sources/PixelClient/PixelClient.docc/APICoverage.md")
    static let readme = root.appendingPathComponent("README.md")
    static let symbols = root.appendingPathComponent("Tests/PixelCLITests/Coverage/APICoverageSymbols.swift")
    static let start = "<!-- api-coverage:start -->"
    static let end = "<!-- api-coverage:end -->"

    @Test func everyPixelClientMethodHasExactlyOneRow() {
        let names = apiCoverage.map(\.python)
        #expect(names.count == 94)
        #expect(Set(names).count == names.count, "a method has two rows")
        #expect(
            Set(names) == pixelClientMethods,
            "missing: \(pixelClientMethods.subtracting(names)), extra: \(Set(names).subtracting(pixelClientMethods))")
        for row in apiCoverage {
            #expect(!row.async.isEmpty && !row.blocking.isEmpty && !row.cli.isEmpty && !row.routes.isEmpty, "\(row.python) has an empty cell")
        }
    }

    @Test func everyNamedRouteIsServedAndEveryServedRouteIsNamed() {
        let named = Set(apiCoverage.flatMap(\.routes))
        let served = Set(PixelEmulator.apiRoutes)
        #expect(named.subtracting(served).isEmpty, "not served: \(named.subtracting(served).sorted())")
        #expect(served.subtracting(named).isEmpty, "served but in no row: \(served.subtracting(named).sorted())")
    }

    @Test func everyNamedCommandAndOptionExistsInTheBinary() async throws {
        let dump = try await withTemporaryDirectory { directory in try await CLIRun.run(["--experimental-dump-help"], in: directory) }
        #expect(dump.status == 0, "\(dump)")
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var commands: [String: Set<String>] = [:]
        func walk(_ command: [String: Any], _ path: [String]) {
            let options = (command["arguments"] as? [[String: Any]] ?? []).flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).compactMap {
                    $0["kind"] as? String == "long" ? "--" + ($0["name"] as? String ?? "") : nil
                }
            }
            commands[path.joined(separator: " ")] = Set(options)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(tree["command"] as? [String: Any]), [])
        for row in apiCoverage {
            let words = row.cli.split(separator: " ").map(String.init)
            let command = words.prefix { !$0.hasPrefix("--") }.joined(separator: " ")
            let options = words.filter { $0.hasPrefix("--") }
            guard let known = commands[command] else {
                Issue.record("\(row.python): `pixel \(command)` is not a command")
                continue
            }
            for option in options { #expect(known.contains(option), "\(row.python): `pixel \(command)` has no \(option)") }
        }
    }

    @Test func thePublishedTablesAndTheSymbolCheckAreTheRenderingOfTheRows() throws {
        let table = Self.markdownTable()
        let generated = Self.symbolFile()
        if ProcessInfo.processInfo.environment["PIXEL_WRITE_COVERAGE"] == "1" {
            for url in [Self.article, Self.readme] {
                try Self.replacingBlock(in: try String(contentsOf: url, encoding: .utf8), with: table).write(
                    to: url, atomically: true, encoding: .utf8)
            }
            try generated.write(to: Self.symbols, atomically: true, encoding: .utf8)
        }
        for url in [Self.article, Self.readme] {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(try Self.block(in: text) == table, "\(url.lastPathComponent) is not the rendering of apiCoverage; regenerate it")
        }
        #expect(try String(contentsOf: Self.symbols, encoding: .utf8) == generated, "APICoverageSymbols.swift is stale; regenerate it")
    }

    // MARK: - Rendering

    /// The table, one row per method, `DC` standing for `/projects/{p}/data_collections/{dc}`.
    static func markdownTable() -> String {
        func code(_ text: String) -> String { "`\(text)`" }
        var lines = [
            "| pixel-client 1.2.8 | `PixelAsyncClient` | `PixelClient` (blocking) | CLI | Emulator routes | Differences |",
            "|---|---|---|---|---|---|",
        ]
        for row in apiCoverage {
            let routes = row.routes.map { code($0.replacingOccurrences(of: "/projects/{p}/data_collections/{dc}", with: "DC")) }.joined(
                separator: ", ")
            let cells = [code(row.python), code(row.async), code(row.blocking), code("pixel " + row.cli), routes, row.note.isEmpty ? "–" : row.note]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// A Swift file that references every async and blocking method the rows name.
    static func symbolFile() -> String {
        var lines = [
            "// Generated by APICoverageTests from `apiCoverage`: do not edit. Regenerate with",
            "// `PIXEL_WRITE_COVERAGE=1 swift test --filter APICoverageTests`. It compiles only while",
            "// every Swift method the coverage table names exists with that signature.",
            "import PixelClient",
            "",
            "/// Never called: referencing the methods is the check.",
            "func apiCoverageSymbols() {",
        ]
        /// A method without arguments is referenced by its bare name.
        func reference(_ signature: String) -> String { signature.hasSuffix("()") ? String(signature.dropLast(2)) : signature }
        for row in apiCoverage {
            lines.append("    _ = PixelAsyncClient.\(reference(row.async))  // \(row.python)")
            lines.append("    _ = PixelClient.\(reference(row.blocking))")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func block(in text: String) throws -> String {
        let open = try #require(text.range(of: start))
        let close = try #require(text.range(of: end))
        return text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .newlines)
    }

    static func replacingBlock(in text: String, with table: String) throws -> String {
        let open = try #require(text.range(of: start))
        let close = try #require(text.range(of: end))
        return text.replacingCharacters(in: open.upperBound..<close.lowerBound, with: "\n" + table + "\n")
    }
}

import Foundation
import PixelClient
import Settings
import Testing

/// The README's configuration reference says exactly what the schema (and so `.env.example`) says.
struct ReadmeConfigurationTests {
    struct Row: Equatable {
        var name: String
        var aliases: String
        var defaultText: String
        var doc: String
    }

    static func readmeRows() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- settings-table:start -->"))
        let end = try #require(text.range(of: "<!-- settings-table:end -->"))
        return text[start.upperBound..<end.lowerBound]
            .split(separator: "\n")
            .filter { $0.hasPrefix("| `") }
            .map { line in
                let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                // cells: "", name, aliases, default, meaning, ""
                return Row(
                    name: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                    aliases: cells[2], defaultText: cells[3], doc: cells[4])
            }
    }

    static func expectedRows() -> [Row] {
        PixelSettings.schema.fields.map { field in
            let aliases = field.envNames.dropFirst().map { $0.isDeprecated ? "\($0.name) (deprecated)" : $0.name }
            let defaultText: String
            switch field.requirement {
            case .required: defaultText = "required"
            case .optional: defaultText = "none"
            case .defaultValue(.duration(let duration)): defaultText = String(duration.components.seconds)
            case .defaultValue(let value): defaultText = value.description
            }
            return Row(
                name: field.canonicalEnvName, aliases: aliases.isEmpty ? "–" : aliases.joined(separator: ", "),
                defaultText: defaultText, doc: field.doc)
        }
    }

    @Test func readmeTableListsEverySettingAsTheSchemaDeclaresIt() throws {
        #expect(try Self.readmeRows() == Self.expectedRows())
    }
}

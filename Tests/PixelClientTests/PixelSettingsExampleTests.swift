import Foundation
import PixelClient
import Settings
import Testing

/// `.env.example` documents every setting exactly as the schema declares it.
struct PixelSettingsExampleTests {
    struct Block {
        var name: String
        var doc: String?
        var field: String?
        var aliases: String?
        var defaultText: String?
        var example: String?
    }

    static func blocks() throws -> [Block] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".env.example")
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [Block] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("# PIXEL_"), !line.contains("="), !line.contains(" ", after: 2) {
                blocks.append(Block(name: String(line.dropFirst(2))))
            } else if line.hasPrefix("#   "), !blocks.isEmpty {
                let body = String(line.dropFirst(4))
                if body.hasPrefix("Field: ") {
                    blocks[blocks.count - 1].field = String(body.dropFirst(7))
                } else if body.hasPrefix("Aliases: ") {
                    blocks[blocks.count - 1].aliases = String(body.dropFirst(9))
                } else if body.hasPrefix("Default: ") {
                    blocks[blocks.count - 1].defaultText = String(body.dropFirst(9))
                } else if blocks[blocks.count - 1].doc == nil {
                    blocks[blocks.count - 1].doc = body
                }
            } else if line.hasPrefix("# \(blocks.last?.name ?? "-")=") {
                blocks[blocks.count - 1].example = String(line.dropFirst(3 + (blocks.last?.name.count ?? 0)))
            }
        }
        return blocks
    }

    static func defaultText(_ field: SettingField) -> String {
        switch field.requirement {
        case .required: return "required"
        case .optional: return "none"
        case .defaultValue(.duration(let duration)): return String(duration.components.seconds)
        case .defaultValue(let value): return value.description
        }
    }

    @Test func listsExactlyTheSchemaFieldsAndSelectors() throws {
        let names = try Self.blocks().map(\.name)
        let expected = PixelSettings.schema.fields.map(\.canonicalEnvName) + [PixelSettings.envFileSelector, PixelSettings.configFileSelector]
        #expect(names.sorted() == expected.sorted())
        #expect(Set(names).count == names.count)
    }

    @Test func everyFieldBlockMatchesTheSchema() throws {
        let blocks = try Self.blocks()
        for field in PixelSettings.schema.fields {
            let block = try #require(blocks.first { $0.name == field.canonicalEnvName }, "\(field.name)")
            #expect(block.field == field.name)
            #expect(block.doc == field.doc)
            let aliases = field.envNames.dropFirst().map { $0.isDeprecated ? "\($0.name) (deprecated)" : $0.name }
            #expect(block.aliases == (aliases.isEmpty ? "none" : aliases.joined(separator: ", ")), "\(field.name)")
            #expect(block.defaultText == Self.defaultText(field), "\(field.name)")
            let example = try #require(block.example, "\(field.name)")
            #expect(field.type.convert(example) != nil, "\(field.name) example \(example)")
        }
    }

    @Test func copyingItAsIsSetsNothing() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".env.example")
        let document = try DotEnv.parse(String(contentsOf: url, encoding: .utf8), file: ".env.example", mode: .strict)
        #expect(document.bindings.isEmpty)
    }
}

extension String {
    /// Whether a space occurs at or after the given offset.
    fileprivate func contains(_ character: Character, after offset: Int) -> Bool {
        dropFirst(offset).contains(character)
    }
}

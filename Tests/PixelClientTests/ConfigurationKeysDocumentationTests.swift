import Foundation
import PixelClient
import Settings
import Testing

/// The `## Configuration keys` lists of the README and of `PixelSettings.init(config:)` say what
/// the schema says, one line per key, as swift-configuration's libraries document theirs.
struct ConfigurationKeysDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func expected() -> [String] {
        PixelSettings.schema.fields.map { field in
            let type: String
            switch field.type {
            case .string, .enumeration, .url: type = "string"
            case .bool: type = "bool"
            case .integer: type = "int"
            case .double, .seconds: type = "double"
            }
            var attributes = [type]
            switch field.requirement {
            case .required: attributes.append("required")
            case .optional: attributes.append("optional")
            case .defaultValue(.duration(let duration)):
                attributes.append("optional, default: `\(duration.components.seconds)`")
            case .defaultValue(let value): attributes.append("optional, default: `\(value)`")
            }
            if field.isSecret { attributes.append("secret") }
            return "- `\(PixelSettings.configKeys[field.name] ?? "?")` (\(attributes.joined(separator: ", "))): \(field.doc)"
        }
    }

    /// The list items of `text`, continuation lines joined to their item.
    static func items(_ lines: [Substring]) -> [String] {
        var items: [String] = []
        for line in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("- ") { items.append(line) } else if !items.isEmpty { items[items.count - 1] += " " + line }
        }
        return items
    }

    @Test func theReadmeListsEveryKeyAsTheSchemaDeclaresIt() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(text.range(of: "<!-- config-keys:start -->"))
        let end = try #require(text.range(of: "<!-- config-keys:end -->"))
        #expect(Self.items(text[start.upperBound..<end.lowerBound].split(separator: "\n")) == Self.expected())
    }

    @Test func theInitializersDocumentationListsEveryKeyAsTheSchemaDeclaresIt() throws {
        let path = "Sources/PixelClient/Configuration/PixelSettings+ConfigReader.swift"
        let lines = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8).split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.contains("/// ## Configuration keys") })
        let list = lines[(start + 1)...].prefix { $0.contains("/// ") && !$0.contains("/// - Parameter") }
            .map { Substring($0.replacingOccurrences(of: "///", with: "")) }
        #expect(Self.items(Array(list)) == Self.expected())
    }
}

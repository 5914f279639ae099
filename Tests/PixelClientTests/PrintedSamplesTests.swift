import Foundation
import PixelClient
import Testing

/// Every Swift sample printed in the README and the DocC articles is compiled: it is a run of
/// lines of an example target or a test (which CI builds), unless it is marked as illustrative.
struct PrintedSamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The marker that exempts the next block (for code that must not compile, such as a blocking
    /// call from async code).
    static let illustrative = "<!-- illustrative: not compiled -->"

    struct Sample: CustomStringConvertible {
        var file: String
        var line: Int
        var lines: [String]
        var description: String { "\(file):\(line)" }
    }

    static func documents() throws -> [String] {
        let catalog = root.appendingPathComponent("Sources/PixelClient/PixelClient.docc")
        let articles = try FileManager.default.contentsOfDirectory(atPath: catalog.path).filter { $0.hasSuffix(".md") }.sorted()
        return ["README.md"] + articles.map { "Sources/PixelClient/PixelClient.docc/" + $0 }
    }

    static func samples(in file: String) throws -> [Sample] {
        let lines = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        var samples: [Sample] = []
        var index = 0
        while index < lines.count {
            guard lines[index].trimmingCharacters(in: .whitespaces) == "```swift" else {
                index += 1
                continue
            }
            let previous = lines[..<index].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let start = index + 1
            var end = start
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
            if previous?.trimmingCharacters(in: .whitespaces) != illustrative {
                samples.append(Sample(file: file, line: start + 1, lines: normalized(Array(lines[start..<min(end, lines.count)]))))
            }
            index = end + 1
        }
        return samples
    }

    /// Lines as the formatter may leave them: without indentation, runs of spaces as one space,
    /// no trailing comma; blank lines dropped. A sample may align its comments differently from
    /// the formatted example it quotes, and still be the same code.
    static func normalized(_ lines: [String]) -> [String] {
        lines.map { line in
            var text = line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix(",") { text.removeLast() }
            return text
        }.filter { !$0.isEmpty }
    }

    /// The compiled sources samples may quote: the examples and the tests.
    static func compiledSources() throws -> [[String]] {
        var sources: [[String]] = []
        for directory in ["Examples", "Tests"] {
            let base = root.appendingPathComponent(directory)
            guard let files = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in files where path.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                sources.append(normalized(text.components(separatedBy: "\n")))
            }
        }
        return sources
    }

    static func isQuoted(_ sample: [String], in source: [String]) -> Bool {
        guard !sample.isEmpty, sample.count <= source.count else { return sample.isEmpty }
        return (0...(source.count - sample.count)).contains { start in source[start..<(start + sample.count)].elementsEqual(sample) }
    }

    @Test func everyPrintedSwiftSampleIsCompiledCode() throws {
        let sources = try Self.compiledSources()
        var checked = 0
        for file in try Self.documents() {
            for sample in try Self.samples(in: file) {
                checked += 1
                #expect(sources.contains { Self.isQuoted(sample.lines, in: $0) }, "\(sample) is not in Examples/ or Tests/")
            }
        }
        #expect(checked >= 10)
    }

    @Test func theCheckerFindsASampleThatIsNotCompiled() {
        let source = Self.normalized(["let a = 1", "    let b = 2  // two", "", "print(a + b)"])
        #expect(Self.isQuoted(Self.normalized(["let b = 2        // two", "print(a + b)"]), in: source))
        #expect(!Self.isQuoted(Self.normalized(["let b = 3"]), in: source))
    }
}

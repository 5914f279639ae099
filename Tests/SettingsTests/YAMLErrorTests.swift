import Settings
import Testing

/// Broken and hostile YAML yields located errors, quickly, and never crashes.
@Suite struct YAMLErrorTests {
    private func error(_ text: String, limits: YAMLLimits = YAMLLimits()) -> SettingsFileError? {
        error(Array(text.utf8), limits: limits)
    }

    private func error(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> SettingsFileError? {
        do {
            _ = try YAMLDocument.parse(bytes, file: "pixel.yaml", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    private func at(_ line: Int, _ column: Int) -> Settings.SourceLocation {
        Settings.SourceLocation(file: "pixel.yaml", line: line, column: column)
    }

    @Test func aDuplicateKeyNamesTheKeyAndBothLocations() throws {
        let failure = try #require(error("tenant: a\nusername: u\ntenant: b\n"))
        #expect(failure.format == .yaml)
        #expect(failure.location == at(3, 1))
        #expect(failure.relatedLocation == at(1, 1))
        #expect(failure.message.contains("\"tenant\""))
        #expect(failure.description.hasPrefix("pixel.yaml:3:1: "))
    }

    @Test func duplicateKeysAreFoundInNestedFlowMappingsAndAcrossQuoting() throws {
        let nested = try #require(error("pixel:\n  auth: {url: x, 'url': y}\n"))
        #expect(nested.location == at(2, 18))
        #expect(nested.relatedLocation == at(2, 10))
        // The same key in different mappings is fine.
        #expect(error("a: {x: 1}\nb: {x: 2}\n") == nil)
    }

    @Test func aNineLevelBillionLaughsIsRejectedAtAnEarlyAlias() throws {
        let lols = Array(repeating: "\"lol\"", count: 9).joined(separator: ", ")
        var lines = ["a: &a [\(lols)]"]
        let names = Array("abcdefghi")
        for level in 1..<9 {
            let previous = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ")
            lines.append("\(names[level]): &\(names[level]) [\(previous)]")
        }
        let failure = try #require(error(lines.joined(separator: "\n") + "\n"))
        #expect(failure.message.contains("10000 nodes"))
        // Levels a–d expand to ~8,300 nodes; the first alias on line 5 crosses the budget, so the
        // parser never gets near the 10^9 nodes of the last level.
        #expect(failure.location == at(5, 8))
    }

    @Test func theAliasBudgetCountsEveryUse() throws {
        let text = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
        #expect(error(text, limits: YAMLLimits(maxNodes: 100)) == nil)
        let failure = try #require(error(text, limits: YAMLLimits(maxNodes: 15)))
        #expect(failure.location == at(2, 9))
        #expect(failure.message.contains("alias *a"))
    }

    @Test func nestingDeeperThanTheLimitIsRejectedWhereItStarts() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let failure = try #require(error(deep))
        #expect(failure.location == at(1, 65))
        #expect(failure.message.contains("64"))
        #expect(error(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    }

    /// Found by fuzzing: an alias pastes its anchor's collections below the ones open where it is
    /// used, which nested a document deeper than the limit without opening a collection there.
    @Test func anAliasCannotNestACopyDeeperThanTheLimit() throws {
        let limits = YAMLLimits(maxDepth: 4)
        // [[x]] is 2 levels; used inside 2 open levels it reaches 4, inside 3 it would be 5.
        #expect(error("a: &a [[x]]\nb: [*a]\n", limits: limits) == nil)
        let failure = try #require(error("a: &a [[x]]\nb: [[*a]]\n", limits: limits))
        #expect(failure.location == at(2, 6))
        #expect(failure.message == "alias *a nests deeper than the limit of 4 levels")
        // A chain of aliases, each one level deeper, stops at the limit too.
        let chain = "a: &a [x]\nb: &b [*a]\nc: &c [*b]\nd: &d [*c]\n"
        #expect(try #require(error(chain, limits: limits)).location == at(4, 8))
    }

    @Test func deepBlockNestingIsRejectedToo() throws {
        let text = (0..<10).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        let failure = try #require(error(text, limits: YAMLLimits(maxDepth: 5)))
        #expect(failure.location == at(6, 11))
    }

    @Test func hugeUnclosedNestingFailsWithoutCrashing() throws {
        #expect(error(String(repeating: "[", count: 200_000)) != nil)
        #expect(error(String(repeating: "- ", count: 50_000) + "x") != nil)
    }

    @Test func moreThanOneDocumentIsRejectedAtTheSecondStart() throws {
        let failure = try #require(error("a: 1\n---\nb: 2\n"))
        #expect(failure.location == at(2, 1))
        #expect(failure.message.contains("more than one YAML document"))
    }

    @Test func invalidUTF8IsReportedAsSuchWithItsLocation() throws {
        let bytes = Array("a: 1\nb: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let failure = try #require(error(bytes))
        #expect(failure.message == "the file is not valid UTF-8 (invalid trailing UTF-8 octet at byte offset 12); settings files must be UTF-8")
        // libyaml points at the byte that breaks the sequence: the "(" after 0xC3.
        #expect(failure.location == at(2, 8))
        let loneByte = try #require(error(Array("x: ".utf8) + [0xFF]))
        #expect(loneByte.location == at(1, 4))
        // The bytes themselves are never quoted: they could be part of a password.
        #expect(!loneByte.message.contains("0xFF") && !loneByte.message.contains("FF"))
    }

    @Test func utf16IsRejectedAsNotUTF8() throws {
        let failure = try #require(error([0xFF, 0xFE] + Array("a: 1".utf8)))
        #expect(failure.message.contains("not valid UTF-8"))
        #expect(failure.location == at(1, 1))
    }

    @Test func offsetsAfterAByteOrderMarkCountTheMark() throws {
        let failure = try #require(error([0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xFF]))
        #expect(failure.location == at(1, 4))
        #expect(failure.message.contains("byte offset 6"))
    }

    @Test func controlCharactersAreNamed() throws {
        let failure = try #require(error(Array("a: b".utf8) + [0x00]))
        #expect(failure.message.contains("U+0000"))
        #expect(failure.location == at(1, 5))
    }

    @Test func aSyntaxErrorPointsAtTheProblem() throws {
        let failure = try #require(error("pixel:\n  tenant: a: b\n"))
        #expect(failure.location == at(2, 12))
        #expect(failure.message.hasPrefix("YAML syntax error: mapping values are not allowed"))
    }

    /// Found by fuzzing: libyaml puts the end of a stream without a final line break on a line
    /// that does not exist.
    @Test func anErrorAtTheEndOfAFileWithoutALineBreakNamesItsLastLine() throws {
        let failure = try #require(error(" ["))
        #expect(failure.location == at(1, 3))
        #expect(failure.relatedLocation == at(1, 3))
        #expect(try #require(error("a: [1,\n  2")).location == at(2, 4))
        // With the line break the next line exists, and is named.
        #expect(try #require(error(" [\n")).location == at(2, 1))
        // The same for the empty nodes libyaml reports there.
        let root = try #require(try YAMLDocument.parse("?", file: "pixel.yaml"))
        #expect(root.entries?.first?.value.location == at(1, 2))
    }

    @Test func anUnclosedFlowSequenceNamesWhereItStarted() throws {
        let failure = try #require(error("a: [1, 2\nb: 3\n"))
        #expect(failure.message.contains("flow sequence"))
        #expect(failure.relatedLocation == at(1, 4))
    }

    @Test func aMappingOrSequenceKeyIsRejected() throws {
        let failure = try #require(error("? [a, b]\n: c\n"))
        #expect(failure.location == at(1, 3))
        #expect(failure.message.contains("must be a scalar, not a sequence"))
    }

    @Test func unknownAndRecursiveAliasesAreRejected() throws {
        let unknown = try #require(error("a: *nope\n"))
        #expect(unknown.location == at(1, 4))
        #expect(unknown.message.contains("*nope"))
        let recursive = try #require(error("a: &x [1, *x]\n"))
        #expect(recursive.location == at(1, 11))
        #expect(recursive.message.contains("recursive"))
        // Re-anchoring an open node under an earlier name still makes the alias recursive.
        let shadowed = try #require(error("a: &x 1\nb: &x [*x]\n"))
        #expect(shadowed.location == at(2, 8))
        #expect(error("a: &x 1\nb: &x [2]\nc: *x\n") == nil)
    }

    @Test func inputLargerThanTheLimitIsRejectedBeforeParsing() throws {
        let failure = try #require(error("a: 12345\n", limits: YAMLLimits(maxBytes: 8)))
        #expect(failure.location == at(1, 1))
        #expect(failure.message.contains("limit of 8 bytes"))
    }

    @Test func aRootThatIsNotAMappingIsALocatedErrorForSettings() throws {
        #expect(try YAMLDocument.parse("- a\n- b\n") != nil)
        do {
            _ = try YAMLDocument.parseMapping(Array("\n- a\n- b\n".utf8), file: "pixel.yaml")
            Issue.record("a sequence root was accepted")
        } catch {
            #expect(error.location == at(2, 1))
            #expect(error.message == "the document root must be a mapping (key: value lines), not a sequence")
        }
        #expect(try YAMLDocument.parseMapping(Array("# nothing\n".utf8)) == nil)
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("ab:-[]{}&*!|>'\"#?,.~ \n\t\r%@`\\0".utf8) + [0xC3, 0xFF, 0x00, 0xE2, 0x80]
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 64)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = try? YAMLDocument.parse(bytes, limits: YAMLLimits(maxDepth: 8, maxNodes: 200))
        }
    }
}

/// A tiny deterministic generator so the byte soup is the same on every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

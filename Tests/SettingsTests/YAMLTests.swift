import Settings
import Testing

/// The YAML tree keeps text, style, tag and location, and guesses no types.
@Suite struct YAMLTreeTests {
    private func parse(_ text: String) throws -> YAMLNode {
        try #require(try YAMLDocument.parse(text, file: "pixel.yaml"))
    }

    @Test func scalarsThatLookTypedStayExactlyTheTextThatWasWritten() throws {
        let root = try parse(
            """
            answer: NO
            zip: 012345
            version: 1.10
            switch: on
            big: 1e3
            hex: 0x1F
            quoted: "NO"
            single: 'on'
            """
        )
        #expect(root.value(forKey: "answer")?.kind == .scalar("NO", .plain))
        #expect(root.value(forKey: "zip")?.kind == .scalar("012345", .plain))
        #expect(root.value(forKey: "version")?.kind == .scalar("1.10", .plain))
        #expect(root.value(forKey: "switch")?.kind == .scalar("on", .plain))
        #expect(root.value(forKey: "big")?.kind == .scalar("1e3", .plain))
        #expect(root.value(forKey: "hex")?.kind == .scalar("0x1F", .plain))
        #expect(root.value(forKey: "quoted")?.kind == .scalar("NO", .doubleQuoted))
        #expect(root.value(forKey: "single")?.kind == .scalar("on", .singleQuoted))
    }

    @Test func literalAndFoldedBlocksKeepTheirStyleAndLineBreaks() throws {
        let root = try parse(
            """
            literal: |
              line one
              line two
            folded: >
              folded
              text
            stripped: |-
              no newline
            """
        )
        #expect(root.value(forKey: "literal")?.kind == .scalar("line one\nline two\n", .literal))
        #expect(root.value(forKey: "folded")?.kind == .scalar("folded text\n", .folded))
        #expect(root.value(forKey: "stripped")?.kind == .scalar("no newline", .literal))
    }

    @Test func nullFormsAreAbsentButQuotedEmptyAndTheWordInQuotesAreText() throws {
        let root = try parse(
            """
            tilde: ~
            word: null
            upper: NULL
            empty:
            tagged: !!null whatever
            quotedEmpty: ''
            quotedWord: "null"
            """
        )
        for key in ["tilde", "word", "upper", "empty", "tagged"] {
            #expect(root.value(forKey: key)?.isNull == true, "\(key) should be null")
        }
        #expect(root.value(forKey: "quotedEmpty")?.isNull == false)
        #expect(root.value(forKey: "quotedWord")?.kind == .scalar("null", .doubleQuoted))
    }

    @Test func everyNodeKnowsItsOneBasedLineAndColumn() throws {
        let root = try parse(
            """
            # settings
            pixel:
              tenant: acme
              retries: [1, 2]
            """
        )
        #expect(root.location == Settings.SourceLocation(file: "pixel.yaml", line: 2, column: 1))
        let pixel = try #require(root.entries?.first)
        #expect(pixel.key.location == Settings.SourceLocation(file: "pixel.yaml", line: 2, column: 1))
        let tenant = try #require(pixel.value.entries?.first)
        #expect(tenant.key.location == Settings.SourceLocation(file: "pixel.yaml", line: 3, column: 3))
        #expect(tenant.value.location == Settings.SourceLocation(file: "pixel.yaml", line: 3, column: 11))
        let retries = try #require(pixel.value.value(forKey: "retries")?.items)
        #expect(retries.map(\.location.column) == [13, 16])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try parse("städte: 1\nx: \"ü\"\ny: ok\n")
        let entries = try #require(root.entries)
        #expect(entries[0].value.location.column == 9)
        #expect(entries[1].value.kind == .scalar("ü", .doubleQuoted))
    }

    @Test func flowStyleMappingsAndSequencesNest() throws {
        let root = try parse("{a: [1, 'two', {b: c}], d: {}, e: []}")
        let a = try #require(root.value(forKey: "a")?.items)
        #expect(a.map(\.kindName) == ["scalar", "scalar", "mapping"])
        #expect(a[1].kind == .scalar("two", .singleQuoted))
        #expect(a[2].value(forKey: "b")?.scalarText == "c")
        #expect(root.value(forKey: "d")?.entries?.isEmpty == true)
        #expect(root.value(forKey: "e")?.items?.isEmpty == true)
    }

    @Test func commentsAreIgnoredAndKeyOrderIsKept() throws {
        let root = try parse("# head\nz: 1 # trailing\n# middle\na: \"# not a comment\"\nm: x#y\n# tail\n")
        #expect(root.entries?.map { $0.key.scalarText } == ["z", "a", "m"])
        #expect(root.value(forKey: "z")?.scalarText == "1")
        #expect(root.value(forKey: "a")?.scalarText == "# not a comment")
        #expect(root.value(forKey: "m")?.scalarText == "x#y")
    }

    @Test func anAliasYieldsACopyOfTheAnchoredNodeLocatedAtTheAlias() throws {
        let root = try parse(
            """
            base: &defaults
              timeout: 30
              retries: 3
            copy: *defaults
            name: &n acme
            again: *n
            """
        )
        let base = try #require(root.value(forKey: "base"))
        let copy = try #require(root.value(forKey: "copy"))
        #expect(copy.kind == base.kind)
        #expect(copy.location == Settings.SourceLocation(file: "pixel.yaml", line: 4, column: 7))
        #expect(copy.value(forKey: "timeout")?.location.line == 2)
        #expect(root.value(forKey: "again")?.scalarText == "acme")
    }

    @Test func explicitTagsAreKeptResolved() throws {
        let root = try parse("a: !!str 12\nb: !local x\nc: plain\n")
        #expect(root.value(forKey: "a")?.tag == "tag:yaml.org,2002:str")
        #expect(root.value(forKey: "a")?.scalarText == "12")
        #expect(root.value(forKey: "b")?.tag == "!local")
        #expect(root.value(forKey: "c")?.tag == nil)
    }

    @Test func mergeKeysAreOrdinaryKeys() throws {
        let root = try parse("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n")
        #expect(root.value(forKey: "derived")?.entries?.map { $0.key.scalarText } == ["<<", "y"])
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "--- ~\n", "null\n", "\u{FEFF}", "\u{FEFF}# bom and comment\n"])
    func documentsWithoutContentParseToNil(_ text: String) throws {
        #expect(try YAMLDocument.parse(text) == nil)
    }

    @Test func aByteOrderMarkAndCRLFLineBreaksAreAccepted() throws {
        let root = try #require(try YAMLDocument.parse(Array("\u{FEFF}a: 1\r\nb: 2\r\n".utf8)))
        #expect(root.value(forKey: "b")?.scalarText == "2")
        #expect(root.value(forKey: "b")?.location.line == 2)
        #expect(root.location.column == 1)
    }

    @Test func explicitDocumentMarkersAroundOneDocumentAreFine() throws {
        let root = try #require(try YAMLDocument.parse("%YAML 1.2\n---\na: 1\n...\n"))
        #expect(root.value(forKey: "a")?.scalarText == "1")
    }
}

@testable import Settings
import Testing

struct UnknownKeyTests {
    @Test func prefixedTypoInEnvironmentSuggestsTheNearestName() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["DEMO_USRNAME": "x"]) { $1 })
        let warning = try #require(resolved.warnings.first { $0.kind == .unknownKey })
        #expect(warning.description == "env DEMO_USRNAME: unknown setting DEMO_USRNAME; did you mean DEMO_USERNAME?")
        #expect(warning.suggestion == "DEMO_USERNAME")
    }

    @Test func unrelatedAndReservedKeysAreIgnoredSilently() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["PATH": "/bin", "HOME": "/root", "DEMO_ENV_FILE": "x"]) { $1 })
        #expect(resolved.warnings.isEmpty)
    }

    @Test func prefixedUnknownWithNoCloseNameHasNoSuggestion() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["DEMO_SOMETHING_ELSE_ENTIRELY": "x"]) { $1 })
        let warning = try #require(resolved.warnings.first)
        #expect(warning.suggestion == nil)
    }

    @Test func typoInDotEnvIsLocated() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "# comment\nOTHER_TOOL=1\nDEMO_PROT=9\n")
        let resolved = try resolveDemo(envFiles: [".env"], directory: directory.path)
        #expect(resolved.warnings.map(\.description) == [".env:3:1: unknown setting DEMO_PROT; did you mean DEMO_PORT?"])
    }

    @Test func typoInYAMLSectionAndAtRoot() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.yaml", "demo:\n  timout: 3\nother: 1\n")
        try directory.write("b.yaml", "DEMO_VERBOS: true\nlogging: debug\n")
        let resolved = try resolveDemo(yamlFiles: ["a.yaml", "b.yaml"], directory: directory.path)
        let texts = resolved.warnings.map(\.description).sorted()
        #expect(
            texts == [
                "a.yaml:2:3: unknown setting timout; did you mean timeout?",
                "b.yaml:1:1: unknown setting DEMO_VERBOS; did you mean DEMO_VERBOSE?",
            ])
    }
}

/// "Did you mean" compares only names whose length could be within the typo limit.
struct DidYouMeanTests {
    private let names = DidYouMean(names: ["DEMO_USERNAME", "DEMO_PASSWORD", "DEMO_PORT", "port"])

    @Test func typosStillFindTheirName() {
        #expect(names.suggestion(for: "DEMO_USRNAME") == "DEMO_USERNAME")
        #expect(names.suggestion(for: "demo_pasword") == "DEMO_PASSWORD")
        #expect(names.suggestion(for: "prot") == "port")
        #expect(names.suggestion(for: "DEMO_LABEL") == nil)
    }

    @Test func keysFarLongerThanAnyNameAreNotCompared() {
        #expect(names.suggestion(for: "DEMO_USERNAME" + String(repeating: "X", count: 250)) == nil)
        #expect(DidYouMean.editDistance(Array("DEMO_USERNAMEXXXXX".utf8), Array("DEMO_USERNAME".utf8)) == 5)
        // 18 characters allow 6 edits: five extra letters are still a typo.
        #expect(names.suggestion(for: "DEMO_USERNAMEXXXXX") == "DEMO_USERNAME")
    }
}

/// Text from files is escaped and cut before it goes into a message.
struct DisplayTextTests {
    @Test func controlCharactersSeparatorsAndBidirectionalOverridesAreEscaped() {
        #expect(DisplayText.quoted("a\u{1B}[2J\n\t\u{0}b") == #""a\u{1B}[2J\n\t\0b""#)
        #expect(DisplayText.inline("ab\u{202E}cd\u{2028}") == #"ab\u{202E}cd\u{2028}"#)
        #expect(DisplayText.inline("Ærø 😀 e\u{301}") == "Ærø 😀 e\u{301}")
    }

    @Test func longTextIsCutAndItsSizeSaid() {
        let long = String(repeating: "é", count: 100)
        #expect(DisplayText.quoted(long) == "\"" + String(repeating: "é", count: 64) + "…\" (200 bytes)")
        #expect(DisplayText.inline(long) == String(repeating: "é", count: 64) + "…")
    }
}

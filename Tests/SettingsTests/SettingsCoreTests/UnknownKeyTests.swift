import Settings
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
        #expect(texts == [
            "a.yaml:2:3: unknown setting timout; did you mean timeout?",
            "b.yaml:1:1: unknown setting DEMO_VERBOS; did you mean DEMO_VERBOSE?",
        ])
    }
}

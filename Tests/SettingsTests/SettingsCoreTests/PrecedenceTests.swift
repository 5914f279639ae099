import Settings
import Testing

/// Every pair of sources: the stronger one wins, and the weaker one is listed as overridden.
struct PrecedenceTests {
    static let kinds: [SettingSourceKind] = [.explicit, .environment, .dotEnv, .yaml, .defaultValue]
    static let portByKind: [SettingSourceKind: Int] = [.explicit: 1001, .environment: 1002, .dotEnv: 1003, .yaml: 1004, .defaultValue: 8080]

    static var pairs: [(SettingSourceKind, SettingSourceKind)] {
        kinds.enumerated().flatMap { index, strong in kinds.dropFirst(index + 1).map { (strong, $0) } }
    }

    /// Resolves `port` with exactly the given sources set (the default is always there).
    static func resolvePort(with kinds: Set<SettingSourceKind>) throws -> ResolvedSettings {
        let directory = try TemporaryDirectory()
        var env = demoRequired
        var explicit: [String: SettingValue] = [:]
        var envFiles: [SettingsFile] = []
        var yamlFiles: [SettingsFile] = []
        if kinds.contains(.explicit) { explicit["port"] = .int(1001) }
        if kinds.contains(.environment) { env["DEMO_PORT"] = "1002" }
        if kinds.contains(.dotEnv) {
            try directory.write(".env", "DEMO_PORT=1003\n")
            envFiles = [".env"]
        }
        if kinds.contains(.yaml) {
            try directory.write("demo.yaml", "DEMO_PORT: 1004\n")
            yamlFiles = ["demo.yaml"]
        }
        return try resolveDemo(env: env, explicit: explicit, envFiles: envFiles, yamlFiles: yamlFiles, directory: directory.path)
    }

    @Test(arguments: pairs)
    func strongerSourceWins(strong: SettingSourceKind, weak: SettingSourceKind) throws {
        let resolved = try Self.resolvePort(with: [strong, weak])
        #expect(resolved.int("port") == Self.portByKind[strong])
        let provenance = try #require(resolved.provenance["port"])
        #expect(provenance.origin?.kind == strong)
        // The default is always a candidate, so it is always among the losers.
        let expectedLosers: [SettingSourceKind] = weak == .defaultValue ? [weak] : [weak, .defaultValue]
        #expect(provenance.overridden.map(\.origin.kind) == expectedLosers)
        #expect(provenance.overridden.first?.displayValue == Self.portByKind[weak].map(String.init))
    }

    @Test func allSourcesTogetherRankInOrder() throws {
        let resolved = try Self.resolvePort(with: Set(Self.kinds))
        let provenance = try #require(resolved.provenance["port"])
        #expect(resolved.int("port") == 1001)
        #expect([provenance.origin?.kind] + provenance.overridden.map(\.origin.kind) == Self.kinds)
    }

    @Test func unsetOptionalIsAbsentAndExplicitSetsIt() throws {
        #expect(try resolveDemo()["label"] == nil)
        #expect(try resolveDemo().provenance["label"]?.origin == nil)
        let explicit = try resolveDemo(explicit: ["label": .string("x")])
        #expect(explicit.string("label") == "x")
        #expect(explicit.provenance["label"]?.origin?.description == "explicit")
    }

    @Test func explicitValuesMayUseEnvNamesAndAreTypeChecked() throws {
        #expect(try resolveDemo(explicit: ["DEMO_PORT": .string("0042")]).int("port") == 42)
        #expect(throws: SettingsError.self) { try resolveDemo(explicit: ["port": .bool(true)]) }
        #expect(throws: SettingsError.self) { try resolveDemo(explicit: ["nonsense": .int(1)]) }
    }

    @Test func laterFilesOfOneKindWin() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.env", "DEMO_PORT=1\nDEMO_LABEL=from-a\n")
        try directory.write("b.env", "DEMO_PORT=2\n")
        let resolved = try resolveDemo(envFiles: ["a.env", "b.env"], directory: directory.path)
        #expect(resolved.int("port") == 2)
        #expect(resolved.string("label") == "from-a")
        #expect(resolved.provenance["port"]?.origin?.location == SourceLocation(file: "b.env", line: 1, column: 1))
    }

    @Test func emptyEnvironmentValueCountsAsGiven() throws {
        #expect(try resolveDemo(env: demoRequired.merging(["DEMO_LABEL": ""]) { $1 }).string("label") == "")
        #expect(throws: SettingsError.self) { try resolveDemo(env: demoRequired.merging(["DEMO_PORT": ""]) { $1 }) }
    }
}

import Settings
import Testing

struct AliasTests {
    @Test func sourcePriorityBeatsAliasOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_USERNAME=from-dotenv\n")
        var env = demoRequired
        env["DEMO_USERNAME"] = nil
        env["LEGACY_USERNAME"] = "from-env-alias"
        let resolved = try resolveDemo(env: env, envFiles: [".env"], directory: directory.path)
        #expect(resolved.string("username") == "from-env-alias")
        let provenance = try #require(resolved.provenance["username"])
        #expect(provenance.origin?.description == "env LEGACY_USERNAME")
        #expect(provenance.matchedName == "LEGACY_USERNAME")
        #expect(provenance.overridden.map(\.origin.description) == [".env:1:1 (DEMO_USERNAME)"])
    }

    @Test func canonicalNameWinsWithinOneSourceAndConflictWarns() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["LEGACY_USERNAME": "other"]) { $1 })
        #expect(resolved.string("username") == "me")
        let warning = try #require(resolved.warnings.first { $0.kind == .aliasConflict })
        #expect(warning.field == "username")
        #expect(warning.description.contains("DEMO_USERNAME"))
        #expect(warning.description.contains("LEGACY_USERNAME"))
    }

    @Test func equalAliasValuesDoNotWarn() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["LEGACY_USERNAME": "me"]) { $1 })
        #expect(resolved.warnings.isEmpty)
    }

    @Test func conflictCanBeAnError() throws {
        let error = try #require(throws: SettingsError.self) {
            try resolveDemo(env: demoRequired.merging(["LEGACY_PASSWORD": "other"]) { $1 }, aliasConflicts: .error)
        }
        #expect(error.problems.count == 1)
        #expect(error.description.contains("password: env DEMO_PASSWORD and env LEGACY_PASSWORD have different values"))
        #expect(!error.description.contains(sentinel))
    }

    @Test func deprecatedAliasWarnsWithCanonicalName() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["DEMO_OLD_SERVER": "http://old.example"]) { $1 })
        #expect(resolved.string("server") == "http://old.example")
        let warning = try #require(resolved.warnings.first { $0.kind == .deprecatedName })
        #expect(warning.message == "DEMO_OLD_SERVER is deprecated; use DEMO_SERVER")
    }

    @Test func envNamesAreCaseSensitive() throws {
        let resolved = try resolveDemo(env: demoRequired.merging(["demo_port": "1"]) { $1 })
        #expect(resolved.int("port") == 8080)
    }

    @Test func aliasesWorkInDotEnvAndYAML() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "LEGACY_USERNAME=dot\n")
        try directory.write("c.yaml", "legacy_password: yaml-pass\n")
        let resolved = try resolveDemo(env: [:], envFiles: [".env"], yamlFiles: ["c.yaml"], directory: directory.path)
        #expect(resolved.string("username") == "dot")
        #expect(resolved.secret("password")?.reveal() == "yaml-pass")
        #expect(resolved.provenance["password"]?.origin?.description == "c.yaml:1:1 (legacy_password)")
    }
}

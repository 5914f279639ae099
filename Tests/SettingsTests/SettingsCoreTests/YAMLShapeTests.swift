import Settings
import Testing

struct YAMLShapeTests {
    func resolve(_ yaml: String) throws -> ResolvedSettings {
        let directory = try TemporaryDirectory()
        try directory.write("s.yaml", yaml)
        return try resolveDemo(env: [:], yamlFiles: ["s.yaml"], directory: directory.path)
    }

    @Test func stringFieldsKeepPlainScalarTextExactly() throws {
        for text in ["NO", "012345", "1.10", "on", "0x1F"] {
            let resolved = try resolve("username: \(text)\npassword: p\n")
            #expect(resolved.string("username") == text)
        }
    }

    @Test func typedFieldsConvertQuotedOrPlainScalars() throws {
        let resolved = try resolve("username: u\npassword: p\nport: '012'\nverbose: Yes\ntimeout: 2.5\nratio: \"1e3\"\n")
        #expect(resolved.int("port") == 12)
        #expect(resolved.bool("verbose") == true)
        #expect(resolved.duration("timeout") == .milliseconds(2500))
        #expect(resolved.double("ratio") == 1000)
    }

    @Test(arguments: ["null", "~", "", "Null", "!!null x"])
    func nullIsAbsent(text: String) throws {
        let resolved = try resolve("username: u\npassword: p\nlabel: \(text)\nport: \(text)\n")
        #expect(resolved["label"] == nil)
        #expect(resolved.int("port") == 8080)
    }

    @Test func quotedNullIsText() throws {
        #expect(try resolve("username: u\npassword: p\nlabel: 'null'\n").string("label") == "null")
    }

    @Test func keysMayBeEnvNamesAliasesOrFieldNamesInAnyCase() throws {
        let resolved = try resolve("DEMO_USERNAME: a\nlegacy_password: b\nPort: 7\nDemo_Mode: dev\n")
        #expect(resolved.string("username") == "a")
        #expect(resolved.secret("password")?.reveal() == "b")
        #expect(resolved.int("port") == 7)
        #expect(resolved.string("mode") == "dev")
    }

    @Test func sectionIsReadAndKnownKeysOutsideItWarn() throws {
        let resolved = try resolve("port: 1\ndemo:\n  username: a\n  password: b\n  port: 2\n")
        #expect(resolved.int("port") == 2)
        #expect(resolved.warnings.map(\.kind) == [.ignoredYAML])
    }

    @Test func nonMappingRootIsALocatedError() throws {
        let error = try #require(throws: SettingsError.self) { try resolve("- a\n- b\n") }
        #expect(error.description.contains("s.yaml:1:1: the top level must be a mapping"))
    }

    @Test func nestedValueForAScalarFieldIsALocatedError() throws {
        let error = try #require(throws: SettingsError.self) { try resolve("username: u\npassword: p\nport:\n  a: 1\n") }
        #expect(error.description.contains("port: s.yaml:3:1 (port) = \"<a mapping>\" is not a single value"))
    }

    @Test func emptyFileIsNoSettings() throws {
        let error = try #require(throws: SettingsError.self) { try resolve("") }
        #expect(error.problems.count == 2)
    }
}

import Foundation
import Settings
import Testing

struct SettingsErrorTests {
    @Test func everyProblemIsListedAtOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("s.yaml", "port: 99999\n")
        let error = try #require(throws: SettingsError.self) {
            try resolveDemo(
                env: ["DEMO_MODE": "staging", "DEMO_TIMEOUT": "abc"], envFiles: [".env"], yamlFiles: ["s.yaml"],
                directory: directory.path)
        }
        let text = error.description
        #expect(error.problems.count == 5)
        #expect(text.hasPrefix("5 settings problems:"))
        #expect(text.contains("username: missing; looked for env DEMO_USERNAME, LEGACY_USERNAME; files: .env (absent), s.yaml"))
        #expect(text.contains("password: missing; looked for env DEMO_PASSWORD, LEGACY_PASSWORD"))
        #expect(text.contains("mode: env DEMO_MODE = \"staging\" is not one of dev, test, prod"))
        #expect(text.contains("port: s.yaml:1:1 (port) = \"99999\" is not a decimal integer in 1...65535"))
        #expect(text.contains("timeout: env DEMO_TIMEOUT = \"abc\" is not a positive number of seconds"))
    }

    @Test func requiredFileThatIsMissingIsAnError() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: SettingsError.self) {
            try resolveDemo(envFiles: [SettingsFile("prod.env", required: true)], directory: directory.path)
        }
        #expect(error.description.contains("prod.env: cannot be read (it does not exist)"))
    }

    @Test func fileErrorsAreIncludedWithTheirLocation() throws {
        let directory = try TemporaryDirectory()
        try directory.write("s.yaml", "a: [1, 2\n")
        let error = try #require(throws: SettingsError.self) { try resolveDemo(yamlFiles: ["s.yaml"], directory: directory.path) }
        guard case .file(let fileError)? = error.problems.first else {
            Issue.record("expected a file problem, got \(error)")
            return
        }
        #expect(fileError.location.file == "s.yaml")
    }

    /// The sentinel password goes through every path: env, `.env`, YAML, explicit, an invalid
    /// secret value, an alias conflict; it must never be printed.
    @Test func sentinelNeverLeaks() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_PASSWORD=\(sentinel)\nLEGACY_PASSWORD=\(sentinel)x\n")
        try directory.write("s.yaml", "password: \(sentinel)\n")
        let resolved = try resolveDemo(
            env: ["DEMO_USERNAME": "u", "LEGACY_PASSWORD": sentinel], explicit: ["password": .secret(Secret(sentinel))],
            envFiles: [".env"], yamlFiles: ["s.yaml"], directory: directory.path)
        #expect(resolved.secret("password")?.reveal() == sentinel)
        var texts = [resolved.description, resolved.explain(), "\(resolved.inputs)", String(describing: resolved.values)]
        texts += resolved.warnings.map(\.description)
        texts += resolved.provenance.values.map(\.description)
        let json = try JSONEncoder().encode(resolved.provenance)
        texts.append(String(decoding: json, as: UTF8.self))
        texts.append(String(decoding: try JSONEncoder().encode(resolved.values), as: UTF8.self))
        texts.append(String(decoding: try JSONEncoder().encode(resolved.warnings), as: UTF8.self))
        let whole = String(decoding: try JSONEncoder().encode(resolved), as: UTF8.self)
        #expect(whole.contains("\"password\":\"<redacted>\""))
        texts.append(whole)
        var dumped = ""
        dump(resolved, to: &dumped)
        texts.append(dumped)
        for text in texts { #expect(!text.contains(sentinel)) }

        // A secret field whose type check fails, and a conflict under `.error`.
        let strict = SettingsSchema(
            name: "s", prefixes: [],
            fields: [
                SettingField("pin", env: ["PIN", "OLD_PIN"], type: .int, requirement: .required, secret: true, doc: "A secret number.")
            ])
        for env in [["PIN": sentinel], ["PIN": "1", "OLD_PIN": sentinel]] {
            let error = try #require(throws: SettingsError.self) {
                try SettingsResolver(schema: strict).resolve(SettingsSources(environment: .dictionary(env), aliasConflicts: .error))
            }
            #expect(!error.description.contains(sentinel))
            #expect(!String(describing: error.problems).contains(sentinel))
            var errorDump = ""
            dump(error, to: &errorDump)
            #expect(!errorDump.contains(sentinel))
        }
    }
}

import Configuration
import Settings
import SettingsConfiguration
import SystemPackage
import Testing

struct LocatedYAMLSnapshotTests {
    private func provider(_ text: String, _ body: (FileProvider<LocatedYAMLSnapshot>) throws -> Void) async throws {
        try await withSettingsFile("config.yaml", text) { path in
            try body(try await FileProvider<LocatedYAMLSnapshot>(parsingOptions: .init(fileName: "config.yaml"), filePath: .init(path)))
        }
    }

    @Test func nestedMappingsBecomeDottedKeysWithTheirPlace() async throws {
        try await provider("pixel:\n  tenant: acme\n  apiTimeout: 20\n  flags: [a, b]\n") { provider in
            let config = ConfigReader(provider: provider)
            #expect(config.string(forKey: "pixel.tenant") == "acme")
            #expect(config.int(forKey: "pixel.apiTimeout") == 20)
            #expect(config.double(forKey: "pixel.apiTimeout") == 20)
            #expect(config.stringArray(forKey: "pixel.flags") == ["a", "b"])
            let tenant = try provider.value(forKey: "pixel.tenant", type: .string)
            #expect(tenant.encodedKey == "pixel.tenant (config.yaml:2:3)")
        }
    }

    @Test func textStaysTextUntilATypeIsAskedFor() async throws {
        try await provider("password: NO\ntenant: 012345\nversion: 1.10\nflag: on\n") { provider in
            let config = ConfigReader(provider: provider)
            #expect(config.string(forKey: "password") == "NO")
            #expect(config.string(forKey: "tenant") == "012345")
            #expect(config.int(forKey: "tenant") == 12345)  // decimal, never octal
            #expect(config.string(forKey: "version") == "1.10")
            #expect(config.bool(forKey: "flag") == true)
        }
    }

    @Test func nullTildeAndEmptyAreAbsent() async throws {
        try await provider("a: null\nb: ~\nc:\nd: 'null'\n") { provider in
            let config = ConfigReader(provider: provider)
            #expect(config.string(forKey: "a") == nil)
            #expect(config.string(forKey: "b") == nil)
            #expect(config.string(forKey: "c") == nil)
            #expect(config.string(forKey: "d") == "null")
        }
    }

    @Test func aDottedKeyCollidingWithANestedOneIsAnErrorNamingBoth() async throws {
        let error = try await #require(throws: SettingsFileError.self) {
            try await self.provider("pixel.tenant: a\npixel:\n  tenant: b\n") { _ in }
        }
        #expect(error.location.description == "config.yaml:3:3")
        #expect(error.relatedLocation?.description == "config.yaml:1:1")
    }

    @Test func malformedYAMLIsALocatedError() async throws {
        let error = try await #require(throws: SettingsFileError.self) {
            try await self.provider("pixel:\n  tenant: [acme\n") { _ in }
        }
        #expect(error.location.file == "config.yaml")
    }

    @Test func aValueOfTheWrongShapeIsALocatedErrorWithoutTheValue() async throws {
        try await provider("pixel:\n  apiTimeout: \(sentinel)\n") { provider in
            let error = try #require(throws: LocatedConfigValueError.self) {
                try provider.value(forKey: "pixel.apiTimeout", type: .int)
            }
            #expect(error.description == "config.yaml:2:3: pixel.apiTimeout cannot be read as int")
        }
    }

    @Test func secretsAreRedacted() async throws {
        try await withSettingsFile("config.yaml", "pixel:\n  password: \(sentinel)\n") { path in
            let provider = try await FileProvider<LocatedYAMLSnapshot>(
                parsingOptions: .init(secretsSpecifier: .specific(["pixel.password"])), filePath: .init(path))
            let reporter = RecordingAccessReporter()
            #expect(ConfigReader(provider: provider, accessReporter: reporter).string(forKey: "pixel.password") == sentinel)
            let snapshot = try #require(provider.snapshot() as? LocatedYAMLSnapshot)
            #expect(snapshot.debugDescription.contains("pixel.password@2:3=<REDACTED>"))
            for text in [snapshot.description, snapshot.debugDescription] + reporter.all {
                #expect(!text.contains(sentinel))
            }
        }
    }
}

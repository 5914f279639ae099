import Configuration
import Settings
import SettingsConfiguration
import SystemPackage
import Testing

struct DotEnvSnapshotTests {
    /// What swift-configuration's own `.env` reader gets wrong, read the python-dotenv way.
    static let pythonDotEnvText =
        "export PIXEL_USERNAME=me@example.com\r\n"
        + "PIXEL_TENANT=\"acme\"   # the tenant\r\n"
        + "PIXEL_PROXY='http://proxy:3128'\r\n"
        + "PIXEL_NOTE=\"two\nlines\"\r\n"
        + "PIXEL_API_URL=https://${HOST:-api.example.com}/acme\r\n"

    @Test func readsTheFileAsPythonDotEnvDoes() async throws {
        try await withSettingsFile(".env", Self.pythonDotEnvText) { path in
            let provider = try await FileProvider<DotEnvSnapshot>(
                parsingOptions: .init(fileName: ".env", environment: [:]), filePath: .init(path))
            let config = ConfigReader(provider: provider)
            #expect(config.string(forKey: "pixel.username") == "me@example.com")
            #expect(config.string(forKey: "pixel.tenant") == "acme")
            #expect(config.string(forKey: "pixel.proxy") == "http://proxy:3128")
            #expect(config.string(forKey: "pixel.note") == "two\nlines")
            #expect(config.string(forKey: "pixel.apiURL") == "https://api.example.com/acme")
        }
    }

    @Test func swiftConfigurationsOwnReaderGetsTheSameFileWrong() async throws {
        // The reason this snapshot exists; if this starts failing, upstream fixed its parser.
        try await withSettingsFile(".env", Self.pythonDotEnvText) { path in
            let naive = try await EnvironmentVariablesProvider(environmentFilePath: .init(path))
            let config = ConfigReader(provider: naive)
            #expect(config.string(forKey: "pixel.tenant") != "acme")
        }
    }

    @Test func interpolationSeesTheGivenEnvironment() async throws {
        try await withSettingsFile(".env", "PIXEL_API_URL=https://${HOST}/x\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(
                parsingOptions: .init(environment: ["HOST": "emulator.local"]), filePath: .init(path))
            #expect(ConfigReader(provider: provider).string(forKey: "pixel.apiURL") == "https://emulator.local/x")
        }
    }

    @Test func aFoundKeyNamesItsPlace() async throws {
        try await withSettingsFile(".env", "# settings\nPIXEL_API_TIMEOUT=20\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(parsingOptions: .init(fileName: ".env"), filePath: .init(path))
            let result = try provider.value(forKey: "pixel.apiTimeout", type: .int)
            #expect(result.encodedKey == "PIXEL_API_TIMEOUT (.env:2:1)")
            #expect(result.value == ConfigValue(.int(20), isSecret: false))
            #expect(try provider.value(forKey: "pixel.absent", type: .string).encodedKey == "PIXEL_ABSENT")
            let snapshot = try #require(provider.snapshot() as? DotEnvSnapshot)
            #expect(snapshot.location(forKey: "pixel.apiTimeout")?.description == ".env:2:1")
        }
    }

    @Test func aValueThatDoesNotConvertIsALocatedErrorWithoutTheValue() async throws {
        try await withSettingsFile(".env", "PIXEL_API_TIMEOUT=\(sentinel)\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(parsingOptions: .init(fileName: ".env"), filePath: .init(path))
            let error = try #require(throws: LocatedConfigValueError.self) {
                try provider.value(forKey: "pixel.apiTimeout", type: .int)
            }
            #expect(error.description == ".env:1:19: PIXEL_API_TIMEOUT cannot be read as int")
        }
    }

    @Test func strictModeRejectsAMalformedFileWithItsPlace() async throws {
        try await withSettingsFile(".env", "PIXEL_TENANT=acme\nnot a statement\n") { path in
            let error = await #expect(throws: SettingsFileError.self) {
                _ = try await FileProvider<DotEnvSnapshot>(
                    parsingOptions: .init(fileName: ".env", mode: .strict), filePath: .init(path))
            }
            #expect(error?.location.description.hasPrefix(".env:2:") == true)
        }
    }

    @Test func compatModeSkipsWhatPythonDotEnvSkipsAndSaysWhere() async throws {
        try await withSettingsFile(".env", "PIXEL_TENANT=acme\nnot a statement\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(parsingOptions: .init(fileName: ".env"), filePath: .init(path))
            let snapshot = try #require(provider.snapshot() as? DotEnvSnapshot)
            #expect(snapshot.warnings.map(\.location.line) == [2])
            #expect(ConfigReader(provider: provider).string(forKey: "pixel.tenant") == "acme")
        }
    }

    @Test func secretsAreRedactedInDescriptionsAndAccessEvents() async throws {
        try await withSettingsFile(".env", "PIXEL_USERNAME=me\nPIXEL_PASSWORD=\(sentinel)\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(
                parsingOptions: .init(fileName: ".env", secretsSpecifier: .specific(["PIXEL_PASSWORD"])), filePath: .init(path))
            let reporter = RecordingAccessReporter()
            let config = ConfigReader(provider: provider, accessReporter: reporter)
            #expect(config.string(forKey: "pixel.password") == sentinel)
            let snapshot = try #require(provider.snapshot() as? DotEnvSnapshot)
            #expect(snapshot.debugDescription.contains("PIXEL_PASSWORD@.env:2:1=<REDACTED>"))
            #expect(snapshot.debugDescription.contains("PIXEL_USERNAME@.env:1:1=me"))
            for text in [snapshot.description, snapshot.debugDescription, provider.description] + reporter.all {
                #expect(!text.contains(sentinel))
            }
        }
    }

    @Test func aKeyWithoutAValueIsAbsent() async throws {
        try await withSettingsFile(".env", "PIXEL_TENANT=acme\nPIXEL_TENANT\n") { path in
            let provider = try await FileProvider<DotEnvSnapshot>(filePath: .init(path))
            #expect(ConfigReader(provider: provider).string(forKey: "pixel.tenant") == nil)
        }
    }
}

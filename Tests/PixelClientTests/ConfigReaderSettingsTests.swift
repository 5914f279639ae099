import Configuration
import Foundation
import PixelClient
import Settings
import SettingsConfiguration
import NIOConcurrencyHelpers
import SystemPackage
import Testing

/// Keeps the text of every access event, as a log handler would see it.
final class RecordingAccessReporter: AccessReporter {
    private let events = NIOLockedValueBox<[AccessEvent]>([])

    func report(_ event: AccessEvent) { events.withLockedValue { $0.append(event) } }

    var all: [AccessEvent] { events.withLockedValue { $0 } }
    var texts: [String] { all.map { String(describing: $0) + " " + String(reflecting: $0) } }
}

struct ConfigReaderSettingsTests {
    /// Every setting under its canonical environment name, none at its default.
    static let everySetting: [String: String] = [
        "PIXEL_ENV": "test", "PIXEL_USERNAME": "me@example.com", "PIXEL_PASSWORD": clientSentinelPassword,
        "PIXEL_TENANT": "ACME", "PIXEL_AUTH_SERVER_URL": "https://auth.example.com", "PIXEL_API_URL": "https://api.example.com/acme",
        "PIXEL_CLIENT_NO_VERSION_CHECK": "true", "PIXEL_API_TIMEOUT": "20", "PIXEL_UPLOAD_TIMEOUT": "2.5",
        "PIXEL_TOKEN_TIMEOUT": "7", "PIXEL_RETRY_ATTEMPTS": "2", "PIXEL_UPLOAD_CONCURRENCY": "3",
        "PIXEL_PROXY": "http://proxy.example.com:3128", "PIXEL_ALLOW_INSECURE_HTTP": "yes",
    ]

    static let required: [String: String] = ["PIXEL_USERNAME": "me", "PIXEL_PASSWORD": clientSentinelPassword, "PIXEL_TENANT": "acme"]

    private func environment(_ variables: [String: String], reporter: RecordingAccessReporter? = nil) -> ConfigReader {
        ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: variables), accessReporter: reporter)
    }

    @Test func everyEnvironmentNameReachesItsSettingThroughEnvironmentVariablesProvider() throws {
        #expect(Set(Self.everySetting.keys) == Set(PixelSettings.schema.fields.map(\.canonicalEnvName)))
        let settings = try PixelSettings(config: environment(Self.everySetting))
        #expect(
            settings
                == PixelSettings(
                    environment: .test, username: "me@example.com", password: Secret(clientSentinelPassword), tenant: "ACME",
                    authServerURLOverride: "https://auth.example.com", apiURLOverride: "https://api.example.com/acme",
                    apiTimeout: .seconds(20), uploadTimeout: .milliseconds(2500), tokenTimeout: .seconds(7), retryAttempts: 2,
                    uploadConcurrency: 3, proxy: "http://proxy.example.com:3128", allowInsecureHTTP: true))
    }

    @Test func theSameSettingsResolveTheSameWayFromOurOwnSources() throws {
        let ours = try PixelSettings.resolve(from: .init(environment: .dictionary(Self.everySetting), envFiles: [], yamlFiles: []))
        #expect(try PixelSettings(config: environment(Self.everySetting)) == ours.settings)
    }

    @Test func keysAreTheCanonicalEnvironmentNamesInCamelCaseUnderPixel() {
        #expect(PixelSettings.configKeys.count == PixelSettings.schema.fields.count)
        #expect(PixelSettings.configKeys[PixelSettings.FieldName.environment] == "pixel.env")
        #expect(PixelSettings.configKeys[PixelSettings.FieldName.authServerURL] == "pixel.authServerURL")
        #expect(PixelSettings.configKeys[PixelSettings.FieldName.allowInsecureHTTP] == "pixel.allowInsecureHTTP")
        #expect(PixelSettings.configKeys[PixelSettings.FieldName.noVersionCheck] == "pixel.clientNoVersionCheck")
        #expect(PixelSettings.configKeys[PixelSettings.FieldName.apiTimeout] == "pixel.apiTimeout")
    }

    @Test func legacyAliasesAreNotRead() {
        let variables = ["KEYCLOAK_USERNAME": "me", "KEYCLOAK_PASSWORD": clientSentinelPassword, "KEYCLOAK_REALM": "acme"]
        #expect(throws: SettingsError.self) { try PixelSettings(config: self.environment(variables)) }
    }

    @Test func oneErrorNamesEveryMissingAndInvalidKeyAndNeverThePassword() throws {
        var variables = ["PIXEL_PASSWORD": clientSentinelPassword, "PIXEL_ENV": "staging"]
        variables["PIXEL_API_TIMEOUT"] = "abc"
        variables["PIXEL_RETRY_ATTEMPTS"] = "0"
        variables["PIXEL_PROXY"] = "proxy:3128"
        let error = try #require(throws: SettingsError.self) { try PixelSettings(config: self.environment(variables)) }
        #expect(error.problems.count == 6)
        for key in ["pixel.env", "pixel.username", "pixel.tenant", "pixel.apiTimeout", "pixel.retryAttempts", "pixel.proxy"] {
            #expect(error.description.contains(key), "\(key) missing from \(error)")
        }
        #expect(!error.description.contains("pixel.password"))
        #expect(!error.description.contains(clientSentinelPassword))
        #expect(!String(reflecting: error).contains(clientSentinelPassword))
    }

    @Test func thePasswordIsReadAsASecret() throws {
        let reporter = RecordingAccessReporter()
        let settings = try PixelSettings(config: environment(Self.required, reporter: reporter))
        #expect(settings.password.reveal() == clientSentinelPassword)
        let passwordReads = reporter.all.filter { $0.metadata.key.description == "pixel.password" }
        #expect(!passwordReads.isEmpty)
        for event in passwordReads {
            #expect((try? event.result.get())??.isSecret == true)
        }
        for text in reporter.texts + [settings.description, String(reflecting: settings)] {
            #expect(!text.contains(clientSentinelPassword))
        }
    }

    @Test func aPasswordOfTheWrongShapeIsReportedWithoutItsValue() throws {
        let provider = InMemoryProvider(values: [
            "pixel.username": "me", "pixel.tenant": "acme",
            "pixel.password": ConfigValue(.stringArray([clientSentinelPassword]), isSecret: true),
        ])
        let error = try #require(throws: SettingsError.self) { try PixelSettings(config: ConfigReader(provider: provider)) }
        #expect(error.description.contains("pixel.password"))
        #expect(!error.description.contains(clientSentinelPassword))
    }

    @Test func typedValuesAreReadThroughTheirText() throws {
        let provider = InMemoryProvider(values: [
            "pixel.username": "me", "pixel.password": ConfigValue(.string(clientSentinelPassword), isSecret: true),
            "pixel.tenant": "acme", "pixel.apiTimeout": 20, "pixel.tokenTimeout": 2.5, "pixel.retryAttempts": 3,
            "pixel.allowInsecureHTTP": true,
        ])
        let settings = try PixelSettings(config: ConfigReader(provider: provider))
        #expect(settings.apiTimeout == .seconds(20))
        #expect(settings.tokenTimeout == .milliseconds(2500))
        #expect(settings.retryAttempts == 3)
        #expect(settings.allowInsecureHTTP)
    }

    @Test func aPresentValueOfTheWrongShapeIsAnErrorNotTheDefault() throws {
        let provider = InMemoryProvider(values: [
            "pixel.username": "me", "pixel.password": "p", "pixel.tenant": "acme",
            "pixel.retryAttempts": ConfigValue(.stringArray(["1", "2"]), isSecret: false),
        ])
        let error = try #require(throws: SettingsError.self) { try PixelSettings(config: ConfigReader(provider: provider)) }
        #expect(error.problems.count == 1)
        #expect(error.description.contains("pixel.retryAttempts"))
    }

    @Test func aScopedReaderReadsUnderItsPrefix() throws {
        let provider = InMemoryProvider(values: [
            "services.geodata.pixel.username": "me", "services.geodata.pixel.password": "p", "services.geodata.pixel.tenant": "acme",
        ])
        let settings = try PixelSettings(config: ConfigReader(provider: provider).scoped(to: "services.geodata"))
        #expect(settings.username == "me")
    }

    @Test func theFirstProviderWithAValueWins() throws {
        let overrides = InMemoryProvider(values: ["pixel.apiTimeout": 30])
        let config = ConfigReader(providers: [
            overrides, EnvironmentVariablesProvider(environmentVariables: Self.required.merging(["PIXEL_API_TIMEOUT": "20"]) { $1 }),
        ])
        #expect(try PixelSettings(config: config).apiTimeout == .seconds(30))
    }

    @Test func aDotEnvFileReadThroughSwiftConfigurationGivesWhatOurOwnResolutionGives() async throws {
        try await withFactoryTempDirectory { directory in
            let text =
                "export PIXEL_USERNAME=me@example.com\r\nPIXEL_PASSWORD='\(clientSentinelPassword)'  # secret\r\n"
                + "PIXEL_TENANT=\"acme\"\r\nPIXEL_API_TIMEOUT=12\r\n"
            try text.write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
            let provider = try await FileProvider<DotEnvSnapshot>(
                parsingOptions: .init(fileName: ".env", environment: [:]), filePath: .init(directory + "/.env"))
            let ours = try PixelSettings.resolve(from: .init(environment: .dictionary([:]), workingDirectory: directory))
            #expect(try PixelSettings(config: ConfigReader(provider: provider)) == ours.settings)
        }
    }
}

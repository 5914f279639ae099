import Foundation
import PixelClient
import Settings
import Testing

/// Resolution of the Pixel schema from injected environments and real files in temp directories.
struct PixelSettingsResolutionTests {
    static let sentinel = "S3NT1NEL-pa55word"
    static let credentials = ["PIXEL_USERNAME": "me@example.com", "PIXEL_PASSWORD": sentinel, "PIXEL_TENANT": "myTenant"]

    /// A temp directory with the given files; removed afterwards.
    static func withDirectory<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name)) }
        return try body(path)
    }

    static func resolve(_ env: [String: String], in directory: String = "/nonexistent-pixel-dir") throws(SettingsError) -> ResolvedPixelSettings {
        try PixelSettings.resolve(from: .init(environment: .dictionary(env), workingDirectory: directory))
    }

    @Test func defaultsAndDerivedValues() throws {
        let resolved = try Self.resolve(Self.credentials)
        let settings = resolved.settings
        #expect(settings.environment == .prod)
        #expect(settings.realm == "Mytenant")
        #expect(settings.apiBaseURL == "https://prod.api.geodatapixel.no/mytenant")
        #expect(settings.tokenEndpoint == "https://prod.keycloak.geodatapixel.no/realms/Mytenant/protocol/openid-connect/token")
        #expect(settings.apiTimeout == .seconds(10))
        #expect(settings.uploadTimeout == .seconds(300))
        #expect(settings.tokenTimeout == .seconds(5))
        #expect(settings.retryAttempts == 4)
        #expect(settings.uploadConcurrency == 10)
        #expect(settings.proxy == nil)
        #expect(settings.allowInsecureHTTP == false)
        #expect(resolved.warnings.isEmpty)
        #expect(resolved.provenance["environment"]?.origin?.description == "default")
    }

    @Test func keycloakAliasesAreRead() throws {
        let resolved = try Self.resolve([
            "KEYCLOAK_ENV": "test", "KEYCLOAK_USERNAME": "u", "KEYCLOAK_PASSWORD": "p", "KEYCLOAK_REALM": "ACME",
        ])
        #expect(resolved.settings.environment == .test)
        #expect(resolved.settings.username == "u")
        #expect(resolved.settings.realm == "Acme")
        #expect(resolved.settings.apiBaseURL == "https://test.api.geodatapixel.no/acme")
        #expect(resolved.provenance["tenant"]?.origin?.description == "env KEYCLOAK_REALM")
    }

    @Test func overridesFromTheEnvironmentReplaceTheWholeBase() throws {
        let resolved = try Self.resolve(
            Self.credentials.merging([
                "PIXEL_API_URL": "http://127.0.0.1:9/other", "PIXEL_SERVER_URL": "http://127.0.0.1:8/",
            ]) { $1 })
        #expect(resolved.settings.apiBaseURL == "http://127.0.0.1:9/other")
        #expect(resolved.settings.tokenEndpoint == "http://127.0.0.1:8/realms/Mytenant/protocol/openid-connect/token")
        #expect(resolved.warnings.map(\.message) == ["PIXEL_SERVER_URL is deprecated; use PIXEL_AUTH_SERVER_URL"])
    }

    @Test func clientOptionsAreTyped() throws {
        let resolved = try Self.resolve(
            Self.credentials.merging([
                "PIXEL_API_TIMEOUT": "2.5", "PIXEL_RETRY_ATTEMPTS": "1", "PIXEL_UPLOAD_CONCURRENCY": "3",
                "PIXEL_PROXY": "http://proxy:3128", "PIXEL_ALLOW_INSECURE_HTTP": "yes", "PIXEL_CLIENT_NO_VERSION_CHECK": "1",
            ]) { $1 })
        #expect(resolved.settings.apiTimeout == .milliseconds(2500))
        #expect(resolved.settings.retryAttempts == 1)
        #expect(resolved.settings.uploadConcurrency == 3)
        #expect(resolved.settings.proxy == "http://proxy:3128")
        #expect(resolved.settings.allowInsecureHTTP)
    }

    @Test func everythingMissingIsOneErrorNamingEveryNameAndFile() throws {
        let error = try #require(throws: SettingsError.self) { try Self.resolve(["PIXEL_ENV": "staging"]) }
        let text = error.description
        #expect(error.problems.count == 4)
        #expect(text.contains("environment: env PIXEL_ENV = \"staging\" is not one of dev, test, prod"))
        #expect(text.contains("username: missing; looked for env PIXEL_USERNAME, KEYCLOAK_USERNAME; files: .env (absent), pixel.yaml (absent)"))
        #expect(text.contains("password: missing; looked for env PIXEL_PASSWORD, KEYCLOAK_PASSWORD"))
        #expect(text.contains("tenant: missing; looked for env PIXEL_TENANT, KEYCLOAK_REALM"))
    }

    @Test func defaultFilesInTheWorkingDirectoryAreRead() throws {
        try Self.withDirectory([
            ".env": "PIXEL_USERNAME=dotenv-user\nPIXEL_API_TIMEOUT=20\n",
            "pixel.yaml": "pixel:\n  tenant: yamlTenant\n  PIXEL_API_TIMEOUT: 30\n  retryAttempts: 2\n",
        ]) { directory in
            let resolved = try Self.resolve(["PIXEL_PASSWORD": "p"], in: directory)
            #expect(resolved.settings.username == "dotenv-user")
            #expect(resolved.settings.tenant == "yamlTenant")
            #expect(resolved.settings.apiTimeout == .seconds(20))
            #expect(resolved.settings.retryAttempts == 2)
            #expect(resolved.provenance["username"]?.origin?.description == ".env:1:1 (PIXEL_USERNAME)")
            #expect(resolved.provenance["apiTimeout"]?.overridden.first?.origin.description == "pixel.yaml:3:3 (PIXEL_API_TIMEOUT)")
            #expect(resolved.inputs.files.count == 2)
        }
    }

    @Test func selectorVariablesNameOtherFilesThatMustExist() throws {
        try Self.withDirectory(["custom.env": "PIXEL_TENANT=fromCustom\n", ".env": "PIXEL_TENANT=fromDefault\n"]) { directory in
            let env = ["PIXEL_USERNAME": "u", "PIXEL_PASSWORD": "p", "PIXEL_ENV_FILE": "custom.env"]
            let resolved = try Self.resolve(env, in: directory)
            #expect(resolved.settings.tenant == "fromCustom")
            #expect(resolved.warnings.isEmpty)
            let error = try #require(throws: SettingsError.self) {
                try Self.resolve(env.merging(["PIXEL_CONFIG_FILE": "missing.yaml"]) { $1 }, in: directory)
            }
            #expect(error.description.contains("missing.yaml: cannot be read (it does not exist)"))
        }
    }

    @Test func fromEnvFileLetsTheEnvironmentWin() throws {
        try Self.withDirectory(["app.env": "PIXEL_USERNAME=file\nPIXEL_PASSWORD=file-pass\nPIXEL_TENANT=acme\n"]) { directory in
            let settings = try PixelSettings.fromEnvFile(directory + "/app.env", environment: .dictionary(["KEYCLOAK_USERNAME": "env"]))
            #expect(settings.username == "env")
            #expect(settings.password.reveal() == "file-pass")
            #expect(throws: SettingsError.self) { try PixelSettings.fromEnvFile(directory + "/none.env", environment: .dictionary([:])) }
        }
    }

    @Test func explicitOverridesWin() throws {
        var sources = PixelSettings.Sources(environment: .dictionary(Self.credentials), workingDirectory: "/nonexistent-pixel-dir")
        sources.overrides[PixelSettings.FieldName.tenant] = .string("explicitTenant")
        sources.overrides["PIXEL_API_TIMEOUT"] = .duration(.seconds(42))
        let resolved = try PixelSettings.resolve(from: sources)
        #expect(resolved.settings.tenant == "explicitTenant")
        #expect(resolved.settings.apiTimeout == .seconds(42))
        #expect(resolved.provenance["tenant"]?.overridden.map(\.origin.description) == ["env PIXEL_TENANT"])
    }

    @Test func typoGetsADidYouMean() throws {
        let resolved = try Self.resolve(Self.credentials.merging(["PIXEL_USRNAME": "x"]) { $1 })
        #expect(resolved.warnings.map(\.description) == ["env PIXEL_USRNAME: unknown setting PIXEL_USRNAME; did you mean PIXEL_USERNAME?"])
    }

    @Test func fingerprintMatchesTheValueAndIgnoresTheVersionCheckFlag() throws {
        let resolved = try Self.resolve(Self.credentials)
        #expect(resolved.fingerprint == resolved.settings.fingerprint)
        #expect(try Self.resolve(Self.credentials.merging(["PIXEL_CLIENT_NO_VERSION_CHECK": "true"]) { $1 }).fingerprint == resolved.fingerprint)
        let changed = try Self.resolve(Self.credentials.merging(["PIXEL_PASSWORD": "other"]) { $1 })
        #expect(changed.fingerprint != resolved.fingerprint)
        #expect(changed.changes(since: resolved).map(\.description) == ["password: changed"])
        let explicit = PixelSettings(username: "me@example.com", password: Secret(Self.sentinel), tenant: "myTenant")
        #expect(explicit.fingerprint == resolved.fingerprint)
    }

    @Test func sentinelNeverLeaks() throws {
        let resolved = try Self.resolve(Self.credentials.merging(["KEYCLOAK_PASSWORD": Self.sentinel + "-other"]) { $1 })
        var texts = [resolved.description, resolved.explain(), "\(resolved.settings)", "\(resolved.inputs)", resolved.fingerprint.hex]
        texts += resolved.warnings.map(\.description)
        texts.append(String(decoding: try JSONEncoder().encode(resolved.provenance), as: UTF8.self))
        texts.append(String(decoding: try JSONEncoder().encode(resolved), as: UTF8.self))
        var dumped = ""
        dump(resolved, to: &dumped)
        texts.append(dumped)
        for text in texts {
            #expect(!text.contains(Self.sentinel))
        }
        let error = try #require(throws: SettingsError.self) {
            try PixelSettings.resolve(
                from: .init(
                    environment: .dictionary(Self.credentials.merging(["KEYCLOAK_PASSWORD": "x"]) { $1 }),
                    workingDirectory: "/nonexistent-pixel-dir", aliasConflicts: .error))
        }
        #expect(!error.description.contains(Self.sentinel))
    }

    @Test func refreshedReusesWhenUnchangedAndRereadsWhenAFileChanges() throws {
        try Self.withDirectory([".env": "PIXEL_TENANT=one\n"]) { directory in
            let first = try Self.resolve(["PIXEL_USERNAME": "u", "PIXEL_PASSWORD": "p"], in: directory)
            #expect(first.isUnchanged())
            #expect(try first.refreshed().fingerprint == first.fingerprint)
            try Data("PIXEL_TENANT=two\n".utf8).write(to: URL(fileURLWithPath: directory + "/.env"))
            #expect(!first.isUnchanged())
            let second = try first.refreshed()
            #expect(second.settings.tenant == "two")
            #expect(second.changes(since: first).map(\.description) == ["tenant: one → two"])
        }
    }
}

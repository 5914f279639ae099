import Foundation
import PixelEmulator
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pixel config show|explain|check|fingerprint` on real files and an injected environment.
struct ConfigTests {
    /// Environment, `.env` and YAML together, with a lost candidate, an alias conflict, a typo
    /// and the sentinel password; the API URL points at a running emulator.
    static func writeFixture(in directory: URL, emulator: PixelEmulator) throws -> [String: String] {
        try """
        PIXEL_USERNAME=cli@example.com
        PIXEL_PASSWORD=\(CLIAccount.password)
        PIXEL_TENANT=from-dotenv
        PIXEL_API_URL=\(emulator.apiURL(tenant: "acme"))
        PIXEL_USRNAME=typo

        """.write(to: directory.appendingPathComponent("settings.env"), atomically: true, encoding: .utf8)
        try """
        pixel:
          uploadConcurrency: 4
          apiTimeout: 12

        """.write(to: directory.appendingPathComponent("pixel.yaml"), atomically: true, encoding: .utf8)
        return ["HOME": directory.path, "PIXEL_TENANT": "acme", "KEYCLOAK_REALM": "other", "PIXEL_API_TIMEOUT": "30"]
    }

    @Test func explainMatchesTheGoldenTable() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { directory in
                let env = try Self.writeFixture(in: directory, emulator: emulator)
                let result = try await CLIRun.run(["config", "explain", "--env-file", "settings.env"], environment: env, in: directory)
                #expect(result.status == 0, "\(result)")
                let withoutFingerprint = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("Fingerprint: ") }.joined(separator: "\n")
                #expect(withoutFingerprint.normalisingPort(emulator.port) == Self.explainGolden + "\n", "\(result.stdout)")
                #expect(!result.stdout.contains(CLIAccount.password))
            }
        }
    }

    @Test func explainJSONCarriesProvenanceAndRedactsThePassword() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { directory in
                let env = try Self.writeFixture(in: directory, emulator: emulator)
                let result = try await CLIRun.run(["config", "explain", "--env-file", "settings.env", "--json"], environment: env, in: directory)
                #expect(result.status == 0, "\(result)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let values = try #require(json["values"] as? [String: Any])
                #expect(values["password"] as? String == "<redacted>")
                #expect((json["warnings"] as? [Any])?.isEmpty == false)
                #expect(!result.stdout.contains(CLIAccount.password))
            }
        }
    }

    @Test func showRedactsAndFingerprintIsStable() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { directory in
                let env = try Self.writeFixture(in: directory, emulator: emulator)
                let show = try await CLIRun.run(["config", "show", "--env-file", "settings.env"], environment: env, in: directory)
                #expect(show.status == 0, "\(show)")
                #expect(show.stdout.contains("<redacted>"))
                #expect(show.stdout.contains("Token endpoint: "))
                #expect(!show.stdout.contains(CLIAccount.password))

                let first = try await CLIRun.run(["config", "fingerprint", "--env-file", "settings.env"], environment: env, in: directory)
                let second = try await CLIRun.run(["config", "fingerprint", "--env-file", "settings.env"], environment: env, in: directory)
                let hex = first.stdout.trimmingCharacters(in: .newlines)
                #expect(first.status == 0 && hex.count == 64 && hex.allSatisfy(\.isHexDigit), "\(first)")
                #expect(first.stdout == second.stdout)

                var changed = env
                changed["PIXEL_PASSWORD"] = "another-password"
                let third = try await CLIRun.run(["config", "fingerprint", "--env-file", "settings.env"], environment: changed, in: directory)
                #expect(third.stdout != first.stdout)
            }
        }
    }

    @Test func checkExitsZeroOrTwoWithEveryProblem() async throws {
        try await withTemporaryDirectory { directory in
            let ok = try await CLIRun.run(
                ["config", "check"],
                environment: ["PIXEL_USERNAME": "me", "PIXEL_PASSWORD": CLIAccount.password, "PIXEL_TENANT": "acme"], in: directory)
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.hasPrefix("Settings OK"))

            let broken = try await CLIRun.run(
                ["config", "check"], environment: ["PIXEL_PASSWORD": CLIAccount.password, "PIXEL_API_TIMEOUT": "soon"], in: directory)
            #expect(broken.status == 2, "\(broken)")
            #expect(broken.stdout.isEmpty)
            #expect(broken.stderr.hasPrefix("pixel: configuration error. 3 settings problems:"))
            #expect(broken.stderr.contains("username: missing"))
            #expect(broken.stderr.contains("tenant: missing"))
            #expect(broken.stderr.contains("apiTimeout: env PIXEL_API_TIMEOUT"))
            #expect(!broken.stderr.contains(CLIAccount.password))

            let json = try await CLIRun.run(["config", "check", "--json"], environment: [:], in: directory)
            #expect(json.status == 2)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(report["ok"] as? Bool == false)
        }
    }

    @Test func aDotEnvThatIsNotUTF8ExitsTwoWithFileLineAndColumn() async throws {
        try await withTemporaryDirectory { directory in
            let bytes = Array("PIXEL_USERNAME=".utf8) + [0xFF, 0xFE] + Array("\nPIXEL_PASSWORD=\(CLIAccount.password)\nPIXEL_TENANT=acme\n".utf8)
            try Data(bytes).write(to: directory.appendingPathComponent(".env"))
            let result = try await CLIRun.run(["config", "check"], environment: ["HOME": directory.path], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains(
                    "  - .env:1:16: the file is not valid UTF-8 (a malformed byte sequence at byte offset 15); settings files must be UTF-8\n"))
            #expect(!result.stderr.contains(CLIAccount.password))
        }
    }

    @Test func aYAMLFileThatIsNotUTF8ExitsTwoWithFileLineAndColumn() async throws {
        try await withTemporaryDirectory { directory in
            let bytes = Array("pixel:\n  username: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
            try Data(bytes).write(to: directory.appendingPathComponent("pixel.yaml"))
            let result = try await CLIRun.run(
                ["config", "check"], environment: ["HOME": directory.path, "PIXEL_PASSWORD": CLIAccount.password, "PIXEL_TENANT": "acme"],
                in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("  - pixel.yaml:2:17: the file is not valid UTF-8 (invalid trailing UTF-8 octet at byte offset 23)"))
        }
    }

    /// A settings file that is a FIFO, a directory, too large, a YAML bomb or nested too deeply:
    /// exit 2 and one line naming it, never a hang.
    @Test(arguments: [
        ("fifo", ".env: cannot be read (not a regular file)"),
        ("directory", "pixel.yaml: cannot be read (not a regular file)"),
        ("huge", ".env: cannot be read (larger than 1048576 bytes)"),
        ("laughs", "pixel.yaml:3:64: alias *b expands beyond the limit of 10000 nodes (aliases count at every use)"),
        ("deep", "pixel.yaml:1:71: nesting is deeper than the limit of 64 levels"),
    ])
    func aHostileSettingsFileExitsTwoNamingIt(kind: String, message: String) async throws {
        try await withTemporaryDirectory { directory in
            let env = directory.appendingPathComponent(".env").path
            let yaml = directory.appendingPathComponent("pixel.yaml").path
            switch kind {
            case "fifo": #expect(mkfifo(env, 0o600) == 0)
            case "directory": try FileManager.default.createDirectory(atPath: yaml, withIntermediateDirectories: false)
            case "huge": try Data(repeating: 0x23, count: 2 << 20).write(to: URL(fileURLWithPath: env))
            case "laughs":
                let lines =
                    ["a: &a [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]"]
                    + zip(["a", "b", "c"], ["b", "c", "d"]).map {
                        "\($1): &\($1) [" + Array(repeating: "*\($0)", count: 25).joined(separator: ", ") + "]"
                    }
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: yaml))
            default: try Data(("pixel: " + String(repeating: "[", count: 1000) + "\n").utf8).write(to: URL(fileURLWithPath: yaml))
            }
            let result = try await CLIRun.run(
                ["config", "check"],
                environment: [
                    "HOME": directory.path, "PIXEL_USERNAME": "me", "PIXEL_PASSWORD": CLIAccount.password,
                    "PIXEL_TENANT": "acme",
                ], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.hasPrefix("pixel: configuration error. 1 settings problem:\n  - \(message)\n"), "\(result)")
            #expect(!result.stderr.contains(CLIAccount.password))
        }
    }

    @Test func aMissingEnvFileIsAConfigurationError() async throws {
        try await withTemporaryDirectory { directory in
            let result = try await CLIRun.run(["config", "show", "--env-file", "nowhere.env"], environment: [:], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("nowhere.env"))
        }
    }

    static let explainGolden = #"""
        SETTING                                         VALUE                        SOURCE                              LOST
        environment (PIXEL_ENV)                         prod                         default
        username (PIXEL_USERNAME)                       cli@example.com              settings.env:1:1 (PIXEL_USERNAME)
        password (PIXEL_PASSWORD)                       <redacted>                   settings.env:2:1 (PIXEL_PASSWORD)
        tenant (PIXEL_TENANT)                           acme                         env PIXEL_TENANT                    env KEYCLOAK_REALM = other; settings.env:3:1 (PIXEL_TENANT) = from-dotenv
        authServerURLOverride (PIXEL_AUTH_SERVER_URL)   –                            unset
        apiURLOverride (PIXEL_API_URL)                  http://127.0.0.1:PORT/acme  settings.env:4:1 (PIXEL_API_URL)
        noVersionCheck (PIXEL_CLIENT_NO_VERSION_CHECK)  false                        default
        apiTimeout (PIXEL_API_TIMEOUT)                  30.0 seconds                 env PIXEL_API_TIMEOUT               pixel.yaml:3:3 (apiTimeout) = 12; default = 10.0 seconds
        uploadTimeout (PIXEL_UPLOAD_TIMEOUT)            300.0 seconds                default
        tokenTimeout (PIXEL_TOKEN_TIMEOUT)              5.0 seconds                  default
        retryAttempts (PIXEL_RETRY_ATTEMPTS)            4                            default
        uploadConcurrency (PIXEL_UPLOAD_CONCURRENCY)    4                            pixel.yaml:2:3 (uploadConcurrency)  default = 10
        proxy (PIXEL_PROXY)                             –                            unset
        allowInsecureHTTP (PIXEL_ALLOW_INSECURE_HTTP)   false                        default

        Warnings:
          - settings.env:5:1: unknown setting PIXEL_USRNAME; did you mean PIXEL_USERNAME?
          - env PIXEL_TENANT: PIXEL_TENANT and env KEYCLOAK_REALM have different values; using PIXEL_TENANT

        """#
}

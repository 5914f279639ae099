import Foundation
import PixelClient
import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CLI fingerprints with the user's key: the same in every run of one user, different for
/// another user, created once even by runs racing each other, and never silently replaced.
struct FingerprintKeyTests {
    private let settings = ["PIXEL_USERNAME": "me@example.com", "PIXEL_PASSWORD": CLIAccount.password, "PIXEL_TENANT": "acme"]

    private func fingerprint(home: URL, in directory: URL, extra: [String: String] = [:]) async throws -> CLIResult {
        try await CLIRun.run(
            ["config", "fingerprint"], environment: settings.merging(["HOME": home.path]) { $1 }.merging(extra) { $1 }, in: directory)
    }

    private func keyPath(home: URL) -> String { home.path + "/.config/pixel-client/fingerprint.key" }

    @Test func theFingerprintIsTheSameInEveryRunOfAUserAndKeyedPerUser() async throws {
        try await withTemporaryDirectory { directory in
            let alice = directory.appendingPathComponent("alice")
            let bob = directory.appendingPathComponent("bob")
            let first = try await fingerprint(home: alice, in: directory)
            let second = try await fingerprint(home: alice, in: directory)
            let other = try await fingerprint(home: bob, in: directory)
            #expect(first.status == 0 && first.stdout.count == 65, "\(first)")
            #expect(first.stdout == second.stdout)
            #expect(other.status == 0 && other.stdout != first.stdout, "the same settings under another user's key")
            var info = stat()
            #expect(stat(keyPath(home: alice), &info) == 0 && info.st_mode & 0o777 == 0o600)
            #expect(!first.stdout.contains(CLIAccount.password) && first.stderr.isEmpty)
        }
    }

    @Test func runsRacingToCreateTheKeyAgreeOnIt() async throws {
        try await withTemporaryDirectory { directory in
            let home = directory.appendingPathComponent("home")
            let results = try await withThrowingTaskGroup(of: CLIResult.self) { group in
                for _ in 0..<6 { group.addTask { try await fingerprint(home: home, in: directory) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
            #expect(Set(results.map(\.stdout)).count == 1)
            let files = try FileManager.default.contentsOfDirectory(atPath: home.path + "/.config/pixel-client")
            #expect(files == ["fingerprint.key"])
        }
    }

    @Test func anUnusableKeyFileFailsTheFingerprintButIsNeverReplaced() async throws {
        try await withTemporaryDirectory { directory in
            let home = directory.appendingPathComponent("home")
            try FileManager.default.createDirectory(atPath: home.path + "/.config/pixel-client", withIntermediateDirectories: true)
            let path = keyPath(home: home)
            try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            let result = try await fingerprint(home: home, in: directory)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains(
                    "pixel: fingerprint key \(path): is not a usable key file (it does not start with 'settings-fingerprint-key v1 ')"))
            #expect(result.stderr.contains("a fingerprint printed now would differ in the next run"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a key\n")
            // Everything else still works, and check says what the key problem means.
            let check = try await CLIRun.run(["config", "check"], environment: settings.merging(["HOME": home.path]) { $1 }, in: directory)
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.contains("Note: fingerprint key \(path): is not a usable key file"))
            #expect(check.stdout.hasSuffix("; fingerprints and remembered sessions last for this run only.\n"))
        }
    }

    @Test func withoutAHomeThereIsNoStableFingerprint() async throws {
        try await withTemporaryDirectory { directory in
            let result = try await CLIRun.run(["config", "fingerprint"], environment: settings, in: directory)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("neither XDG_CONFIG_HOME nor HOME is set"))
        }
    }

    /// A session file named by the unkeyed fingerprint of the previous release is found, moved to
    /// its new name, sealed, and used.
    @Test func aSessionStoredUnderTheOldFingerprintIsMovedToTheNewName() async throws {
        try await withTemporaryDirectory { directory in
            let home = directory.appendingPathComponent("home")
            let sessions = directory.appendingPathComponent("sessions").path
            try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
            chmod(sessions, 0o700)
            let resolved = try PixelSettings.resolve(from: .init(environment: .dictionary(settings), envFiles: [], yamlFiles: []))
            let legacy = SettingsFingerprint.version1(schema: PixelSettings.schema, values: resolved.settings.settingValues).hex
            let record =
                #"{"key":"\#(legacy)","refreshToken":"R3FRESH-legacy","savedAt":"2026-11-25T16:00:00Z","subject":"me@example.com","version":1}"#
            let legacyPath = sessions + "/\(legacy).json"
            try Data((record + "\n").utf8).write(to: URL(fileURLWithPath: legacyPath))
            chmod(legacyPath, 0o600)

            let status = try await CLIRun.run(
                ["auth", "status", "--session-dir", sessions], environment: settings.merging(["HOME": home.path]) { $1 }, in: directory)
            #expect(status.status == 0, "\(status)")
            #expect(status.stdout.contains("Session: remembered in \(sessions), saved 2026-11-25T16:00:00Z"), "\(status)")
            let current = try await fingerprint(home: home, in: directory).stdout.trimmingCharacters(in: .newlines)
            #expect(try FileManager.default.contentsOfDirectory(atPath: sessions) == ["\(current).json"])
            // Moved as a sealed file: the plaintext token of before is gone from the disk.
            let moved = try Data(contentsOf: URL(fileURLWithPath: sessions + "/\(current).json"))
            #expect(moved.range(of: Data("R3FRESH-legacy".utf8)) == nil)
            #expect(String(decoding: moved, as: UTF8.self).contains(#""version":2"#))
            #expect(current != legacy)
            #expect(!status.stdout.contains("R3FRESH-legacy") && !status.stderr.contains("R3FRESH-legacy"))
        }
    }
}

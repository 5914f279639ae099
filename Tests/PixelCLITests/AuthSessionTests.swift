import Foundation
import PixelEmulator
import Testing

/// `pixel auth`: sign-in output and the session store across processes (issue 5).
struct AuthSessionTests {
    @Test func loginWithRememberTwiceSendsThePasswordOnce() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                let env = CLIAccount.environment(emulator, home: home)
                let first = try await CLIRun.run(["auth", "login", "--remember"], environment: env, in: home)
                #expect(first.status == 0, "\(first)")
                #expect(first.stdout.contains("Signed in as \(CLIAccount.username)"))
                #expect(first.stdout.contains("password grant"))
                #expect(first.stdout.contains("Session remembered in \(home.path)/config/pixel-client/sessions"))

                let second = try await CLIRun.run(["auth", "login", "--remember"], environment: env, in: home)
                #expect(second.status == 0, "\(second)")
                #expect(second.stdout.contains("refresh-token grant from the remembered session"))

                #expect(emulator.stats.grantCount(.password) == 1)
                #expect(emulator.stats.grantCount(.refreshToken) == 1)

                // The stored session is used by later commands without --remember.
                let listed = try await CLIRun.run(["projects", "list"], environment: env, in: home)
                #expect(listed.status == 0, "\(listed)")
                #expect(emulator.stats.grantCount(.password) == 1)

                let status = try await CLIRun.run(["auth", "status"], environment: env, in: home)
                #expect(status.stdout.contains("Session: remembered in"))
                let logout = try await CLIRun.run(["auth", "logout"], environment: env, in: home)
                #expect(logout.stdout.contains("Forgot the remembered session"))
                let after = try await CLIRun.run(["auth", "status"], environment: env, in: home)
                #expect(after.stdout.contains("Session: none remembered"))

                for output in [first, second, listed, status, logout, after] {
                    #expect(!output.stdout.contains(CLIAccount.password) && !output.stderr.contains(CLIAccount.password))
                }
                let sessions = home.appendingPathComponent("config/pixel-client/sessions")
                for file in (try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? [] {
                    let text = try String(contentsOf: sessions.appendingPathComponent(file), encoding: .utf8)
                    #expect(!text.contains(CLIAccount.password))
                }
            }
        }
    }

    @Test func loginWithoutRememberStoresNothing() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                let env = CLIAccount.environment(emulator, home: home)
                let json = try await CLIRun.run(["auth", "login", "--json"], environment: env, in: home)
                #expect(json.status == 0, "\(json)")
                let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
                #expect(report["subject"] as? String == CLIAccount.username)
                #expect(report["grant"] as? String == "password")
                #expect(report["expiresInSeconds"] as? Int == 300)
                #expect(report["sessionStore"] == nil)
                _ = try await CLIRun.run(["auth", "login"], environment: env, in: home)
                #expect(emulator.stats.grantCount(.password) == 2)
            }
        }
    }
}

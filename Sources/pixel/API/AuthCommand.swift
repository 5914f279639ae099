import ArgumentParser
import Foundation
import PixelClient
import Settings

/// `pixel auth login|status|logout`: sign in and look after the stored session. No command ever
/// prints a token or the password.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Sign in to Keycloak and manage the remembered session.",
        subcommands: [Login.self, Status.self, Logout.self]
    )

    /// `pixel auth login [--remember]`.
    struct Login: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch a token and print who it belongs to and when it expires (never the token).",
            discussion: """
                With --remember the refresh token is kept in the session store (a 0600 file per settings \
                fingerprint), so the next run signs in with the refresh-token grant instead of the password.
                """
        )

        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let storeDirectory = client.sessionStore().directory
            let report = try await ClientSession.run(client) { client, session in
                let user = try await client.me()
                return LoginReport(
                    subject: user.username ?? user.email ?? session.resolved.settings.username, tenant: session.resolved.settings.tenant,
                    tokenEndpoint: session.resolved.settings.tokenEndpoint, grant: session.tokenEvents.lastGrant,
                    sessionStore: session.usesSessionStore ? storeDirectory : nil)
            }
            if output.json { try JSONOutput.print(report) } else { Console.standardOutput.write(report.text) }
        }
    }

    /// `pixel auth status`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the account the settings name and whether a session is remembered for them (no network)."
        )

        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let resolved = try client.settings.resolve()
            let store = client.sessionStore()
            let session = await store.loadMovingLegacySession(resolved.settings)
            let status = SessionStatus(
                username: resolved.settings.username, tenant: resolved.settings.tenant, tokenEndpoint: resolved.settings.tokenEndpoint,
                sessionStore: store.directory, remembered: session != nil, savedAt: session?.savedAt,
                refreshTokenExpiresAt: session?.refreshTokenExpiresAt)
            if output.json { try JSONOutput.print(status) } else { Console.standardOutput.write(status.text) }
        }
    }

    /// `pixel auth logout`.
    struct Logout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget the remembered session for these settings.")

        @OptionGroup var client: ClientOptions

        func run() async throws {
            let resolved = try client.settings.resolve()
            let store = client.sessionStore()
            let existed = await store.loadMovingLegacySession(resolved.settings) != nil
            await store.remove(key: resolved.fingerprint.hex)
            Console.standardOutput.line(existed ? "Forgot the remembered session of \(resolved.settings.username)." : "No session was remembered.")
        }
    }
}

/// What `pixel auth login` reports.
struct LoginReport: Encodable, Sendable {
    var subject: String
    var tenant: String
    var tokenEndpoint: String
    var grant: String?
    var expiresAt: Date?
    var expiresInSeconds: Int?
    var sessionStore: String?

    init(subject: String, tenant: String, tokenEndpoint: String, grant: TokenEventLog.Grant?, sessionStore: String?) {
        self.subject = subject
        self.tenant = tenant
        self.tokenEndpoint = tokenEndpoint
        self.grant = grant?.grant.rawValue
        if let grant {
            let seconds = Int(ByteFormatting.seconds(grant.expiresIn))
            expiresInSeconds = seconds
            expiresAt = grant.receivedAt.addingTimeInterval(TimeInterval(seconds))
        }
        self.sessionStore = sessionStore
    }

    var text: String {
        var lines = ["Signed in as \(subject) (tenant \(tenant))."]
        if let grant, let expiresAt, let expiresInSeconds {
            let how =
                grant == PixelTokenGrant.refreshToken.rawValue
                ? "refresh-token grant from the remembered session; no password was sent" : "password grant"
            lines.append("Token: \(how); expires \(expiresAt.formatted(.iso8601)) (in \(expiresInSeconds) s).")
        }
        if let sessionStore { lines.append("Session remembered in \(sessionStore).") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What `pixel auth status` reports.
struct SessionStatus: Encodable, Sendable {
    var username: String
    var tenant: String
    var tokenEndpoint: String
    var sessionStore: String
    var remembered: Bool
    var savedAt: Date?
    var refreshTokenExpiresAt: Date?

    var text: String {
        var lines = ["Account: \(username) (tenant \(tenant))", "Token endpoint: \(tokenEndpoint)"]
        if remembered {
            var line = "Session: remembered in \(sessionStore)"
            if let savedAt { line += ", saved \(savedAt.formatted(.iso8601))" }
            if let refreshTokenExpiresAt { line += ", usable until \(refreshTokenExpiresAt.formatted(.iso8601))" }
            lines.append(line)
        } else {
            lines.append("Session: none remembered (sign in with `pixel auth login --remember`).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

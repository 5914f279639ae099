import ArgumentParser
import Foundation
import Logging
import PixelClient
import Settings
import NIOConcurrencyHelpers

/// Options of every command that calls the API: where the settings come from and whether the
/// Keycloak session is kept between runs.
///
/// With `--remember` the refresh token is stored in the session store (one 0600 file per settings
/// fingerprint) and the next run uses the refresh-token grant instead of sending the password.
/// Once a session is stored, later commands with the same settings use and rotate it without
/// `--remember`; `pixel auth logout` forgets it.
struct ClientOptions: ParsableArguments {
    @OptionGroup var settings: SettingsOptions

    @Flag(help: "Keep the Keycloak session (refresh token, never the password) so the next run does no password grant.")
    var remember = false

    @Option(help: ArgumentHelp("Session store directory (default: $XDG_CONFIG_HOME/pixel-client/sessions).", valueName: "path"))
    var sessionDir: String?

    @Flag(name: [.customShort("v"), .long], help: "Log every request and response line to standard error (never a secret).")
    var verbose = false

    /// The session store these options name (nothing is touched on disk until it is used).
    func sessionStore(onWarning: SessionStoreWarningHandler? = nil) -> FileSessionStore {
        FileSessionStore(directory: sessionDir, onWarning: onWarning)
    }
}

extension SessionStore {
    /// The session of `settings`, after moving one stored under its name from before
    /// fingerprints were keyed.
    func loadMovingLegacySession(_ settings: PixelSettings) async -> StoredSession? {
        let key = settings.fingerprint.hex
        if let legacy = settings.legacySessionKey { await moveSession(from: legacy, to: key) }
        return await load(key: key)
    }
}

/// One command's use of the API: resolved settings, a registry holding the client (with the
/// session store when wanted) and the events the client reported.
struct ClientSession: Sendable {
    let resolved: ResolvedPixelSettings
    let registry: PixelClientRegistry
    let usesSessionStore: Bool
    let tokenEvents: TokenEventLog

    /// Resolves the settings, runs `body` with a client and closes everything, also when `body`
    /// throws or Ctrl-C cancels it.
    static func run<T: Sendable>(
        _ options: ClientOptions, _ body: @escaping @Sendable (PixelAsyncClient, ClientSession) async throws -> T
    ) async throws -> T {
        let resolved = try options.settings.resolve()
        let store = options.sessionStore(onWarning: { warning in Console.standardError.line("pixel: warning: \(warning)") })
        let hasSession = await store.loadMovingLegacySession(resolved.settings) != nil
        // A session saved under a fingerprint only this run computes could never be found again.
        let keyProblem = FingerprintKeySetup.problem
        if options.remember, let keyProblem {
            Console.standardError.line("pixel: warning: \(keyProblem); the session is not remembered")
        }
        let usesStore = (options.remember || hasSession) && keyProblem == nil
        let tokenEvents = TokenEventLog()
        var hooks = PixelClientHooks()
        if options.verbose {
            var logger = Logger(label: "pixel", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = .trace
            hooks.logger = logger
        }
        hooks.eventHandler = { event in tokenEvents.record(event) }
        hooks.sessionStore = usesStore ? store : nil
        let configuration = PixelClientRegistry.Configuration(hooks: hooks, idleExpiry: nil, gracePeriod: .seconds(5))
        let session = ClientSession(
            resolved: resolved, registry: PixelClientRegistry(configuration: configuration), usesSessionStore: usesStore,
            tokenEvents: tokenEvents)
        do {
            let result = try await Interrupt.cancellingOnSIGINT {
                try await session.registry.withClient(settings: resolved.settings) { client in try await body(client, session) }
            }
            try await session.registry.shutdown()
            return result
        } catch {
            try? await session.registry.shutdown()
            throw error
        }
    }
}

/// The last token grant a client reported (never the token itself).
final class TokenEventLog: Sendable {
    struct Grant: Sendable {
        var grant: PixelTokenGrant
        var expiresIn: Duration
        var receivedAt: Date
    }

    private let last = NIOLockedValueBox<Grant?>(nil)

    func record(_ event: PixelClientEvent) {
        if case .tokenRefreshed(let grant, let expiresIn) = event {
            last.withLockedValue { $0 = Grant(grant: grant, expiresIn: expiresIn, receivedAt: Date()) }
        }
    }

    var lastGrant: Grant? { last.withLockedValue { $0 } }
}

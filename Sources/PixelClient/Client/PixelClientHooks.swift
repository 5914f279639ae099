import Foundation
public import Logging

/// What a client reports to, and reads from, the program that owns it: where it logs, who hears
/// its events, where it keeps its session, and which environment names its proxies. Hooks are not
/// part of a client's identity (see ``PixelClientOptions`` for what is); a registry sets them
/// once for all its clients.
///
/// ```swift
/// var hooks = PixelClientHooks(logger: logger)
/// hooks.eventHandler = { event in metrics.record(event) }   // never carries a secret
/// hooks.sessionStore = FileSessionStore()                    // refresh tokens survive restarts
/// let client = try PixelAsyncClient(settings: settings, hooks: hooks)
/// ```
public struct PixelClientHooks: Sendable {
    /// Where request and response lines go (debug and trace only). Silent by default.
    public var logger: Logger
    /// Receives token, retry and close events; `nil` ignores them.
    public var eventHandler: PixelEventHandler?
    /// Keeps the refresh token between runs, under the settings fingerprint; `nil` keeps it in
    /// memory only.
    public var sessionStore: (any SessionStore)?
    /// The environment read for `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` (upper or
    /// lower case). Tests pass `[:]`.
    public var proxyEnvironment: [String: String]
    /// Whether requests to loopback hosts skip the proxy. Only tests whose proxy and server both
    /// run on loopback turn this off.
    package var proxyBypassesLoopback = true

    /// Creates hooks; by default silent, without events or session storage, with the process
    /// environment for proxies.
    public init(
        logger: Logger = .pixelSilent,
        eventHandler: PixelEventHandler? = nil,
        sessionStore: (any SessionStore)? = nil,
        proxyEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.logger = logger
        self.eventHandler = eventHandler
        self.sessionStore = sessionStore
        self.proxyEnvironment = proxyEnvironment
    }
}

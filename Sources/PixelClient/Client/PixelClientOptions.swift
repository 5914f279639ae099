import Foundation
public import Logging
public import Settings

/// Options of a Pixel client that are not part of ``PixelSettings``: the logger, hooks for the
/// factory, and tuning knobs with sensible defaults.
///
/// ```swift
/// var options = PixelClientOptions(logger: myLogger)
/// options.eventHandler = { event in print(event) }      // never contains secrets
/// options.tokenStore = MySessionStore()                   // persist refresh tokens
/// let core = try PixelClientCore(settings: settings, options: options)
/// ```
public struct PixelClientOptions: Sendable {
    /// Where request/response lines go (debug and trace only). Silent by default.
    public var logger: Logger
    /// The environment read for `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` (upper or lower case).
    public var environment: [String: String]
    /// Receives token and retry events; `nil` ignores them.
    public var eventHandler: PixelEventHandler?
    /// Session storage for the refresh token; `nil` keeps it in memory only.
    public var tokenStore: (any PixelTokenStore)?
    /// A refresh token to start with (e.g. loaded by the factory), so the first token fetch can
    /// use the refresh grant instead of the password.
    public var initialRefreshToken: Secret<String>?
    /// How long before expiry a token is refreshed in the background; `nil` = min(30 s, lifetime/4).
    public var tokenRefreshMargin: Duration?
    /// First retry delay; doubles per attempt, with full jitter.
    public var retryBaseDelay: Duration
    /// Upper bound for one retry delay, `Retry-After` included.
    public var retryMaxDelay: Duration

    public init(
        logger: Logger = .pixelSilent,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        eventHandler: PixelEventHandler? = nil,
        tokenStore: (any PixelTokenStore)? = nil,
        initialRefreshToken: Secret<String>? = nil,
        tokenRefreshMargin: Duration? = nil,
        retryBaseDelay: Duration = .milliseconds(250),
        retryMaxDelay: Duration = .seconds(30)
    ) {
        self.logger = logger
        self.environment = environment
        self.eventHandler = eventHandler
        self.tokenStore = tokenStore
        self.initialRefreshToken = initialRefreshToken
        self.tokenRefreshMargin = tokenRefreshMargin
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
    }
}

public import CoreMetrics
public import Foundation
public import Logging
public import Tracing

/// What a client reports to, and reads from, the program that owns it: where it logs, who hears
/// its events, where its metrics and spans go, where it keeps its session, and which environment
/// names its proxies. Hooks are not
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
    /// Where metrics go (see ``PixelMetricName``); `nil` uses the process's `MetricsSystem`
    /// factory as bootstrapped when the client is created.
    public var metricsFactory: (any MetricsFactory)?
    /// Where spans go: one per API call, token grant and uploaded file (with a child per
    /// object-store request); `nil` uses the process's `InstrumentationSystem.tracer` as
    /// bootstrapped when the client is created. The tracer also injects the trace context into
    /// API and token requests.
    public var tracer: (any Tracer)?
    /// The environment read for `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` (upper or
    /// lower case). Tests pass `[:]`.
    public var proxyEnvironment: [String: String]
    /// Whether requests to loopback hosts skip the proxy. Only tests whose proxy and server both
    /// run on loopback turn this off.
    package var proxyBypassesLoopback = true

    /// Creates hooks; by default silent, without events or session storage, with the process's
    /// metrics and tracing systems and the process environment for proxies.
    public init(
        logger: Logger = .pixelSilent,
        eventHandler: PixelEventHandler? = nil,
        sessionStore: (any SessionStore)? = nil,
        metricsFactory: (any MetricsFactory)? = nil,
        tracer: (any Tracer)? = nil,
        proxyEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.logger = logger
        self.eventHandler = eventHandler
        self.sessionStore = sessionStore
        self.metricsFactory = metricsFactory
        self.tracer = tracer
        self.proxyEnvironment = proxyEnvironment
    }
}

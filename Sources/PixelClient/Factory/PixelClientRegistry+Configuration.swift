
extension PixelClientRegistry {
    /// How a registry finds default settings, builds clients and retires them.
    ///
    /// ```swift
    /// var configuration = PixelClientRegistry.Configuration()
    /// configuration.capacity = 4                       // at most 4 settings keys at once
    /// configuration.idleExpiry = .seconds(120)         // close clients unused for 2 minutes
    /// configuration.gracePeriod = .seconds(5)          // retired clients get 5 s to finish
    /// configuration.watch = .init(pollInterval: .seconds(2))  // rebuild when a file changes
    /// let registry = PixelClientRegistry(configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// Where `getClient()` without settings reads them.
        public var defaultSettings: DefaultSettingsSource
        /// Options every client of this registry is built with (logger, proxy environment, retry
        /// tuning). They are part of the key: use another registry for other options. The
        /// registry chains its own event handler in front of `eventHandler`.
        public var clientOptions: PixelClientOptions
        /// Most settings keys kept at once; beyond it the least recently used idle one is retired.
        /// An entry with requests in flight is never chosen, so the count may exceed this briefly.
        public var capacity: Int
        /// Entries unused for this long are retired by the sweeper (``sweepIdle()``, run
        /// periodically by ``PixelClientRegistry/run()``); `nil` keeps them until capacity evicts.
        public var idleExpiry: Duration?
        /// How long a retired client may keep finishing requests before it is closed anyway.
        public var gracePeriod: Duration
        /// The monotonic clock for idle expiry (inject a manual one in tests).
        public var now: @Sendable () -> ContinuousClock.Instant
        /// Keeps refresh tokens between runs, keyed by settings fingerprint; `nil` = memory only.
        public var sessionStore: (any SessionStore)?
        /// Proactive rebuilds for long-running services; `nil` = check on every `getClient()`.
        public var watch: Watch?
        /// Events a slow subscriber may fall behind before the oldest are dropped.
        public var eventBufferSize: Int

        /// Creates a configuration; every argument has a production default.
        public init(
            defaultSettings: DefaultSettingsSource = .standard,
            clientOptions: PixelClientOptions = PixelClientOptions(),
            capacity: Int = 16,
            idleExpiry: Duration? = .seconds(600),
            gracePeriod: Duration = .seconds(30),
            now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
            sessionStore: (any SessionStore)? = nil,
            watch: Watch? = nil,
            eventBufferSize: Int = 256
        ) {
            self.defaultSettings = defaultSettings
            self.clientOptions = clientOptions
            self.capacity = max(1, capacity)
            self.idleExpiry = idleExpiry
            self.gracePeriod = gracePeriod
            self.now = now
            self.sessionStore = sessionStore
            self.watch = watch
            self.eventBufferSize = eventBufferSize
        }
    }

    /// Watch mode: instead of checking the default settings on every `getClient()`, a task in
    /// ``PixelClientRegistry/run()`` re-checks them every `pollInterval` and on `SIGHUP`, rebuilds
    /// when they changed, and on a broken file reports ``PixelFactoryEvent/settingsReloadFailed(_:)``
    /// and keeps serving the last good settings.
    public struct Watch: Sendable {
        /// How often the settings files and environment are re-checked.
        public var pollInterval: Duration
        /// Also re-check when the process receives `SIGHUP`.
        public var reloadOnSIGHUP: Bool

        /// Creates a watch configuration.
        public init(pollInterval: Duration = .seconds(5), reloadOnSIGHUP: Bool = true) {
            self.pollInterval = pollInterval
            self.reloadOnSIGHUP = reloadOnSIGHUP
        }
    }
}

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
        /// The options of clients asked for without `options:`. Options are part of a client's
        /// key: a call with other options gets another client.
        public var clientOptions: PixelClientOptions
        /// Logger, session store, proxy environment and event handler of every client. The
        /// registry reports client events through ``PixelClientRegistry/events(bufferSize:)``
        /// and then calls `hooks.eventHandler`, if set. With a ``PixelClientHooks/sessionStore``,
        /// refresh tokens are kept between runs under each client's settings fingerprint.
        public var hooks: PixelClientHooks
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
        /// Proactive rebuilds for long-running services; `nil` = check on every `getClient()`.
        public var watch: Watch?
        /// Events a slow subscriber may fall behind before the oldest are dropped.
        public var eventBufferSize: Int

        /// Creates a configuration; every argument has a production default.
        public init(
            defaultSettings: DefaultSettingsSource = .standard,
            clientOptions: PixelClientOptions = PixelClientOptions(),
            hooks: PixelClientHooks = PixelClientHooks(),
            capacity: Int = 16,
            idleExpiry: Duration? = .seconds(600),
            gracePeriod: Duration = .seconds(30),
            now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
            watch: Watch? = nil,
            eventBufferSize: Int = 256
        ) {
            self.defaultSettings = defaultSettings
            self.clientOptions = clientOptions
            self.hooks = hooks
            self.capacity = max(1, capacity)
            self.idleExpiry = idleExpiry
            self.gracePeriod = gracePeriod
            self.now = now
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

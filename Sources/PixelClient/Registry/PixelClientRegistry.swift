import NIOConcurrencyHelpers
import Settings

/// The settings-keyed client registry behind ``getClient(settings:options:)`` — Python's
/// `pixel_client.get_client`, without its leaks and races.
///
/// * **Key**: the settings and the ``PixelClientOptions``. The same key always yields the same
///   ``PixelClientCore``, and the blocking and async clients of one key share it: one connection
///   pool, one token.
/// * **Default settings** (no `settings:` argument) are re-checked on every call with the settings
///   foundation's change detection (no parsing unless an input changed). A change builds a new
///   generation; the old one is *retired*: it stops taking new calls, finishes the calls,
///   transfers and uploads already running on it, then closes (forced after
///   ``Configuration/gracePeriod``). Clients handed out earlier send their next call to the
///   current generation, so a holder never calls through a stale or closed client.
/// * **Bounded**: ``Configuration/capacity`` and ``Configuration/idleExpiry``; eviction never
///   picks a client with work in flight.
/// * **Lifecycle**: ``shutdown()`` drains and closes everything, after which clients are no
///   longer handed out (``PixelError/Code/registryShutDown``); the registry is also a
///   ServiceLifecycle `Service`. The ``shared`` registry cannot be shut down.
///
/// ```swift
/// let registry = PixelClientRegistry(configuration: .init(gracePeriod: .seconds(5)))
/// let client = try registry.asyncClient()                 // default settings
/// print(try await client.me().email ?? "")
/// for await event in registry.events() { print(event) }   // created, rebuilt, retired, closed …
/// try await registry.shutdown()
/// ```
public final class PixelClientRegistry: Sendable {
    /// The process-wide registry behind the global ``getClient(settings:options:)`` functions.
    ///
    /// Like AsyncHTTPClient's `HTTPClient.shared`, it cannot be shut down: ``shutdown()`` throws
    /// ``PixelError/Code/shutdownUnsupported``, so no library can break `getClient()` for the rest
    /// of the process. Its clients close when unused for ``Configuration/idleExpiry`` (once
    /// ``sweepIdle()`` or ``run()`` runs) and when the process ends. Make your own registry when
    /// you need to shut one down.
    public static let shared = PixelClientRegistry(configuration: Configuration(), canBeShutDown: false)

    /// How this registry was configured.
    public let configuration: Configuration
    /// `false` for ``shared``.
    let canBeShutDown: Bool
    let broadcaster = EventBroadcaster<PixelFactoryEvent>(isEssential: \.isLifecycleEvent)
    /// Counts generations (``PixelMetricName/generations``) for the configuration's hooks.
    let instrumentation: PixelInstrumentation
    let state = NIOLockedValueBox(RegistryState())
    /// Credentials a person typed, kept for the registry's lifetime so nobody is asked twice.
    let prompts = PromptCoordinator()

    /// Creates a registry. Nothing is read or built until the first client is asked for.
    public convenience init(configuration: Configuration = Configuration()) {
        self.init(configuration: configuration, canBeShutDown: true)
    }

    init(configuration: Configuration, canBeShutDown: Bool) {
        self.configuration = configuration
        self.canBeShutDown = canBeShutDown
        self.instrumentation = PixelInstrumentation(hooks: configuration.hooks)
    }

    /// Publishes `event` to subscribers and counts the generation events.
    func report(_ event: PixelFactoryEvent) {
        switch event {
        case .created: instrumentation.generation("created")
        case .rebuilt: instrumentation.generation("rebuilt")
        case .retired: instrumentation.generation("retired")
        case .closed: instrumentation.generation("closed")
        default: break
        }
        broadcaster.publish(event)
    }

    deinit {
        broadcaster.finish()
    }

    // MARK: - Handing out clients

    /// The blocking client for `settings` (the default settings when `nil`) and `options` (the
    /// configuration's ``Configuration/clientOptions`` when `nil`).
    ///
    /// ```swift
    /// let client = try registry.client()                                   // default settings
    /// let other = try registry.client(settings: settings, options: .init(retryAttempts: 1))
    /// ```
    ///
    /// - Throws: `SettingsError` when the default settings cannot be resolved (every problem
    ///   listed, secrets never shown); ``PixelError`` with ``PixelError/Code/registryShutDown``
    ///   after ``shutdown()``.
    public func client(settings: PixelSettings? = nil, options: PixelClientOptions? = nil) throws -> PixelClient {
        PixelClient(async: try asyncClient(settings: settings, options: options))
    }

    /// The async client for `settings` and `options`; it shares its core with
    /// ``client(settings:options:)`` for the same key.
    ///
    /// ```swift
    /// let client = try registry.asyncClient()
    /// let me = try await client.me()
    /// ```
    ///
    /// - Throws: as ``client(settings:options:)``.
    public func asyncClient(settings: PixelSettings? = nil, options: PixelClientOptions? = nil) throws -> PixelAsyncClient {
        PixelAsyncClient(source: try acquire(settings: settings, options: options).generation)
    }

    /// What happened to the registry's clients. Every call starts a new subscription with its own
    /// bounded buffer: a slow subscriber loses its oldest ordinary events (counted in
    /// `droppedCount`), never a lifecycle event (`retired`, `closed`, `shutDown`), and never slows
    /// the registry down.
    public func events(bufferSize: Int? = nil) -> EventBroadcaster<PixelFactoryEvent>.Subscription {
        broadcaster.subscribe(bufferSize: bufferSize ?? configuration.eventBufferSize)
    }

    /// Counters for tests and diagnostics.
    public struct Statistics: Sendable, Hashable {
        /// Cores built and installed since the registry was created.
        public var constructions: Int
        /// Clients currently held.
        public var entries: Int
        /// Retired generations not yet closed.
        public var draining: Int
    }

    /// The current counters.
    public var statistics: Statistics {
        state.withLockedValue { Statistics(constructions: $0.constructions, entries: $0.entries.count, draining: $0.drains.count) }
    }

    /// A generation handed out, and whether this call built it.
    struct Acquired {
        var generation: RegistryGeneration
        var created: Bool
    }

    /// The generation for `settings` (default settings when `nil`) and `options` (the
    /// configuration's when `nil`).
    func acquire(settings: PixelSettings?, options: PixelClientOptions?) throws -> Acquired {
        let options = options ?? configuration.clientOptions
        if let settings { return try explicitGeneration(ClientKey(settings: settings, options: options)) }
        return try defaultGeneration(options: options)
    }

    // MARK: - Explicit settings

    private enum Lookup {
        case shutDown
        case hit(RegistryGeneration, newlyExplicit: Bool)
        case miss
    }

    /// Explicit settings: a hit is one dictionary lookup under the lock; a miss builds outside it.
    func explicitGeneration(_ key: ClientKey) throws(PixelError) -> Acquired {
        let lookup = state.withLockedValue { state -> Lookup in
            if state.isShutDown { return .shutDown }
            guard let index = state.entries.index(forKey: key) else { return .miss }
            state.entries.values[index].touched = true
            let newlyExplicit = !state.entries.values[index].explicit
            if newlyExplicit { state.entries.values[index].explicit = true }
            return .hit(state.entries.values[index].generation, newlyExplicit: newlyExplicit)
        }
        switch lookup {
        case .shutDown:
            throw PixelError.registryShutDown()
        case .hit(let generation, let newlyExplicit):
            if newlyExplicit { generation.markExplicit() }
            if generation.core.lifecycle.isOpen { return Acquired(generation: generation, created: false) }
        case .miss:
            break
        }
        return try install(key, explicit: true)
    }

    /// Builds a generation for `key` outside the lock and installs it, unless another caller
    /// installed an open one first (then that one is returned and the spare is dropped unused).
    private func install(_ key: ClientKey, explicit: Bool) throws(PixelError) -> Acquired {
        let spare = try makeGeneration(key)
        let now = configuration.now()
        let outcome = state.withLockedValue { state -> InstallOutcome? in
            if state.isShutDown { return nil }
            var outcome = InstallOutcome()
            if let entry = state.entries[key], entry.generation.core.lifecycle.isOpen {
                outcome.generation = entry.generation
            } else {
                if let replaced = state.entries[key]?.generation {
                    state.remove(replaced)
                    outcome.retiring.append(replaced)
                    outcome.rebuiltFrom = replaced
                }
                outcome.generation = adopt(spare, state: &state, now: now)
                outcome.created = true
            }
            if explicit { state.entries[key]?.explicit = true }
            outcome.retiring += state.evictOverCapacity(capacity: configuration.capacity, protecting: outcome.generation, now: now)
            return outcome
        }
        guard let outcome, let generation = outcome.generation else { throw PixelError.registryShutDown() }
        if explicit { generation.markExplicit() }
        publish(outcome, changes: [])
        return Acquired(generation: generation, created: outcome.created)
    }

    // MARK: - Default settings

    private enum DefaultSnapshot {
        case shutDown
        case current(DefaultEntry, epoch: Int)
        case empty(epoch: Int)
    }

    /// Default settings: the last resolution is re-checked (no parsing) and, when unchanged and
    /// its core is open, its generation is returned; otherwise the settings are resolved again
    /// and installed.
    func defaultGeneration(options: PixelClientOptions) throws -> Acquired {
        var attempts = 0
        while true {
            attempts += 1
            let snapshot = state.withLockedValue { state -> DefaultSnapshot in
                if state.isShutDown { return .shutDown }
                if let entry = state.defaults[options] { return .current(entry, epoch: state.defaultEpoch) }
                return .empty(epoch: state.defaultEpoch)
            }
            let epoch: Int
            switch snapshot {
            case .shutDown:
                throw PixelError.registryShutDown()
            case .current(let entry, let current):
                let unchanged = configuration.watch != nil || configuration.defaultSettings.isUnchanged(entry.resolved)
                if unchanged, entry.generation.core.lifecycle.isOpen { return Acquired(generation: entry.generation, created: false) }
                epoch = current
            case .empty(let current):
                epoch = current
            }
            let resolved = try configuration.defaultSettings.resolve()
            // Another caller installed something since our snapshot: look again rather than
            // overwrite a newer resolution with ours (after a few rounds, ours is as good).
            if let installed = try installDefault(resolved, options: options, expectedEpoch: attempts < 4 ? epoch : nil) {
                return installed
            }
        }
    }

    /// Installs `resolved` as the default settings for `options`, reusing the generation of its
    /// key or building one, and retiring the previous default generation. Returns `nil` when
    /// `expectedEpoch` no longer matches (someone else installed first).
    func installDefault(_ resolved: ResolvedPixelSettings, options: PixelClientOptions, expectedEpoch: Int?) throws -> Acquired? {
        let key = ClientKey(settings: resolved.settings, options: options)
        while true {
            let reusable = state.withLockedValue { $0.entries[key]?.generation.core.lifecycle.isOpen == true }
            let spare = reusable ? nil : try makeGeneration(key)
            switch try installDefault(resolved, key: key, spare: spare, expectedEpoch: expectedEpoch) {
            case .installed(let acquired): return acquired
            case .lostRace: return nil
            case .needsSpare: continue
            }
        }
    }

    private enum DefaultInstall {
        case installed(Acquired)
        /// Someone else installed defaults since `expectedEpoch`.
        case lostRace
        /// The generation to reuse closed meanwhile: build one and try again.
        case needsSpare
    }

    private func installDefault(
        _ resolved: ResolvedPixelSettings, key: ClientKey, spare: RegistryGeneration?, expectedEpoch: Int?
    ) throws(PixelError) -> DefaultInstall {
        let options = key.options
        let now = configuration.now()
        let outcome = state.withLockedValue { state -> InstallOutcome? in
            if state.isShutDown {
                var outcome = InstallOutcome()
                outcome.shutDown = true
                return outcome
            }
            if let expectedEpoch, state.defaultEpoch != expectedEpoch { return nil }
            var outcome = InstallOutcome()
            let previous = state.defaults[options]
            outcome.previousResolved = previous?.resolved
            let generation: RegistryGeneration
            if let entry = state.entries[key], entry.generation.core.lifecycle.isOpen {
                generation = entry.generation
            } else {
                guard let spare else {
                    outcome.needsSpare = true
                    return outcome
                }
                if let replaced = state.entries[key]?.generation {
                    state.remove(replaced)
                    outcome.retiring.append(replaced)
                }
                generation = adopt(spare, state: &state, now: now)
                outcome.created = true
            }
            state.defaults[options] = DefaultEntry(resolved: resolved, generation: generation)
            state.defaultEpoch += 1
            outcome.generation = generation
            if let previous = previous?.generation, previous !== generation {
                outcome.rebuiltFrom = previous
                // Explicit users of the old key keep it; otherwise it goes.
                if state.entries[previous.key]?.generation === previous, state.entries[previous.key]?.explicit != true,
                    !state.isDefault(previous)
                {
                    state.remove(previous)
                    outcome.retiring.append(previous)
                }
            }
            outcome.retiring += state.evictOverCapacity(capacity: configuration.capacity, protecting: generation, now: now)
            return outcome
        }
        guard let outcome else { return .lostRace }
        if outcome.shutDown { throw PixelError.registryShutDown() }
        if outcome.needsSpare { return .needsSpare }
        guard let generation = outcome.generation else { return .lostRace }
        let changes = outcome.previousResolved.map { resolved.changes(since: $0) } ?? []
        publish(outcome, changes: changes)
        return .installed(Acquired(generation: generation, created: outcome.created))
    }

    /// Re-checks the default settings now (what watch mode does on every tick and on `SIGHUP`).
    /// A resolution error is published as ``PixelFactoryEvent/settingsReloadFailed(_:)`` and the
    /// last good settings stay in use.
    ///
    /// - Returns: `true` when a new generation was installed.
    @discardableResult
    public func reloadDefaultSettings() -> Bool {
        let (current, isShutDown) = state.withLockedValue { state in (state.defaults, state.isShutDown) }
        // Nothing to reload before the defaults were first asked for (or after shutdown).
        guard !isShutDown, !current.isEmpty else { return false }
        var reloaded = false
        var resolved: ResolvedPixelSettings?
        for (options, entry) in current {
            if configuration.defaultSettings.isUnchanged(entry.resolved), entry.generation.core.lifecycle.isOpen { continue }
            do {
                let fresh = try resolved ?? configuration.defaultSettings.resolve()
                resolved = fresh
                guard let installed = try installDefault(fresh, options: options, expectedEpoch: nil) else { continue }
                reloaded = reloaded || installed.generation !== entry.generation
            } catch let error as SettingsError {
                report(.settingsReloadFailed(error))
                return reloaded
            } catch {
                return reloaded
            }
        }
        return reloaded
    }

    // MARK: - Where retired clients go

    /// The generation that now serves callers of `generation`, which no longer grants leases.
    ///
    /// Holders of explicitly requested settings stay on them (rebuilt if evicted); holders of a
    /// default-settings client follow the current default generation for their options.
    func successor(of generation: RegistryGeneration) throws(PixelError) -> RegistryGeneration {
        if generation.isExplicit { return try explicitGeneration(generation.key).generation }
        do {
            return try defaultGeneration(options: generation.key.options).generation
        } catch let error as PixelError {
            throw error
        } catch {
            // The default settings broke after this client was handed out: keep serving the
            // last good generation rather than failing the call.
            let current = state.withLockedValue { $0.defaults[generation.key.options]?.generation }
            if let current, current.core.lifecycle.isOpen { return current }
            throw PixelError.wrapping(error)
        }
    }

    // MARK: - Building

    /// Builds a generation for `key`: synchronous and without I/O (the token is fetched on first
    /// use). Called outside the lock; ``adopt(_:state:now:)`` installs it.
    private func makeGeneration(_ key: ClientKey) throws(PixelError) -> RegistryGeneration {
        let number = state.withLockedValue { state -> Int in
            state.nextGeneration += 1
            return state.nextGeneration
        }
        let fingerprint = key.settings.fingerprint.hex
        let id = PixelFactoryEvent.ClientID(key: fingerprint, generation: number)
        var hooks = configuration.hooks
        let events = broadcaster
        let ownerHandler = hooks.eventHandler
        hooks.eventHandler = { event in
            switch event {
            case .closed: break  // the registry reports closing itself, with the forced flag
            case .sessionStoreWarning(let warning): events.publish(.sessionStoreWarning(warning))
            default: events.publish(.client(id, event))
            }
            ownerHandler?(event)
        }
        let core = try PixelClientCore(settings: key.settings, options: key.options, hooks: hooks)
        return RegistryGeneration(id: id, key: key, core: core, registry: self)
    }

    /// Records a built generation as the entry of its key (under the lock).
    private func adopt(_ generation: RegistryGeneration, state: inout RegistryState, now: ContinuousClock.Instant) -> RegistryGeneration {
        state.constructions += 1
        state.entries[generation.key] = RegistryEntry(generation: generation, lastUsed: now)
        return generation
    }

    /// Publishes what an install did, in order: created, rebuilt, retired (and starts the drains).
    private func publish(_ outcome: InstallOutcome, changes: [SettingsChange]) {
        if outcome.created, let generation = outcome.generation { report(.created(generation.id)) }
        if let old = outcome.rebuiltFrom, let generation = outcome.generation {
            report(.rebuilt(old: old.id, new: generation.id, changes: changes))
        }
        for generation in outcome.retiring { retire(generation) }
    }
}

/// What one locked install decided; acted on after the lock is released.
struct InstallOutcome {
    var generation: RegistryGeneration?
    var created = false
    var rebuiltFrom: RegistryGeneration?
    var previousResolved: ResolvedPixelSettings?
    var retiring: [RegistryGeneration] = []
    /// A default install found the generation it meant to reuse closed: it needs a new one.
    var needsSpare = false
    /// The registry was shut down: nothing was installed.
    var shutDown = false
}

extension PixelError {
    /// A client was asked for after ``PixelClientRegistry/shutdown()``.
    static func registryShutDown() -> PixelError {
        PixelError(
            code: .registryShutDown,
            message: "The Pixel client registry was shut down; it hands out no more clients. "
                + "Create a new PixelClientRegistry if you need one.")
    }
}

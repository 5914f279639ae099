import Synchronization
import Settings

/// The settings-keyed client registry behind ``getClient(settings:)-(PixelSettings?)`` — Python's
/// `pixel_client.get_client`, done without its leaks and races.
///
/// * **Key**: the settings fingerprint (the registry's ``Configuration/clientOptions`` are fixed
///   per registry). The same key always yields the same ``PixelClientCore``, and the blocking and
///   async facades of one key share it: one connection pool, one token.
/// * **Single flight**: a missing client is built inside the registry's lock (construction is
///   synchronous and does no I/O), so any number of concurrent first calls build exactly one;
///   the token provider then fetches exactly one token.
/// * **Default settings** (no `settings:` argument) are re-checked on every call with the
///   settings foundation's change detection (no parsing unless an input changed). A change
///   installs a new generation; the old one is *retired*: it finishes its requests, then closes
///   (forced after ``Configuration/gracePeriod``). Handles given out for the defaults follow the
///   current generation, so a holder never calls through a stale or closed client.
/// * **Bounded**: ``Configuration/capacity`` and ``Configuration/idleExpiry``; eviction never
///   picks a client with requests in flight.
/// * **Lifecycle**: ``shutdown()`` drains and closes everything, after which `getClient` throws
///   ``PixelError/Code/registryShutDown``; the registry is also a ServiceLifecycle `Service`.
///
/// ```swift
/// let registry = PixelClientRegistry(configuration: .init(gracePeriod: .seconds(5)))
/// let client = try registry.asyncClient()                 // default settings
/// print(try await client.me().email ?? "")
/// for await event in registry.events() { print(event) }   // created, rebuilt, retired, closed …
/// await registry.shutdown()
/// ```
public final class PixelClientRegistry: Sendable {
    /// The process-wide registry used by the global ``getClient(settings:)-(PixelSettings?)`` functions. It can be
    /// shut down (after which they throw); tests and embedders should make their own instances.
    public static let shared = PixelClientRegistry()

    /// How this registry was configured.
    public let configuration: Configuration
    let broadcaster = EventBroadcaster<PixelFactoryEvent>()
    let state = Mutex(RegistryState())
    /// Tells this registry's entries in the per-thread hit caches apart from other registries'.
    let identity = RegistryIdentity.next()
    /// Bumped inside the lock whenever a settings → client mapping may have changed (install,
    /// rebuild, eviction, expiry, retirement, shutdown); a per-thread hit is valid only while it is
    /// unchanged. Read with one atomic load on the hit path.
    let epoch = Atomic<UInt64>(1)

    /// Creates a registry. Nothing is read or built until the first `getClient`.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    deinit {
        broadcaster.finish()
    }

    // MARK: - Handing out clients

    /// The blocking client for `settings`, or for the default settings when `nil`.
    ///
    /// - Throws: `SettingsError` when the default settings cannot be resolved (every problem
    ///   listed, secrets never shown); ``PixelError`` with ``PixelError/Code/registryShutDown``
    ///   after ``shutdown()``.
    @inlinable
    public func client(settings: PixelSettings? = nil) throws -> PixelClient {
        // Inlinable so that the caller's optional reaches the hit path without being copied at
        // each call boundary (`PixelSettings` is ~200 bytes; copies were a third of a hit).
        PixelClient(handle: try handle(settings: settings))
    }

    /// The blocking client for explicit `settings`: the overload a non-optional argument picks.
    ///
    /// The settings are borrowed all the way to the hit check and compared in place, so a hit
    /// copies nothing (an optional argument has to be materialised, a ~200-byte copy with a
    /// retain and release per string, at every call).
    ///
    /// ```swift
    /// let settings = PixelSettings(username: "me", password: "s3cret", tenant: "acme")
    /// let client = try registry.client(settings: settings)
    /// ```
    ///
    /// - Throws: ``PixelError`` with ``PixelError/Code/registryShutDown`` after ``shutdown()``.
    @inlinable
    public func client(settings: borrowing PixelSettings) throws -> PixelClient {
        PixelClient(handle: try explicitHandle(settings))
    }

    /// The async client for `settings`, or for the default settings when `nil`; it shares its
    /// core with ``client(settings:)-(PixelSettings?)`` for the same settings.
    @inlinable
    public func asyncClient(settings: PixelSettings? = nil) throws -> PixelAsyncClient {
        PixelAsyncClient(handle: try handle(settings: settings))
    }

    /// The async client for explicit `settings`, borrowed to the hit check like
    /// ``client(settings:)-(PixelSettings)``.
    ///
    /// ```swift
    /// let client = try registry.asyncClient(settings: settings)
    /// ```
    @inlinable
    public func asyncClient(settings: borrowing PixelSettings) throws -> PixelAsyncClient {
        PixelAsyncClient(handle: try explicitHandle(settings))
    }

    /// The shared core for `settings` (default settings when `nil`).
    public func core(settings: PixelSettings? = nil) throws -> PixelClientCore {
        try handle(settings: settings).core
    }

    /// What happened to the registry's clients. Every call starts a new subscription with its own
    /// bounded buffer: a slow subscriber loses its oldest events (counted in `droppedCount`) and
    /// never slows the registry down.
    public func events(bufferSize: Int? = nil) -> EventBroadcaster<PixelFactoryEvent>.Subscription {
        broadcaster.subscribe(bufferSize: bufferSize ?? configuration.eventBufferSize)
    }

    /// Counters for tests and diagnostics.
    public struct Statistics: Sendable, Hashable {
        /// Cores built since the registry was created.
        public var constructions: Int
        /// Settings keys currently held.
        public var entries: Int
        /// Retired generations not yet closed.
        public var draining: Int
    }

    /// The current counters.
    public var statistics: Statistics {
        state.withLock { Statistics(constructions: $0.constructions, entries: $0.entries.count, draining: $0.drains.count) }
    }

    /// The generation for `settings` (default settings when `nil`), and whether this call built it.
    func acquire(settings: PixelSettings?) throws -> (generation: RegistryGeneration, created: Bool) {
        if let settings { return try explicitGeneration(settings, replacingClosed: false) }
        return try defaultGeneration()
    }

    // MARK: - Explicit settings

    private enum ExplicitLookup {
        case shutDown
        case hit(RegistryGeneration)
        case miss
    }

    /// Explicit settings: a hit is one equality check under the lock (no fingerprint); a miss
    /// fingerprints outside the lock, then finds or builds the entry inside it.
    func explicitGeneration(_ settings: PixelSettings, replacingClosed: Bool) throws -> (generation: RegistryGeneration, created: Bool) {
        let lookup = state.withLock { state -> ExplicitLookup in
            if state.isShutDown { return .shutDown }
            if let recent = state.recent, recent.settings == settings { return .hit(recent.generation) }
            if let key = state.explicitIndex[settings], let entry = state.entries[key] {
                state.recent = RecentExplicit(settings: settings, generation: entry.generation)
                return .hit(entry.generation)
            }
            return .miss
        }
        switch lookup {
        case .shutDown:
            throw PixelError.registryShutDown()
        case .hit(let generation) where !(replacingClosed && generation.core.isClosed):
            generation.usage.markExplicit()
            generation.usage.touch()
            return (generation, false)
        case .hit, .miss:
            break
        }
        let key = settings.fingerprint
        let now = configuration.now()
        let outcome = try state.withLock { state throws(PixelError) -> InstallOutcome in
            if state.isShutDown { throw PixelError.registryShutDown() }
            var outcome = InstallOutcome()
            if let entry = state.entries[key], !entry.generation.core.isClosed {
                outcome.generation = entry.generation
            } else {
                let replaced = state.entries[key]?.generation
                let generation = try makeGeneration(settings: settings, key: key, state: &state)
                if let replaced {
                    state.remove(replaced)
                    outcome.retiring.append(replaced)
                    outcome.rebuiltFrom = replaced
                }
                state.entries[key] = RegistryEntry(generation: generation, lastUsed: now)
                outcome.generation = generation
                outcome.created = true
            }
            state.explicitIndex[settings] = key
            if let generation = outcome.generation {
                state.recent = RecentExplicit(settings: settings, generation: generation)
            }
            outcome.retiring += state.evictOverCapacity(capacity: configuration.capacity, protecting: outcome.generation, now: now)
            epoch.add(1, ordering: .releasing)
            return outcome
        }
        guard let generation = outcome.generation else { throw PixelError.registryShutDown() }
        generation.usage.markExplicit()
        generation.usage.touch()
        publish(outcome, changes: [])
        return (generation, outcome.created)
    }

    // MARK: - Default settings

    private enum DefaultSnapshot {
        case shutDown
        case current(ResolvedPixelSettings, RegistryGeneration, epoch: Int)
        case empty(epoch: Int)
    }

    /// Default settings: the cached resolution is re-checked (no parsing) and, when unchanged,
    /// its generation is returned; otherwise the settings are resolved again and installed.
    func defaultGeneration() throws -> (generation: RegistryGeneration, created: Bool) {
        let acquired = try defaultAcquisition()
        return (acquired.generation, acquired.created)
    }

    /// ``defaultGeneration()`` with the resolution the generation was checked against.
    func defaultAcquisition() throws -> (generation: RegistryGeneration, created: Bool, resolved: ResolvedPixelSettings) {
        var attempts = 0
        while true {
            attempts += 1
            let snapshot = state.withLock { state -> DefaultSnapshot in
                if state.isShutDown { return .shutDown }
                if let resolved = state.defaultResolved, let generation = state.defaultGeneration {
                    return .current(resolved, generation, epoch: state.defaultEpoch)
                }
                return .empty(epoch: state.defaultEpoch)
            }
            let epoch: Int
            switch snapshot {
            case .shutDown:
                throw PixelError.registryShutDown()
            case .current(let resolved, let generation, let current):
                let unchanged = configuration.watch != nil || configuration.defaultSettings.isUnchanged(resolved)
                if unchanged, !generation.core.isClosed {
                    generation.usage.touch()
                    return (generation, false, resolved)
                }
                epoch = current
            case .empty(let current):
                epoch = current
            }
            let resolved = try configuration.defaultSettings.resolve()
            // Another caller installed something since our snapshot: look again rather than
            // overwrite a newer resolution with ours (after a few rounds, ours is as good).
            if let installed = try installDefault(resolved, expectedEpoch: attempts < 4 ? epoch : nil) {
                return (installed.generation, installed.created, resolved)
            }
        }
    }

    /// Installs `resolved` as the default settings, building or reusing the generation of its
    /// key and retiring the previous default generation. Returns `nil` when `expectedEpoch` no
    /// longer matches (someone else installed first).
    func installDefault(_ resolved: ResolvedPixelSettings, expectedEpoch: Int?) throws -> (generation: RegistryGeneration, created: Bool)? {
        let key = resolved.fingerprint
        let now = configuration.now()
        let outcome = try state.withLock { state throws(PixelError) -> InstallOutcome? in
            if state.isShutDown { throw PixelError.registryShutDown() }
            if let expectedEpoch, state.defaultEpoch != expectedEpoch { return nil }
            var outcome = InstallOutcome()
            let previous = state.defaultGeneration
            outcome.previousResolved = state.defaultResolved
            let generation: RegistryGeneration
            if let entry = state.entries[key], !entry.generation.core.isClosed {
                generation = entry.generation
            } else {
                if let replaced = state.entries[key]?.generation {
                    state.remove(replaced)
                    outcome.retiring.append(replaced)
                }
                generation = try makeGeneration(settings: resolved.settings, key: key, state: &state)
                state.entries[key] = RegistryEntry(generation: generation, lastUsed: now)
                outcome.created = true
            }
            state.defaultResolved = resolved
            state.defaultGeneration = generation
            state.defaultEpoch += 1
            outcome.generation = generation
            if let previous, previous !== generation {
                outcome.rebuiltFrom = previous
                // Explicit users of the old key keep it; otherwise it goes.
                if !previous.usage.isExplicit, state.entries[previous.key]?.generation === previous {
                    state.remove(previous)
                    outcome.retiring.append(previous)
                }
            }
            outcome.retiring += state.evictOverCapacity(capacity: configuration.capacity, protecting: generation, now: now)
            epoch.add(1, ordering: .releasing)
            return outcome
        }
        guard let outcome, let generation = outcome.generation else { return nil }
        let changes = outcome.previousResolved.map { resolved.changes(since: $0) } ?? []
        publish(outcome, changes: changes)
        return (generation, outcome.created)
    }

    /// Re-checks the default settings now (what watch mode does on every tick and on SIGHUP).
    /// A resolution error is published as ``PixelFactoryEvent/settingsReloadFailed(_:)`` and the
    /// last good settings stay in use.
    ///
    /// - Returns: `true` when a new generation was installed.
    @discardableResult
    public func reloadDefaultSettings() -> Bool {
        let snapshot = state.withLock { state -> (ResolvedPixelSettings?, RegistryGeneration?, Int, Bool) in
            (state.defaultResolved, state.defaultGeneration, state.defaultEpoch, state.isShutDown)
        }
        let (current, generation, epoch, isShutDown) = snapshot
        // Nothing to reload before the defaults were first asked for (or after shutdown).
        guard !isShutDown, let current, let generation else { return false }
        if configuration.defaultSettings.isUnchanged(current), !generation.core.isClosed { return false }
        do {
            let resolved = try configuration.defaultSettings.resolve()
            guard let installed = try installDefault(resolved, expectedEpoch: epoch) else { return false }
            return installed.generation !== generation
        } catch let error as SettingsError {
            broadcaster.publish(.settingsReloadFailed(error))
            return false
        } catch {
            return false
        }
    }

    // MARK: - Where retired handles go

    /// The core that now serves callers of a retired or closed core.
    ///
    /// Holders of an explicitly requested key stay on that key (rebuilt if it was evicted);
    /// holders of a default-settings client follow the current default generation.
    func successor(settings: PixelSettings, usage: GenerationUsage) throws(PixelError) -> PixelClientCore {
        if usage.isExplicit {
            do {
                return try explicitGeneration(settings, replacingClosed: true).generation.core
            } catch let error as PixelError {
                throw error
            } catch {
                throw PixelError.wrapping(error)
            }
        }
        do {
            return try defaultGeneration().generation.core
        } catch let error as PixelError {
            throw error
        } catch {
            // The default settings broke after this client was handed out: keep serving the
            // last good generation rather than failing the call.
            if let current = state.withLock({ $0.defaultGeneration }), !current.core.isClosed { return current.core }
            throw PixelError.wrapping(error)
        }
    }

    // MARK: - Building

    /// Builds a generation inside the lock: synchronous and without I/O (the token is fetched on
    /// first use), which is what makes single flight a plain locked dictionary.
    private func makeGeneration(settings: PixelSettings, key: SettingsFingerprint, state: inout RegistryState) throws(PixelError) -> RegistryGeneration {
        state.nextGeneration += 1
        let id = PixelFactoryEvent.ClientID(key: key.hex, generation: state.nextGeneration)
        let usage = GenerationUsage()
        var options = configuration.clientOptions
        let events = broadcaster
        let ownerHandler = options.eventHandler
        options.eventHandler = { event in
            // The registry reports closing itself, with the forced flag.
            if case .closed = event {} else { events.publish(.client(id, event)) }
            ownerHandler?(event)
        }
        if let store = configuration.sessionStore {
            options.tokenStore = SessionTokenStore(
                store: store, key: key.hex, legacyKey: settings.legacySessionKey, subject: settings.username,
                onWarning: { events.publish(.sessionStoreWarning($0)) })
        }
        let routing = CoreRouting { [weak self] () throws(PixelError) -> PixelClientCore in
            guard let self else { throw PixelError.registryShutDown() }
            return try self.successor(settings: settings, usage: usage)
        }
        let core = try PixelClientCore(settings: settings, options: options, routing: routing)
        state.constructions += 1
        return RegistryGeneration(id: id, key: key, core: core, usage: usage)
    }

    /// Publishes what an install did, in order: created, rebuilt, retired (and starts the drains).
    private func publish(_ outcome: InstallOutcome, changes: [SettingsChange]) {
        if outcome.created, let generation = outcome.generation { broadcaster.publish(.created(generation.id)) }
        if let old = outcome.rebuiltFrom, let generation = outcome.generation {
            broadcaster.publish(.rebuilt(old: old.id, new: generation.id, changes: changes))
        }
        for generation in outcome.retiring { retire(generation) }
    }
}

/// What one locked install or lookup decided; acted on after the lock is released.
struct InstallOutcome {
    var generation: RegistryGeneration?
    var created = false
    var rebuiltFrom: RegistryGeneration?
    var previousResolved: ResolvedPixelSettings?
    var retiring: [RegistryGeneration] = []
}

extension PixelError {
    /// `getClient` after ``PixelClientRegistry/shutdown()``.
    static func registryShutDown() -> PixelError {
        PixelError(
            code: .registryShutDown,
            message: "The Pixel client registry was shut down; it hands out no more clients. "
                + "Create a new PixelClientRegistry if you need one.")
    }
}

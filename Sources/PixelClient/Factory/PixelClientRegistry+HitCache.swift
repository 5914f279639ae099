import Synchronization
import Settings

extension PixelClientRegistry {
    /// The handle for `settings` (default settings when `nil`): from this thread's hit cache when
    /// the registry's epoch and the settings inputs are unchanged, otherwise through the locked
    /// path, whose result is then remembered for this thread.
    ///
    /// The epoch is read *before* the lookup, so anything the lookup misses moves the epoch away
    /// from what is remembered. A hit costs one atomic load, an `==` on the settings (explicit) or
    /// the inputs check against this thread's copy of `environ` (defaults), and touches only
    /// memory this thread owns or that nobody writes.
    @usableFromInline
    func handle(settings: PixelSettings?) throws -> ClientHandle {
        if let settings { return try explicitHandle(settings) }
        let epoch = self.epoch.load(ordering: .acquiring)
        guard let cache = ThreadHitCache.current else {
            return ClientHandle(core: try acquire(settings: nil).generation.core)
        }
        return try defaultHandle(epoch: epoch, cache: cache)
    }

    /// The handle for explicit `settings`, which stay borrowed through the hit check: a hit
    /// copies nothing and retains nothing but the handle it returns.
    @usableFromInline
    func explicitHandle(_ settings: borrowing PixelSettings) throws -> ClientHandle {
        let epoch = self.epoch.load(ordering: .acquiring)
        let found = try ThreadHitCache.withCurrent { cache throws -> ClientHandle in
            if let handle = cache.explicitHit(registry: identity, epoch: epoch, settings: settings) { return handle }
            return try rememberExplicit(copy settings, epoch: epoch, cache: cache)
        }
        if let found { return found }
        return ClientHandle(core: try explicitGeneration(copy settings, replacingClosed: false).generation.core)
    }

    /// The miss path, out of line so that the hit path stays small.
    @inline(never)
    private func rememberExplicit(_ settings: PixelSettings, epoch: UInt64, cache: ThreadHitCache) throws -> ClientHandle {
        let generation = try explicitGeneration(settings, replacingClosed: false).generation
        let handle = ClientHandle(core: generation.core)
        cache.remember(
            ThreadHitCache.ExplicitEntry(registry: identity, epoch: epoch, settings: settings, generation: generation, handle: handle),
            settings: settings)
        return handle
    }

    private func defaultHandle(epoch: UInt64, cache: ThreadHitCache) throws -> ClientHandle {
        for entry in cache.defaults where entry.registry == identity && entry.epoch == epoch {
            guard isCurrent(entry) else { break }
            entry.usage._withUnsafeGuaranteedRef { $0.touch() }
            return entry.handle
        }
        let acquired = try defaultAcquisition()
        let handle = ClientHandle(core: acquired.generation.core)
        // Remembered only when the environment still matches what was resolved (else the next
        // call resolves again anyway).
        if configuration.defaultSettings.environmentProvider != nil || configuration.watch != nil {
            cache.remember(ThreadHitCache.DefaultEntry(
                registry: identity, epoch: epoch, resolved: acquired.resolved, environment: [],
                generation: acquired.generation, handle: handle))
        } else if let environment = acquired.resolved.inputs.environmentBaseline() {
            cache.remember(ThreadHitCache.DefaultEntry(
                registry: identity, epoch: epoch, resolved: acquired.resolved, environment: environment,
                generation: acquired.generation, handle: handle))
        }
        return handle
    }

    /// Whether a remembered default entry still stands: its core is open and its inputs are
    /// unchanged (watch mode re-checks on its own schedule and moves the epoch).
    private func isCurrent(_ entry: ThreadHitCache.DefaultEntry) -> Bool {
        guard !entry.core._withUnsafeGuaranteedRef({ $0.isClosed }) else { return false }
        if configuration.watch != nil { return true }
        if configuration.defaultSettings.environmentProvider != nil {
            return configuration.defaultSettings.isUnchanged(entry.resolved)
        }
        return entry.inputs.isUnchanged(environmentAddresses: &entry.environment)
    }
}

/// Process-unique registry numbers (an `ObjectIdentifier` could be reused by a later registry
/// allocated at the same address, and a thread's cache must never mistake one for the other).
enum RegistryIdentity {
    private static let counter = Atomic<UInt64>(0)

    static func next() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }
}

import Synchronization
import Settings

/// One client generation in a registry: a core built for one settings key, plus how it was used.
///
/// Immutable apart from the usage flags, so the registry can hand it out without copying.
final class RegistryGeneration: Sendable {
    /// The name events use for this generation.
    let id: PixelFactoryEvent.ClientID
    /// The settings fingerprint the core was built from.
    let key: SettingsFingerprint
    /// The shared core (one pool, one token) behind every facade of this generation.
    let core: PixelClientCore
    /// How the generation was handed out; shared with the core's successor closure.
    let usage: GenerationUsage

    init(id: PixelFactoryEvent.ClientID, key: SettingsFingerprint, core: PixelClientCore, usage: GenerationUsage) {
        self.id = id
        self.key = key
        self.core = core
        self.usage = usage
    }

    /// No call holds a lease and no request is on the wire.
    var isIdle: Bool { core.routing.leaseCount == 0 && core.inFlightRequestCount == 0 }
}

/// Flags about how a generation was handed out. Kept apart from the generation so the core's
/// successor closure can read them without a reference cycle (generation → core → closure).
final class GenerationUsage: Sendable {
    private let explicit = Atomic<Bool>(false)
    private let recentlyUsed = Atomic<Bool>(true)

    /// Someone asked for these settings explicitly: holders stay on this key when it is retired.
    var isExplicit: Bool { explicit.load(ordering: .relaxed) }

    func markExplicit() {
        if !explicit.load(ordering: .relaxed) { explicit.store(true, ordering: .relaxed) }
    }

    /// Records a hit without taking a lock or the time; the sweeper turns it into a timestamp.
    func touch() {
        if !recentlyUsed.load(ordering: .relaxed) { recentlyUsed.store(true, ordering: .relaxed) }
    }

    /// Whether there was a hit since the last call (and clears the flag).
    func takeRecentUse() -> Bool {
        recentlyUsed.exchange(false, ordering: .relaxed)
    }

    /// Whether there was a hit since the last ``takeRecentUse()`` (leaves the flag).
    var wasRecentlyUsed: Bool { recentlyUsed.load(ordering: .relaxed) }
}

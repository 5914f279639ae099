import Settings

/// One settings key held by the registry.
struct RegistryEntry {
    var generation: RegistryGeneration
    /// Refreshed from the generation's use flag by the sweeper and by eviction.
    var lastUsed: ContinuousClock.Instant
}

/// The last explicit settings looked up, so a repeated `getClient(settings:)` is one `==`.
struct RecentExplicit {
    var settings: PixelSettings
    var generation: RegistryGeneration
}

/// Everything the registry's `Mutex` protects. Only bookkeeping happens under the lock; building
/// a core is the one exception, because it is synchronous, cheap and does no I/O.
struct RegistryState {
    var isShutDown = false
    var entries: [SettingsFingerprint: RegistryEntry] = [:]
    var explicitIndex: [PixelSettings: SettingsFingerprint] = [:]
    var recent: RecentExplicit?
    var defaultResolved: ResolvedPixelSettings?
    var defaultGeneration: RegistryGeneration?
    /// Bumped on every default install, so a slow resolver cannot overwrite a newer one.
    var defaultEpoch = 0
    var nextGeneration = 0
    var constructions = 0
    /// Drain tasks the registry started and still owns (awaited by `shutdown()`).
    var drains: [Int: Task<Void, Never>] = [:]
    /// Drains that finished before their task was stored.
    var finishedDrains: Set<Int> = []
    var nextDrainID = 0

    /// Forgets `generation`'s entry and every index pointing at it (does not retire it).
    mutating func remove(_ generation: RegistryGeneration) {
        if entries[generation.key]?.generation === generation { entries[generation.key] = nil }
        if explicitIndex.values.contains(generation.key) {
            explicitIndex = explicitIndex.filter { $0.value != generation.key }
        }
        if recent?.generation === generation { recent = nil }
        if defaultGeneration === generation {
            defaultGeneration = nil
            defaultResolved = nil
            defaultEpoch += 1
        }
    }

    /// Removes least-recently-used idle entries until at most `capacity` remain; the current
    /// default, `protecting` (the entry just handed out) and busy entries are never chosen.
    /// Returns the removed generations to retire.
    mutating func evictOverCapacity(capacity: Int, protecting: RegistryGeneration?, now: ContinuousClock.Instant) -> [RegistryGeneration] {
        guard entries.count > capacity else { return [] }
        var evicted: [RegistryGeneration] = []
        while entries.count > capacity {
            var victim: RegistryEntry?
            for entry in entries.values
            where entry.generation !== defaultGeneration && entry.generation !== protecting && entry.generation.isIdle {
                let lastUsed = entry.generation.usage.wasRecentlyUsed ? now : entry.lastUsed
                if let current = victim, current.lastUsed <= lastUsed { continue }
                victim = RegistryEntry(generation: entry.generation, lastUsed: lastUsed)
            }
            guard let victim else { break }
            remove(victim.generation)
            evicted.append(victim.generation)
        }
        return evicted
    }

    /// Turns use flags into timestamps and removes idle entries unused for `expiry`.
    mutating func expireIdle(expiry: Duration?, now: ContinuousClock.Instant) -> [RegistryGeneration] {
        for (key, entry) in entries where entry.generation.usage.takeRecentUse() {
            entries[key]?.lastUsed = now
        }
        guard let expiry else { return [] }
        let expired = entries.values.filter {
            $0.generation !== defaultGeneration && now - $0.lastUsed >= expiry && $0.generation.isIdle
        }
        for entry in expired { remove(entry.generation) }
        return expired.map(\.generation)
    }
}

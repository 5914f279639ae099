import Settings

/// One client held by the registry.
struct RegistryEntry {
    var generation: RegistryGeneration
    /// Refreshed from ``touched`` by the sweeper and by eviction.
    var lastUsed: ContinuousClock.Instant
    /// Set by every hit; the sweeper turns it into ``lastUsed`` (no clock read per hit).
    var touched = true
    /// Someone asked for this key explicitly.
    var explicit = false
}

/// The default settings as last resolved for one options value, and the generation they map to.
struct DefaultEntry {
    var resolved: ResolvedPixelSettings
    var generation: RegistryGeneration
}

/// Everything the registry's lock protects: one table of clients and the default settings. Only
/// bookkeeping happens under the lock; building, resolving, closing and publishing happen outside.
struct RegistryState {
    var isShutDown = false
    var entries: [ClientKey: RegistryEntry] = [:]
    var defaults: [PixelClientOptions: DefaultEntry] = [:]
    /// Bumped on every default install, so a slow resolver cannot overwrite a newer one.
    var defaultEpoch = 0
    var nextGeneration = 0
    var constructions = 0
    /// Drain tasks the registry started and still owns (awaited by `shutdown()`).
    var drains: [Int: Task<Void, Never>] = [:]
    /// Drains that finished before their task was stored.
    var finishedDrains: Set<Int> = []
    var nextDrainID = 0

    /// Forgets `generation`'s entry and any default that points at it (does not retire it).
    mutating func remove(_ generation: RegistryGeneration) {
        if entries[generation.key]?.generation === generation { entries[generation.key] = nil }
        for (options, entry) in defaults where entry.generation === generation {
            defaults[options] = nil
            defaultEpoch += 1
        }
    }

    /// Whether `generation` is the current default for some options value.
    func isDefault(_ generation: RegistryGeneration) -> Bool {
        defaults.values.contains { $0.generation === generation }
    }

    /// Removes least-recently-used idle entries until at most `capacity` remain; current
    /// defaults, `protecting` (the entry just handed out) and busy entries are never chosen.
    /// Returns the removed generations to retire.
    mutating func evictOverCapacity(capacity: Int, protecting: RegistryGeneration?, now: ContinuousClock.Instant) -> [RegistryGeneration] {
        var evicted: [RegistryGeneration] = []
        while entries.count > capacity {
            var victim: (generation: RegistryGeneration, lastUsed: ContinuousClock.Instant)?
            for entry in entries.values
            where entry.generation !== protecting && !isDefault(entry.generation) && entry.generation.isIdle {
                let lastUsed = entry.touched ? now : entry.lastUsed
                if let current = victim, current.lastUsed <= lastUsed { continue }
                victim = (entry.generation, lastUsed)
            }
            guard let victim else { break }
            remove(victim.generation)
            evicted.append(victim.generation)
        }
        return evicted
    }

    /// Turns use flags into timestamps and removes idle entries unused for `expiry`.
    mutating func expireIdle(expiry: Duration?, now: ContinuousClock.Instant) -> [RegistryGeneration] {
        for key in entries.keys where entries[key]?.touched == true {
            entries[key]?.lastUsed = now
            entries[key]?.touched = false
        }
        guard let expiry else { return [] }
        let expired = entries.values.filter {
            !isDefault($0.generation) && now - $0.lastUsed >= expiry && $0.generation.isIdle
        }
        for entry in expired { remove(entry.generation) }
        return expired.map(\.generation)
    }

    /// Empties the tables (shutdown): returns every generation, newest first.
    mutating func removeAll() -> [RegistryGeneration] {
        let all = entries.values.map(\.generation).sorted { $0.id.generation > $1.id.generation }
        entries.removeAll()
        defaults.removeAll()
        defaultEpoch += 1
        return all
    }
}

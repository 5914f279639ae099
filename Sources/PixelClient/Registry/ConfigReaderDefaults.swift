import Configuration
import Settings
import NIOConcurrencyHelpers

/// Default settings read from a swift-configuration `ConfigReader`, and the answer to "still the
/// same?" on every `getClient()`.
///
/// Without a watcher, each check reads every key from a fresh snapshot of the reader and compares
/// the values with the resolution in use (no parsing: providers hold parsed values). While
/// ``watch(onChange:)`` runs, which ``PixelClientRegistry/run()`` does, the reader's
/// `watchSnapshot` stream moves a generation counter on every provider update; a check then is
/// one lock and two comparisons, and falls back to reading the snapshot once per generation.
final class ConfigReaderDefaults: Sendable {
    let reader: ConfigReader

    private struct State {
        /// Moved by every snapshot the watchers receive.
        var generation = 0
        /// Watchers that have received their first snapshot, so that every later change moves
        /// `generation`.
        var watchers = 0
        /// A resolution known to match the reader at `generation`.
        var verified: (generation: Int, fingerprint: SettingsFingerprint)?
    }

    private let state = NIOLockedValueBox(State())

    init(reader: ConfigReader) {
        self.reader = reader
    }

    /// Reads and resolves the settings from a fresh snapshot.
    func resolve() throws(SettingsError) -> ResolvedPixelSettings {
        let generation = state.withLockedValue { $0.generation }
        let resolved = try PixelSettings.resolve(config: reader.snapshot())
        remember(resolved, at: generation)
        return resolved
    }

    /// `true` when the reader still yields exactly the values of `resolved`.
    func isUnchanged(_ resolved: ResolvedPixelSettings) -> Bool {
        let (generation, known) = state.withLockedValue { state in
            (
                state.generation,
                state.watchers > 0 && state.verified?.generation == state.generation
                    && state.verified?.fingerprint == resolved.fingerprint
            )
        }
        if known { return true }
        guard let values = try? PixelSettings.configValues(from: reader.snapshot()),
            PixelSettings.withDefaults(values) == resolved.resolution.values
        else { return false }
        remember(resolved, at: generation)
        return true
    }

    private func remember(_ resolved: ResolvedPixelSettings, at generation: Int) {
        state.withLockedValue { state in
            // A newer snapshot arrived while we read: leave the check to the next call.
            if state.generation == generation { state.verified = (generation, resolved.fingerprint) }
        }
    }

    /// Follows the reader's snapshots until the task is cancelled, calling `onChange` after each
    /// one (the first included). Returns only when cancelled, so it can sit in a task group whose
    /// first finished child means "shut down".
    func watch(onChange: @escaping @Sendable () -> Void) async {
        var counted = false
        do {
            try await reader.watchSnapshot { updates in
                for await _ in updates {
                    state.withLockedValue { state in
                        state.generation += 1
                        if !counted { state.watchers += 1 }
                    }
                    counted = true
                    onChange()
                }
            }
        } catch {
            // A provider whose watch fails leaves the per-call check in charge.
        }
        if counted { state.withLockedValue { $0.watchers -= 1 } }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}

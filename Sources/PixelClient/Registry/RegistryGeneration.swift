import NIOConcurrencyHelpers
import Settings

/// One client generation in a registry: a core built for one key, and the source every client the
/// registry hands out for that key calls through.
///
/// While its core is open, calls lease it. Once the core was retired (a newer generation replaced
/// it, it was evicted or expired, or a holder closed it), calls go to the registry's current
/// generation of the same lineage instead: holders of explicitly requested settings stay on those
/// settings (rebuilt if they were evicted), holders of the default settings follow the current
/// defaults. A holder therefore never lands a call on a closed core, and calls already running
/// finish on the generation they started on.
final class RegistryGeneration: CoreSource {
    /// The name events use for this generation.
    let id: PixelFactoryEvent.ClientID
    /// The settings and options the core was built from.
    let key: ClientKey
    /// The shared core (one pool, one token) behind every facade of this generation.
    let core: PixelClientCore
    /// Where retired callers are sent; weak, so clients held by a program never keep a
    /// registry alive.
    private weak let registry: PixelClientRegistry?
    /// Whether someone asked for these settings explicitly (then holders stay on this key when
    /// the generation is retired, rather than following the default settings).
    private let explicitlyRequested = NIOLockedValueBox(false)

    init(id: PixelFactoryEvent.ClientID, key: ClientKey, core: PixelClientCore, registry: PixelClientRegistry) {
        self.id = id
        self.key = key
        self.core = core
        self.registry = registry
    }

    var isExplicit: Bool { explicitlyRequested.withLockedValue { $0 } }

    func markExplicit() { explicitlyRequested.withLockedValue { $0 = true } }

    /// No lease is held on the core.
    var isIdle: Bool { core.lifecycle.leaseCount == 0 }

    var currentCore: PixelClientCore { core }

    func withLease<Result>(_ body: (PixelClientCore) async throws(PixelError) -> Result) async throws(PixelError) -> Result {
        var generation = self
        // A few hops at most: each one is a rebuild that happened during this very call.
        for _ in 0..<8 {
            if generation.core.lifecycle.acquire() {
                defer { generation.core.lifecycle.release() }
                return try await body(generation.core)
            }
            guard let registry else { throw .clientClosed() }
            let next = try registry.successor(of: generation)
            guard next !== generation else { throw .clientClosed() }
            generation = next
        }
        throw .clientClosed()
    }
}

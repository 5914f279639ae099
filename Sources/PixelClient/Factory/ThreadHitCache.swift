#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import Settings

/// The clients one thread got from registries most recently, so that a repeated `getClient`
/// on that thread touches no lock and no cache line another thread writes.
///
/// An entry is valid while its registry's `epoch` is unchanged (the registry bumps it inside its
/// lock whenever a settings → client mapping may have changed: install, rebuild, eviction,
/// expiry, retirement, shutdown). Default-settings entries also re-check their inputs, against a
/// copy of the `environ` pointer array kept in the entry. Everything here is confined to its
/// thread (reached through a pthread key), so none of it needs to be `Sendable`.
final class ThreadHitCache {
    /// An explicit-settings hit.
    final class ExplicitEntry {
        let registry: UInt64
        let epoch: UInt64
        let generation: RegistryGeneration
        let handle: ClientHandle
        /// Held out of line so that comparing with it reads in place: a stored `let` of this
        /// ~200-byte struct was copied, and its strings retained, on every comparison.
        private let storedSettings: UnsafeMutablePointer<PixelSettings>

        init(registry: UInt64, epoch: UInt64, settings: PixelSettings, generation: RegistryGeneration, handle: ClientHandle) {
            self.registry = registry
            self.epoch = epoch
            self.generation = generation
            self.handle = handle
            storedSettings = .allocate(capacity: 1)
            storedSettings.initialize(to: settings)
        }

        deinit {
            storedSettings.deinitialize(count: 1)
            storedSettings.deallocate()
        }

        /// Equal settings. A caller that passes the same value again (a stored constant, the
        /// common case) is recognised by comparing the bytes, which skips the field-by-field
        /// `==` and the retains and releases it costs; different bytes still compare with `==`.
        func holds(_ settings: borrowing PixelSettings) -> Bool {
            let identical = withUnsafeBytes(of: settings) { incoming in
                incoming.baseAddress.map { memcmp($0, storedSettings, MemoryLayout<PixelSettings>.size) == 0 } ?? false
            }
            return identical || storedSettings.pointee == settings
        }
    }

    /// A default-settings hit.
    final class DefaultEntry {
        let registry: UInt64
        let epoch: UInt64
        let resolved: ResolvedPixelSettings
        /// This thread's copy of `environ` as last confirmed for `resolved`.
        var environment: [UInt]
        let generation: RegistryGeneration
        let handle: ClientHandle

        init(registry: UInt64, epoch: UInt64, resolved: ResolvedPixelSettings, environment: [UInt], generation: RegistryGeneration, handle: ClientHandle) {
            self.registry = registry
            self.epoch = epoch
            self.resolved = resolved
            self.environment = environment
            self.generation = generation
            self.handle = handle
        }
    }

    /// Entries per kind; bounded so a thread holds on to few retired clients.
    static let capacity = 4

    private(set) var explicit: [ExplicitEntry] = []
    private(set) var defaults: [DefaultEntry] = []

    /// The remembered explicit entry of `registry` at `epoch` for `settings`, if any.
    func explicitEntry(registry: UInt64, epoch: UInt64, settings: borrowing PixelSettings) -> ExplicitEntry? {
        for index in explicit.indices {
            let entry = explicit[index]
            if entry.registry == registry && entry.epoch == epoch && entry.holds(settings) { return entry }
        }
        return nil
    }

    func remember(_ entry: ExplicitEntry, settings: PixelSettings) {
        explicit.removeAll { $0.registry == entry.registry && $0.holds(settings) }
        explicit.insert(entry, at: 0)
        if explicit.count > Self.capacity { explicit.removeLast() }
    }

    func remember(_ entry: DefaultEntry) {
        defaults.removeAll { $0.registry == entry.registry }
        defaults.insert(entry, at: 0)
        if defaults.count > Self.capacity { defaults.removeLast() }
    }

    // MARK: - The thread's instance

    #if canImport(Darwin)
    private typealias Destructor = @convention(c) (UnsafeMutableRawPointer) -> Void
    private static let releaseCache: Destructor = { Unmanaged<ThreadHitCache>.fromOpaque($0).release() }
    #else
    private typealias Destructor = @convention(c) (UnsafeMutableRawPointer?) -> Void
    private static let releaseCache: Destructor = { pointer in
        guard let pointer else { return }
        Unmanaged<ThreadHitCache>.fromOpaque(pointer).release()
    }
    #endif

    /// The pthread key; the destructor releases a thread's cache when the thread exits.
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, releaseCache) == 0 ? key : nil
    }()

    /// This thread's cache (created on first use), or `nil` if thread-specific storage failed.
    static var current: ThreadHitCache? {
        guard let key else { return nil }
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<ThreadHitCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = ThreadHitCache()
        let retained = Unmanaged.passRetained(cache)
        guard pthread_setspecific(key, retained.toOpaque()) == 0 else {
            retained.release()
            return nil
        }
        return cache
    }
}

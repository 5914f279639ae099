#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Settings

/// The clients one thread got from registries most recently, so that a repeated `getClient`
/// on that thread touches no lock and no cache line another thread writes.
///
/// An entry is valid while its registry's `epoch` is unchanged (the registry bumps it inside its
/// lock whenever a settings → client mapping may have changed: install, rebuild, eviction,
/// expiry, retirement, shutdown). Default-settings entries also re-check their inputs, against a
/// copy of the `environ` pointer array kept in the entry. Everything here is confined to its
/// thread (reached through a pthread key), so none of it needs to be `Sendable`.
///
/// ## Shared references
/// A generation, its usage flags and its core are shared by every thread that hits them. Reaching
/// them through strong references made each hit retain and release them: two atomic writes to a
/// cache line all threads fight over, which made two threads slower than one. Entries therefore
/// also keep unretained references to what a hit reads, used with `_withUnsafeGuaranteedRef` (an
/// `unowned(unsafe)` property is still retained when read); they cannot dangle, because the same
/// entry holds `generation` strongly and the generation holds the rest.
final class ThreadHitCache {
    /// An explicit-settings hit.
    final class ExplicitEntry {
        let registry: UInt64
        let epoch: UInt64
        let generation: RegistryGeneration
        let handle: ClientHandle
        /// `generation.usage`, reachable without retaining it (see "Shared references" above).
        let usage: Unmanaged<GenerationUsage>
        /// Held out of line so that comparing with it reads in place: a stored `let` of this
        /// ~200-byte struct was copied, and its strings retained, on every comparison.
        private let storedSettings: UnsafeMutablePointer<PixelSettings>

        init(registry: UInt64, epoch: UInt64, settings: PixelSettings, generation: RegistryGeneration, handle: ClientHandle) {
            self.registry = registry
            self.epoch = epoch
            self.generation = generation
            self.handle = handle
            self.usage = Unmanaged.passUnretained(generation.usage)
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
                incoming.baseAddress.map { Self.sameBytes($0, UnsafeRawPointer(storedSettings), count: MemoryLayout<PixelSettings>.size) }
                    ?? false
            }
            return identical || storedSettings.pointee == settings
        }

        /// `memcmp(a, b, count) == 0`, inlined: eight bytes at a time with the differences OR-ed
        /// together (no branch per word), which LLVM vectorises. A call to `memcmp` for these
        /// ~200 bytes was a quarter of a hit.
        @inline(__always)
        private static func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
            var difference: UInt64 = 0
            var offset = 0
            while offset + 8 <= count {
                difference |= a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < count {
                difference |= UInt64(a.load(fromByteOffset: offset, as: UInt8.self) ^ b.load(fromByteOffset: offset, as: UInt8.self))
                offset += 1
            }
            return difference == 0
        }
    }

    /// A default-settings hit.
    final class DefaultEntry {
        let registry: UInt64
        let epoch: UInt64
        let resolved: ResolvedPixelSettings
        /// `resolved.inputs`, stored: the computed property returns a copy, which retained and
        /// released the arrays inside (shared with every other thread's entry) on every hit.
        let inputs: SettingsInputs
        /// This thread's copy of `environ` as last confirmed for `resolved`. Unchecked
        /// exclusivity: confined to this thread, and only the hit check writes it.
        @exclusivity(unchecked) var environment: [UInt]
        let generation: RegistryGeneration
        let handle: ClientHandle
        /// `generation.usage` and `generation.core`, reachable without retaining them
        /// (see "Shared references" above).
        let usage: Unmanaged<GenerationUsage>
        let core: Unmanaged<PixelClientCore>

        init(registry: UInt64, epoch: UInt64, resolved: ResolvedPixelSettings, environment: [UInt], generation: RegistryGeneration, handle: ClientHandle) {
            self.registry = registry
            self.epoch = epoch
            self.resolved = resolved
            self.inputs = resolved.inputs
            self.environment = environment
            self.generation = generation
            self.handle = handle
            self.usage = Unmanaged.passUnretained(generation.usage)
            self.core = Unmanaged.passUnretained(generation.core)
        }
    }

    /// Entries per kind; bounded so a thread holds on to few retired clients.
    static let capacity = 4

    // Unchecked exclusivity: the cache is confined to its thread and no method re-enters another
    // while it mutates these arrays, so the dynamic access checks (a thread-local access set
    // updated on every read, a tenth of an explicit hit) could never fire.
    @exclusivity(unchecked) private(set) var explicit: [ExplicitEntry] = []
    @exclusivity(unchecked) private(set) var defaults: [DefaultEntry] = []

    /// The remembered handle of `registry` at `epoch` for `settings`, with the use recorded, if
    /// any: the whole explicit hit, in one place so that nothing but the handle is retained.
    func explicitHit(registry: UInt64, epoch: UInt64, settings: borrowing PixelSettings) -> ClientHandle? {
        explicit.withUnsafeBufferPointer { entries in
            for entry in entries where entry.registry == registry && entry.epoch == epoch && entry.holds(settings) {
                entry.usage._withUnsafeGuaranteedRef { $0.touch() }
                return entry.handle
            }
            return nil
        }
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

    /// Runs `body` with this thread's cache (created on first use) without retaining it: the
    /// thread's slot keeps it alive for as long as the thread runs. `nil` if thread-specific
    /// storage failed.
    static func withCurrent<Result>(_ body: (ThreadHitCache) throws -> Result) rethrows -> Result? {
        guard let key else { return nil }
        if let pointer = pthread_getspecific(key) {
            return try Unmanaged<ThreadHitCache>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
        }
        guard let cache = current else { return nil }
        return try body(cache)
    }

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

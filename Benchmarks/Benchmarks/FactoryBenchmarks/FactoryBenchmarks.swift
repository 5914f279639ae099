import Benchmark
import Foundation
import PixelClient
import Settings
import Synchronization

/// Runs `hits` calls of `body` on each of `threads` plain threads and waits for all of them.
func onThreads(_ threads: Int, hits: Int, _ body: @escaping @Sendable () -> Void) {
    let done = DispatchGroup()
    for _ in 0..<threads {
        done.enter()
        Thread {
            for _ in 0..<hits { body() }
            done.leave()
        }.start()
    }
    done.wait()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let fixture = FactoryFixture.shared

    // The benchmark closure runs once per sample, so the registries are built here, once, and
    // warmed with one call: what is measured is the steady-state hit (a fresh registry's first
    // call resolves, builds and registers file watches).
    let envOnly = fixture.registry(fixture.envOnly)
    let withFiles = fixture.registry(fixture.withFiles)
    let explicit = fixture.registry(fixture.envOnly)
    let settings = fixture.explicitSettings
    do {
        blackHole(try envOnly.client())
        blackHole(try withFiles.client())
        blackHole(try explicit.client(settings: settings))
    } catch {
        fatalError("factory benchmark warm-up: \(error)")
    }

    Benchmark("getClient(), unchanged env-only defaults") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try envOnly.client()) }
    }

    Benchmark("getClient(), unchanged defaults with .env + YAML") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try withFiles.client()) }
    }

    Benchmark("getClient(settings:), explicit-settings hit") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try explicit.client(settings: settings)) }
    }

    // The same hits, 1,000 per sample: the harness's own per-sample cost (see "Harness: empty
    // sample") is spread over 1,000 calls. Per-call time = figure / 1,000.
    Benchmark("getClient(), unchanged env-only defaults, 1,000 calls per sample") { _ in
        for _ in 0..<1_000 { blackHole(try envOnly.client()) }
    }

    Benchmark("getClient(), unchanged defaults with .env + YAML, 1,000 calls per sample") { _ in
        for _ in 0..<1_000 { blackHole(try withFiles.client()) }
    }

    Benchmark("getClient(settings:), explicit-settings hit, 1,000 calls per sample") { _ in
        for _ in 0..<1_000 { blackHole(try explicit.client(settings: settings)) }
    }

    Benchmark("Harness: empty sample") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(0) }
    }

    Benchmark("getClient() after a settings change: rebuild incl. retiring", configuration: .init(maxIterations: 2_000)) { benchmark in
        let registry = fixture.registry(fixture.envOnly)
        blackHole(try registry.client())
        var flip = false
        for _ in benchmark.scaledIterations {
            flip.toggle()
            setenv("PIXEL_RETRY_ATTEMPTS", flip ? "3" : "4", 1)
            benchmark.startMeasurement()
            blackHole(try registry.client())
            benchmark.stopMeasurement()
        }
        unsetenv("PIXEL_RETRY_ATTEMPTS")
        try await registry.shutdown()
    }

    // Scaling (informative, not a goal): the same number of hits per thread, on one thread and
    // on two; compare the wall clock per iteration (2 threads doing twice the work in the same
    // time = 2×). Every hit takes the registry's lock, so two threads contend on it.
    for threads in [1, 2] {
        Benchmark("explicit hits, 100k per thread, \(threads) thread(s)", configuration: .init(maxIterations: 50)) { benchmark in
            let registry = fixture.registry(fixture.envOnly)
            let settings = fixture.explicitSettings
            blackHole(try registry.client(settings: settings))
            for _ in benchmark.scaledIterations {
                onThreads(threads, hits: 100_000) { blackHole(try? registry.client(settings: settings)) }
            }
            try await registry.shutdown()
        }
        Benchmark("default hits (env only), 20k per thread, \(threads) thread(s)", configuration: .init(maxIterations: 50)) { benchmark in
            let registry = fixture.registry(fixture.envOnly)
            blackHole(try registry.client())
            for _ in benchmark.scaledIterations {
                onThreads(threads, hits: 20_000) { blackHole(try? registry.client()) }
            }
            try await registry.shutdown()
        }
        // Calibration: what two threads that share nothing at all gain on this machine (the same
        // kind of work as a hit: copying a ~200-byte value and comparing it). A hit path cannot
        // scale better than this.
        Benchmark("calibration: independent copy + compare, 100k per thread, \(threads) thread(s)", configuration: .init(maxIterations: 50)) {
            benchmark in
            for _ in benchmark.scaledIterations {
                onThreads(threads, hits: 100_000) { blackHole(independentWork()) }
            }
        }
    }
}

/// A thread-private copy-and-compare of a 200-byte value, the shape of a cache hit's work.
///
/// Everything is concrete: an earlier version passed the tuple through an unspecialised generic
/// (`opaque<T>(_:)`) and compared with a generic `elementsEqual`; their metadata and
/// value-witness calls made it ~700 ns per call and not share-nothing, so it understated what
/// two threads can gain.
@inline(never)
func independentWork() -> Bool {
    var source = (
        UInt64(1), UInt64(2), UInt64(3), UInt64(4), UInt64(5), UInt64(6), UInt64(7), UInt64(8), UInt64(9), UInt64(10),
        UInt64(11), UInt64(12), UInt64(13), UInt64(14), UInt64(15), UInt64(16), UInt64(17), UInt64(18), UInt64(19), UInt64(20),
        UInt64(21), UInt64(22), UInt64(23), UInt64(24), UInt64(25)
    )
    withUnsafeMutableBytes(of: &source) { opaque($0) }
    var copy = source
    withUnsafeMutableBytes(of: &copy) { opaque($0) }
    return withUnsafeBytes(of: &source) { a in
        withUnsafeBytes(of: &copy) { b in
            for index in 0..<a.count where a[index] != b[index] { return false }
            return true
        }
    }
}

/// Keeps the optimizer from seeing through a value.
@inline(never)
func opaque(_ bytes: UnsafeMutableRawBufferPointer) {}

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
        metrics: [.wallClock, .throughput],
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
        await registry.shutdown()
    }

    // Scaling: the same number of explicit hits per thread, on one thread and on two; compare
    // the wall clock per iteration (2 threads doing twice the work in the same time = 2×).
    for threads in [1, 2] {
        Benchmark("explicit hits, 100k per thread, \(threads) thread(s)", configuration: .init(maxIterations: 50)) { benchmark in
            let registry = fixture.registry(fixture.envOnly)
            let settings = fixture.explicitSettings
            blackHole(try registry.client(settings: settings))
            for _ in benchmark.scaledIterations {
                onThreads(threads, hits: 100_000) { blackHole(try? registry.client(settings: settings)) }
            }
            await registry.shutdown()
        }
        Benchmark("default hits (env only), 20k per thread, \(threads) thread(s)", configuration: .init(maxIterations: 50)) { benchmark in
            let registry = fixture.registry(fixture.envOnly)
            blackHole(try registry.client())
            for _ in benchmark.scaledIterations {
                onThreads(threads, hits: 20_000) { blackHole(try? registry.client()) }
            }
            await registry.shutdown()
        }
    }
}

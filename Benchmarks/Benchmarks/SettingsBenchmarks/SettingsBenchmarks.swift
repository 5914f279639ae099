import Benchmark
import Foundation
import Settings

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 100,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )
    let fixtures = Fixtures.shared
    // The benchmark closure runs once per sample, so the resolutions are made here, once: the
    // steady state is a check of a resolution that has been checked before (the first check of
    // a fresh resolution is a full one, which registers the inotify watches).
    let envOnly = fixtures.resolve(fixtures.envOnly)
    let withFiles = fixtures.resolve(fixtures.withFiles)
    precondition(withFiles.inputs.files.count == 2 && withFiles.inputs.files.allSatisfy(\.exists), "fixture files missing")
    _ = FileManager.default.changeCurrentDirectoryPath(fixtures.directory)
    let defaults = fixtures.resolve(fixtures.defaults)
    for resolved in [envOnly, withFiles, defaults] { precondition(resolved.inputs.isUnchanged(), "fixtures changed") }

    Benchmark("Unchanged check, env only") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(envOnly.inputs.isUnchanged()) }
    }

    Benchmark("Unchanged check, env + .env + YAML") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(withFiles.inputs.isUnchanged()) }
    }

    Benchmark("Unchanged check, default sources (cwd, selectors, .env + YAML)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(defaults.inputs.isUnchanged()) }
    }

    // The unchanged checks again, 1,000 per sample, so the harness's per-sample cost (see
    // "Harness: empty sample") is spread out. Per-call time = figure / 1,000.
    Benchmark("Unchanged check, env only, 1,000 calls per sample") { _ in
        for _ in 0..<1_000 { blackHole(envOnly.inputs.isUnchanged()) }
    }

    Benchmark("Unchanged check, env + .env + YAML, 1,000 calls per sample") { _ in
        for _ in 0..<1_000 { blackHole(withFiles.inputs.isUnchanged()) }
    }

    Benchmark("Harness: empty sample") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(0) }
    }

    Benchmark("Cold resolution, env only") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(fixtures.resolve(fixtures.envOnly)) }
    }

    Benchmark("Cold resolution, env + 45-line .env + 45-key YAML") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(fixtures.resolve(fixtures.withFiles)) }
    }

    floorBenchmarks(fixtures)
}

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

    Benchmark("Unchanged check, env only") { benchmark in
        let resolved = fixtures.resolve(fixtures.envOnly)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(resolved.inputs.isUnchanged()) }
    }

    Benchmark("Unchanged check, env + .env + YAML") { benchmark in
        let resolved = fixtures.resolve(fixtures.withFiles)
        precondition(resolved.inputs.files.count == 2 && resolved.inputs.files.allSatisfy(\.exists), "fixture files missing")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(resolved.inputs.isUnchanged()) }
    }

    Benchmark("Unchanged check, default sources (cwd, selectors, .env + YAML)") { benchmark in
        _ = FileManager.default.changeCurrentDirectoryPath(fixtures.directory)
        let resolved = fixtures.resolve(fixtures.defaults)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(resolved.inputs.isUnchanged()) }
    }

    Benchmark("Cold resolution, env only") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(fixtures.resolve(fixtures.envOnly)) }
    }

    Benchmark("Cold resolution, env + 45-line .env + 45-key YAML") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(fixtures.resolve(fixtures.withFiles)) }
    }
}

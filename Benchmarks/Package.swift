// swift-tools-version: 6.2
// Benchmarks for PixelClient (ordo-one/benchmark). Run with `./run` (also runs the Python anchor).
import Foundation
import PackageDescription

/// A path dependency's identity is its directory name, which differs between checkouts
/// (`main`, `PixelClient`, a CI clone folder), so it is computed rather than spelled out.
let parentPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Only the Settings product: the benchmarks mirror the Pixel schema field for field (see
// PixelSchemaMirror.swift) so that they build without the HTTP stack.
let package = Package(
    name: "PixelClientBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // The default trait needs a repository the mirror lacks; MallocInterposer resolves.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
        // The same versions the main package resolves (the load generators' command line, the
        // bare AsyncHTTPClient loop and the emulator's logger).
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        // libyaml itself, for the cold-resolution floor (what parsing the fixture costs before any
        // settings work); same pkg-config name as the main package's CYAML.
        .systemLibrary(name: "CLibYAML", path: "Benchmarks/CLibYAML", pkgConfig: "yaml-0.1"),
        .executableTarget(
            name: "SettingsBenchmarks",
            dependencies: [
                "CLibYAML",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Settings", package: parentPackage),
            ],
            path: "Benchmarks/SettingsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The factory benchmarks need the client, so this target builds the HTTP stack; run it
        // alone with `swift package benchmark --target FactoryBenchmarks`.
        .executableTarget(
            name: "FactoryBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PixelClient", package: parentPackage),
                .product(name: "Settings", package: parentPackage),
            ],
            path: "Benchmarks/FactoryBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // What more than one benchmark target needs: resident-memory sampling, test files.
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        // Uploads (issue 6): the client and the in-process emulator (Hummingbird) on loopback; run
        // it alone with `swift package benchmark --target UploadBenchmarks` (writes a 1 GiB temp file).
        .executableTarget(
            name: "UploadBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PixelClient", package: parentPackage),
                .product(name: "PixelEmulator", package: parentPackage),
                .product(name: "Settings", package: parentPackage),
            ],
            path: "Benchmarks/UploadBenchmarks",
            exclude: ["upload_anchor.py"],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Requests and uploads against a server in another process (issue 15): plain load
        // generators, not ordo-one benchmarks, so `Benchmarks/run` can run them for a fixed time
        // with many requests in flight, under valgrind, and next to wrk, curl and pixel-client.
        // They do not link the Benchmark harness (nor its malloc interposer). The emulator they
        // measure against runs in its own process too (`RequestLoad emulator`), so the script's
        // release build is this one executable.
        .executableTarget(
            name: "RequestLoad",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "PixelClient", package: parentPackage),
                .product(name: "PixelEmulator", package: parentPackage),
                .product(name: "Settings", package: parentPackage),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Benchmarks/RequestLoad"
        ),
    ]
)

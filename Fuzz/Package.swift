// swift-tools-version: 6.2
// libFuzzer targets for the settings readers and the API models. Build and run them with
// `scripts/fuzz TARGET SECONDS` from the repository root, which passes -sanitize=fuzzer,address;
// a plain `swift build` of this package fails at link time, since `main` and the coverage
// callbacks come from the fuzzer runtime that -sanitize=fuzzer links in.
//
// Each fuzzer is a Swift library that defines LLVMFuzzerTestOneInput (the harness) plus a C
// executable target with no code: SwiftPM gives a Swift executable its own entry point, which
// would replace libFuzzer's `main`.
import Foundation
import PackageDescription

/// A path dependency's identity is its directory name, which differs between checkouts.
let parentPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let settings = Target.Dependency.product(name: "Settings", package: parentPackage)
/// The language settings of the main package, which the model files compiled in here are written for.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "PixelClientFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // What the harnesses share: the invariant check that turns a broken promise into a crash.
        .target(name: "FuzzSupport", dependencies: [settings], swiftSettings: swiftSettings),
        .target(name: "DotEnvHarness", dependencies: ["FuzzSupport", settings], swiftSettings: swiftSettings),
        .target(name: "YAMLHarness", dependencies: ["FuzzSupport", settings], swiftSettings: swiftSettings),
        .target(name: "ResolutionHarness", dependencies: ["FuzzSupport", settings], swiftSettings: swiftSettings),
        // The model files of the PixelClient module compiled into the fuzzer as they are (through
        // symlinks), with the two Transport files they use, so it builds without the HTTP stack.
        .target(name: "ModelsHarness", dependencies: ["FuzzSupport", settings], swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzDotEnv", dependencies: ["DotEnvHarness"]),
        .executableTarget(name: "FuzzYAML", dependencies: ["YAMLHarness"]),
        .executableTarget(name: "FuzzResolution", dependencies: ["ResolutionHarness"]),
        .executableTarget(name: "FuzzModels", dependencies: ["ModelsHarness"]),
    ]
)

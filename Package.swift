// swift-tools-version: 6.2
// PixelClient — a settings-keyed client factory, a typed client and an emulator for the Geodata Pixel API.
import PackageDescription

import Foundation

/// Settings every Swift target of this package shares: `any` at every existential, imports that
/// are internal unless marked `public import`, and members visible only from modules a file
/// imports itself. CI sets `PIXEL_WARNINGS_AS_ERRORS=1` to make every warning in these targets an
/// error (dependencies are not affected).
let swiftSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
    + (ProcessInfo.processInfo.environment["PIXEL_WARNINGS_AS_ERRORS"] == "1" ? [.treatAllWarnings(as: .error)] : [])

let package = Package(
    name: "PixelClient",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Settings", targets: ["Settings"]),
        .library(name: "SettingsConfiguration", targets: ["SettingsConfiguration"]),
        .library(name: "PixelClient", targets: ["PixelClient"]),
        .library(name: "PixelClientTesting", targets: ["PixelClientTesting"]),
        .library(name: "PixelEmulator", targets: ["PixelEmulator"]),
        .executable(name: "pixel", targets: ["pixel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        // AsyncHTTPClient and Hummingbird already depend on it with no traits; `Reloading` adds
        // `ReloadingFileProvider`, which the examples and tests run in a ServiceGroup.
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["Reloading"]),
        // Documentation only (`swift package generate-documentation`); no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.4.0"),
    ],
    targets: [
        // libyaml through pkg-config; `apt-get install libyaml-dev` on Debian/Ubuntu.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // One C function Swift's Glibc module lacks (`statfs`), for the settings file watcher.
        .target(name: "CSettingsSupport"),
        .target(
            name: "Settings",
            dependencies: [
                "CYAML",
                "CSettingsSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                // NIOLock: locks ThreadSanitizer can see (it cannot see Synchronization.Mutex on Linux).
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Our `.env` and YAML readers as swift-configuration file snapshots.
        .target(
            name: "SettingsConfiguration",
            dependencies: [
                "Settings",
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PixelClient",
            dependencies: [
                "Settings",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test doubles for programs that use PixelClient (a scripted credential prompt).
        .target(
            name: "PixelClientTesting",
            dependencies: [
                "PixelClient",
                "Settings",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PixelEmulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pixel",
            dependencies: [
                "Settings",
                "PixelClient",
                "PixelEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runnable samples; the README and the DocC articles quote them (a test checks that every
        // sample there is in one of these files), so every sample compiles in CI.
        .target(
            name: "DocumentationSamples",
            dependencies: [
                "PixelClient",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Examples/DocumentationSamples",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GetClientScript",
            dependencies: ["PixelClient"],
            path: "Examples/GetClientScript",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "NotebookDotEnv",
            dependencies: ["PixelClient"],
            path: "Examples/NotebookDotEnv",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "HummingbirdService",
            dependencies: [
                "PixelClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Examples/HummingbirdService",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ConfigurationService",
            dependencies: [
                "PixelClient",
                "SettingsConfiguration",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Examples/ConfigurationService",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SettingsTests",
            dependencies: ["Settings"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SettingsConfigurationTests",
            dependencies: [
                "Settings",
                "SettingsConfiguration",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PixelEmulatorTests",
            dependencies: [
                "PixelEmulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PixelClientTests",
            dependencies: [
                "PixelClient",
                "PixelClientTesting",
                "PixelEmulator",
                "Settings",
                "SettingsConfiguration",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // RawHTTPServer: answers the emulator cannot give (cut, stalled, oversized bodies).
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PixelCLITests",
            dependencies: [
                "pixel",
                "PixelClient",
                "PixelEmulator",
                "Settings",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

import Foundation
import PixelClient
import Settings

/// The factory benchmarks' world: credentials in the process environment (a benchmark process may
/// `setenv`; tests never do) and copies of the committed `.env` and YAML fixtures in a temp
/// directory, their mtime an hour in the past so the file stamps are not "racy".
struct FactoryFixture: Sendable {
    let directory: String

    static let shared: FactoryFixture = {
        setenv("PIXEL_USERNAME", "bench-user", 1)
        setenv("PIXEL_PASSWORD", "bench-password", 1)
        setenv("PIXEL_TENANT", "benchTenant", 1)
        setenv("PIXEL_CLIENT_NO_VERSION_CHECK", "1", 1)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-factory-bench-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, target) in [("bench.env", ".env"), ("bench.yaml", "pixel.yaml")] {
                let destination = directory.appendingPathComponent(target)
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: destination)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: destination.path)
            }
        } catch {
            fatalError("factory benchmark fixtures: \(error)")
        }
        return FactoryFixture(directory: directory.path)
    }()

    /// Default settings from the process environment only (no `.env`, no YAML).
    var envOnly: DefaultSettingsSource {
        DefaultSettingsSource(sources: PixelSettings.Sources(envFiles: [], yamlFiles: [], workingDirectory: directory))
    }

    /// Default settings from the environment, `.env` and `pixel.yaml` in the fixture directory.
    var withFiles: DefaultSettingsSource {
        DefaultSettingsSource(sources: PixelSettings.Sources(workingDirectory: directory))
    }

    /// A registry whose clients never touch the network (nothing is sent in these benchmarks).
    func registry(_ defaults: DefaultSettingsSource) -> PixelClientRegistry {
        PixelClientRegistry(
            configuration: .init(
                defaultSettings: defaults, hooks: PixelClientHooks(proxyEnvironment: [:]), capacity: 64, gracePeriod: .seconds(1)))
    }

    var explicitSettings: PixelSettings {
        PixelSettings(username: "bench-user", password: "bench-password", tenant: "benchTenant")
    }
}

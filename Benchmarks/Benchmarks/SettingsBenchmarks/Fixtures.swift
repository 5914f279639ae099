import Foundation
import Settings

/// The benchmark's world: credentials in the process environment and copies of the committed
/// fixture files (`Benchmarks/Fixtures/bench.env`, 45 lines; `bench.yaml`, 45 keys) in a temp
/// directory, with their mtime moved an hour into the past so the file stamps are not "racy"
/// (a racy stamp re-hashes the file on every check, see `FileStamp`).
struct Fixtures: Sendable {
    let directory: String

    static let shared: Fixtures = {
        setenv("PIXEL_USERNAME", "bench-user", 1)
        setenv("PIXEL_PASSWORD", "bench-password", 1)
        setenv("KEYCLOAK_REALM", "benchRealm", 1)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-bench-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, target) in [("bench.env", ".env"), ("bench.yaml", "pixel.yaml")] {
                let destination = directory.appendingPathComponent(target)
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: destination)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: destination.path)
            }
        } catch {
            fatalError("benchmark fixtures: \(error)")
        }
        return Fixtures(directory: directory.path)
    }()

    /// Process environment only.
    var envOnly: SettingsSources {
        SettingsSources(environment: .process, workingDirectory: directory)
    }

    /// Process environment, `.env` and `pixel.yaml`, with an explicit working directory.
    var withFiles: SettingsSources {
        SettingsSources(environment: .process, envFiles: .files([".env"]), yamlFiles: .files(["pixel.yaml"]), workingDirectory: directory)
    }

    /// What `PixelSettings.resolve()` uses: selectors `PIXEL_ENV_FILE`/`PIXEL_CONFIG_FILE`, the
    /// default files, and the current directory (so a `getcwd` per check).
    var defaults: SettingsSources {
        SettingsSources(
            environment: .process, envFiles: .discover(selector: "PIXEL_ENV_FILE", defaultPath: ".env"),
            yamlFiles: .discover(selector: "PIXEL_CONFIG_FILE", defaultPath: "pixel.yaml"))
    }

    func resolve(_ sources: SettingsSources) -> ResolvedSettings {
        do {
            return try SettingsResolver(schema: pixelSchema).resolve(sources)
        } catch {
            fatalError("benchmark resolution failed: \(error)")
        }
    }
}

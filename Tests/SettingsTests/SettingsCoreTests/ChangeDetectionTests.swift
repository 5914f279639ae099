import Foundation
@testable import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ChangeDetectionTests {
    // MARK: injected environment

    @Test func dictionaryEnvironmentChangesAreSeen() throws {
        let resolved = try resolveDemo()
        #expect(resolved.inputs.isUnchanged(environment: demoRequired))
        #expect(resolved.inputs.isUnchanged(environment: demoRequired.merging(["UNRELATED": "1"]) { $1 }))
        #expect(!resolved.inputs.isUnchanged(environment: demoRequired.merging(["DEMO_USERNAME": "x"]) { $1 }))
        #expect(!resolved.inputs.isUnchanged(environment: demoRequired.merging(["DEMO_PORT": "1"]) { $1 }))
        #expect(!resolved.inputs.isUnchanged(environment: ["DEMO_USERNAME": "me"]))
        #expect(resolved.inputs.isUnchanged())
    }

    // MARK: files

    @Test func dotEnvEditIsSeenEvenWithTheSameSize() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_PORT=1001\n")
        let resolved = try resolveDemo(envFiles: [".env"], directory: directory.path)
        #expect(resolved.isUnchanged())
        try directory.write(".env", "DEMO_PORT=1002\n")
        #expect(!resolved.isUnchanged())
    }

    @Test func yamlEditIsSeen() throws {
        let directory = try TemporaryDirectory()
        try directory.write("s.yaml", "port: 1\n")
        let resolved = try resolveDemo(yamlFiles: ["s.yaml"], directory: directory.path)
        #expect(resolved.isUnchanged())
        try directory.write("s.yaml", "port: 2\n")
        #expect(!resolved.isUnchanged())
    }

    @Test func fileCreatedAndDeletedAreSeen() throws {
        let directory = try TemporaryDirectory()
        let absent = try resolveDemo(envFiles: [".env"], directory: directory.path)
        #expect(absent.isUnchanged())
        try directory.write(".env", "DEMO_PORT=3\n")
        #expect(!absent.isUnchanged())
        let present = try resolveDemo(envFiles: [".env"], directory: directory.path)
        #expect(present.int("port") == 3)
        try directory.remove(".env")
        #expect(!present.isUnchanged())
    }

    @Test func symlinkSwapIsSeen() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/v1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.path + "/v2", withIntermediateDirectories: true)
        try directory.write("v1/s.yaml", "port: 1\n")
        try directory.write("v2/s.yaml", "port: 2\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/..data", withDestinationPath: "v1")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/s.yaml", withDestinationPath: "..data/s.yaml")
        let resolved = try resolveDemo(yamlFiles: ["s.yaml"], directory: directory.path)
        #expect(resolved.int("port") == 1)
        #expect(resolved.isUnchanged())
        // Kubernetes style: a new link, renamed over `..data` atomically.
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/..data_tmp", withDestinationPath: "v2")
        #expect(rename(directory.path + "/..data_tmp", directory.path + "/..data") == 0)
        #expect(!resolved.isUnchanged())
        #expect(try resolveDemo(yamlFiles: ["s.yaml"], directory: directory.path).int("port") == 2)
    }

    @Test func unchangedCheckParsesNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_PORT=1\n")
        try directory.write("s.yaml", "label: x\n")
        let counter = SettingsParseCounter()
        let resolved = try SettingsInstrumentation.$parseCounter.withValue(counter) {
            try resolveDemo(envFiles: [".env"], yamlFiles: ["s.yaml"], directory: directory.path)
        }
        #expect(counter.count == 2)
        SettingsInstrumentation.$parseCounter.withValue(counter) {
            for _ in 0..<100 { #expect(resolved.isUnchanged()) }
        }
        #expect(counter.count == 2)
    }

    @Test func interpolatedNamesAreWatched() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_LABEL=${HOST_LABEL}\n")
        let env = demoRequired.merging(["HOST_LABEL": "blue"]) { $1 }
        let resolved = try resolveDemo(env: env, envFiles: [".env"], directory: directory.path)
        #expect(resolved.string("label") == "blue")
        #expect(resolved.inputs.consultedEnvironmentNames.contains("HOST_LABEL"))
        #expect(resolved.inputs.isUnchanged(environment: env))
        #expect(!resolved.inputs.isUnchanged(environment: env.merging(["HOST_LABEL": "green"]) { $1 }))
    }

    @Test func discoverySelectorIsWatched() throws {
        let directory = try TemporaryDirectory()
        try directory.write("other.env", "DEMO_PORT=5\n")
        let sources = SettingsSources(
            environment: .dictionary(demoRequired.merging(["DEMO_ENV_FILE": "other.env"]) { $1 }),
            envFiles: .discover(selector: "DEMO_ENV_FILE", defaultPath: ".env"), workingDirectory: directory.path)
        let resolved = try SettingsResolver(schema: demoSchema).resolve(sources)
        #expect(resolved.int("port") == 5)
        #expect(resolved.warnings.isEmpty)
        #expect(!resolved.inputs.isUnchanged(environment: demoRequired))
    }
}

import Foundation
import PixelEmulator
import Testing

/// A running emulator, a home directory and the environment to reach it: what the end-to-end
/// tests of the API commands share. Every output is checked for the account's sentinel
/// password (and `extraSecrets`) as it comes in.
struct CLIWorkspace: Sendable {
    let emulator: PixelEmulator
    let home: URL
    var environment: [String: String]
    var extraSecrets: [String] = []

    /// Runs `pixel arguments…` and checks that no secret is in its output.
    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> CLIResult {
        let result = try await CLIRun.run(arguments, environment: environment, in: home)
        for secret in [CLIAccount.password] + extraSecrets {
            #expect(
                !result.stdout.contains(secret) && !result.stderr.contains(secret), "\(arguments) printed a secret", sourceLocation: sourceLocation)
        }
        return result
    }

    /// Runs `pixel arguments… --json`, expects exit 0 and returns the parsed output.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Any {
        let result = try await run(arguments + ["--json"], sourceLocation: sourceLocation)
        #expect(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    }

    /// ``json(_:sourceLocation:)`` for an object.
    func object(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        try #require(try await json(arguments, sourceLocation: sourceLocation) as? [String: Any], sourceLocation: sourceLocation)
    }

    /// ``json(_:sourceLocation:)`` for an array of objects.
    func objects(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        try #require(try await json(arguments, sourceLocation: sourceLocation) as? [[String: Any]], sourceLocation: sourceLocation)
    }

    /// Writes a small file into the home directory and returns its name.
    func file(_ name: String, bytes: Int = 64) throws -> String {
        try Data(repeating: UInt8(name.count % 251), count: bytes).write(to: home.appendingPathComponent(name))
        return name
    }

    /// A project with one data collection of `type`; returns both ids as arguments.
    func collection(_ type: String, project: Int? = nil) async throws -> (project: String, collection: String) {
        let projectID: Int
        if let project {
            projectID = project
        } else {
            projectID = try #require(try await object(["projects", "create", "--name", "CLI \(type)", "--bbox", "10,59,11,60"])["id"] as? Int)
        }
        let collection = try await object(["collections", "create", "--project", "\(projectID)", "--name", type, "--type", type])
        return ("\(projectID)", "\(try #require(collection["id"] as? Int))")
    }

    /// Runs `body` with a fresh emulator and workspace.
    static func with<T: Sendable>(_ body: (CLIWorkspace) async throws -> T) async throws -> T {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                try await body(CLIWorkspace(emulator: emulator, home: home, environment: CLIAccount.environment(emulator, home: home)))
            }
        }
    }
}

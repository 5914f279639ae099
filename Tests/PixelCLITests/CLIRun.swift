import Foundation
import PixelEmulator

/// What one run of the `pixel` binary produced.
struct CLIResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `pixel` binary as a subprocess with exactly the environment given (nothing is
/// inherited but `TSAN_OPTIONS`, so that a ThreadSanitizer run's child applies the same
/// suppressions and symbolizer) in `directory`, waiting on a plain `Thread` so the two cooperative threads stay free
/// for an in-process emulator. Output goes to files rather than pipes, so a chatty child can
/// never fill a pipe and stall.
enum CLIRun {
    /// `TSAN_OPTIONS` of this process, when it has one (`scripts/tsan` sets it).
    private static let sanitizerEnvironment: [String: String] =
        ProcessInfo.processInfo.environment["TSAN_OPTIONS"].map { ["TSAN_OPTIONS": $0] } ?? [:]

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL) async throws -> CLIResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try runBlocking(arguments, environment: environment, in: directory) })
            }
            thread.start()
        }
    }

    /// Like ``run(_:environment:in:)``, but sends SIGINT (what Ctrl-C sends) once `condition` holds;
    /// `condition` is polled on the waiting thread, so it may look at an emulator's counters.
    static func runInterrupting(
        _ arguments: [String], environment: [String: String], in directory: URL, when condition: @escaping @Sendable () -> Bool
    ) async throws -> CLIResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try runBlocking(arguments, environment: environment, in: directory) { process in
                            while process.isRunning, !condition() { usleep(10_000) }
                            if process.isRunning { process.interrupt() }
                        }
                    })
            }
            thread.start()
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], in directory: URL, whileRunning: (Process) -> Void = { _ in }
    ) throws -> CLIResult {
        let outURL = directory.appendingPathComponent(".pixel-stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".pixel-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = CLIBinary.url
        process.arguments = arguments
        process.environment = environment.merging(sanitizerEnvironment) { given, _ in given }
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        whileRunning(process)
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A temporary working directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}

/// The account the end-to-end tests use; its password is the sentinel no output may contain.
enum CLIAccount {
    static let username = "cli@example.com"
    static let password = "S3NT1NEL-pa55word"
    static let tenant = "acme"

    static var emulatorConfiguration: EmulatorConfiguration {
        EmulatorConfiguration(users: [EmulatorUser(username: username, password: password, tenant: tenant)])
    }

    /// The environment a child needs to reach `emulator`, with HOME and XDG_CONFIG_HOME in `home`.
    static func environment(_ emulator: PixelEmulator, home: URL) -> [String: String] {
        [
            "PIXEL_USERNAME": username, "PIXEL_PASSWORD": password, "PIXEL_TENANT": tenant,
            "PIXEL_AUTH_SERVER_URL": emulator.baseURL, "PIXEL_API_URL": emulator.apiURL(tenant: tenant),
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ].merging(scaledTimeouts) { $1 }
    }

    /// Request timeouts raised by `PIXEL_TEST_TIME_SCALE` (a ThreadSanitizer run is several
    /// times slower); nothing in a normal run.
    static var scaledTimeouts: [String: String] {
        let scale = max(1, Double(ProcessInfo.processInfo.environment["PIXEL_TEST_TIME_SCALE"] ?? "") ?? 1)
        guard scale > 1 else { return [:] }
        return ["PIXEL_API_TIMEOUT": "\(10 * scale)", "PIXEL_TOKEN_TIMEOUT": "\(5 * scale)", "PIXEL_UPLOAD_TIMEOUT": "\(300 * scale)"]
    }
}

extension String {
    /// Replaces the emulator's ephemeral port with `PORT`, for golden comparisons.
    func normalisingPort(_ port: Int) -> String {
        replacingOccurrences(of: ":\(port)", with: ":PORT")
    }
}

import ArgumentParser
import Foundation
import PixelClient
import Settings

/// Where the server is and what to ask it: shared by every load command.
struct ServerOptions: ParsableArguments, Sendable {
    @Option(help: "Keycloak base URL (the emulator: it issues the token).")
    var authURL: String

    @Option(help: "API base URL including the tenant, e.g. http://127.0.0.1:8765/demo (the emulator or nginx).")
    var apiURL: String

    @Option(help: "Name of the server in the output (emulator, nginx).")
    var server: String = "emulator"

    /// The emulator's built-in demo account (its password is a public constant).
    var settings: PixelSettings {
        PixelSettings(
            username: "demo@example.com", password: Secret("demo-password"), tenant: "demo",
            authServerURLOverride: authURL, apiURLOverride: apiURL, uploadTimeout: .seconds(600))
    }
}

/// Which request every loop sends.
enum LoadTarget: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `GET /users/me?extended=false` (what `me()` sends).
    case me
    /// `GET /projects/{id}?extended=false` (what `getProject(_:)` sends).
    case project

    var name: String {
        switch self {
        case .me: "GET /users/me"
        case .project: "GET /projects/{id}"
        }
    }

    /// The path and query the client sends, relative to the API base URL.
    func pathAndQuery(projectID: Int) -> String {
        switch self {
        case .me: "/users/me?extended=false"
        case .project: "/projects/\(projectID)?extended=false"
        }
    }
}

/// How long and how hard a closed loop runs.
struct LoadShape: ParsableArguments, Sendable {
    @Option(help: "The request to send.")
    var target: LoadTarget = .me

    @Option(help: "Project id for --target project (see `setup`).")
    var projectID: Int = 1

    @Option(help: "Requests in flight (tasks, or threads for the blocking client).")
    var inFlight: Int = 64

    @Option(help: "Seconds of warm-up before the measured repetitions (not reported).")
    var warmup: Double = 1

    @Option(help: "Seconds per measured repetition.")
    var duration: Double = 5

    @Option(help: "Measured repetitions.")
    var repetitions: Int = 3

    @Option(help: "Send exactly this many requests instead (no warm-up, one repetition): for instruction counts.")
    var requests: Int?

    /// The phases to run: a warm-up first (unless counting), then the measured ones.
    var phases: [LoadPhase] {
        if let requests { return [.count(requests, measured: true)] }
        var phases: [LoadPhase] = []
        if warmup > 0 { phases.append(.timed(.milliseconds(Int64(warmup * 1000)), measured: false)) }
        for _ in 0..<max(1, repetitions) { phases.append(.timed(.milliseconds(Int64(duration * 1000)), measured: true)) }
        return phases
    }
}

/// One line of output: a load measurement.
struct LoadReport: JSONLine {
    var kind = "requests"
    var client: String
    var target: String
    var server: String
    var inFlight: Int
    var durationSeconds: Double?
    /// Whether each figure is one slice of a `pair` run (the bare loop and ours taking turns).
    var slices: Bool?
    var requestsPerSecond: [Double]
    var requests: [Int]
    /// CPU time of the load generator's process per completed request, in microseconds.
    var cpuMicrosecondsPerRequest: [Double]
    var errors: Int
    var firstError: String?
}

extension LoadShape {
    /// Prints the report of one client's phases (the measured ones; errors from all).
    func report(client: String, server: ServerOptions, _ results: [PhaseResult], slices: Bool = false) throws {
        let measured = results.filter(\.measured)
        let errors = results.reduce(0) { $0 + $1.errors }
        LoadReport(
            client: client, target: target.name, server: server.server, inFlight: inFlight,
            durationSeconds: requests == nil ? duration : nil, slices: slices ? true : nil,
            requestsPerSecond: measured.map { ($0.requestsPerSecond * 10).rounded() / 10 }, requests: measured.map(\.completed),
            cpuMicrosecondsPerRequest: measured.map { ($0.cpuSeconds * 1e7 / Double(max(1, $0.completed))).rounded() / 10 },
            errors: errors, firstError: results.compactMap(\.firstError).first
        ).emit()
        if errors > 0 { throw ExitCode(2) }
    }
}

/// A result printed as one line of JSON with snake_case keys.
protocol JSONLine: Encodable {}

extension JSONLine {
    func emit() {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

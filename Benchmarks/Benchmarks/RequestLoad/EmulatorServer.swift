import ArgumentParser
import Foundation
import Logging
import PixelEmulator

/// `emulator`: the Pixel API emulator in this process until SIGINT or SIGTERM, configured as
/// `pixel emulator --port 0 --admin` (the demo account, the admin endpoint, notices to stderr).
///
/// `Benchmarks/run` starts it as its own process, so the release build it needs is this one
/// executable rather than `pixel` as well. Prints the two lines the script reads:
/// `PIXEL_API_URL=…` and `PIXEL_AUTH_SERVER_URL=…`.
struct EmulatorServer: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "emulator", abstract: "Serve the Pixel API emulator on loopback until SIGINT or SIGTERM.")

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: Int = 0

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let account = EmulatorUser(username: "demo@example.com", password: "demo-password", tenant: "demo")
        var configuration = EmulatorConfiguration(host: "127.0.0.1", port: port, users: [account])
        configuration.adminEndpointEnabled = true
        var logger = Logger(label: "request-load.emulator", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .notice
        let emulator = PixelEmulator(configuration: configuration, logger: logger)
        try await emulator.runUntilSignalled { _ in
            let lines = "PIXEL_API_URL=\(emulator.apiURL(tenant: account.tenant))\nPIXEL_AUTH_SERVER_URL=\(emulator.baseURL)\n"
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
    }
}

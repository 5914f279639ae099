import ArgumentParser
import Foundation
import Logging
import PixelEmulator

/// `pixel emulator`: runs the Pixel API emulator in the foreground until Ctrl-C.
///
/// Prints the environment a client needs, e.g.
/// ```
/// PIXEL_API_URL=http://127.0.0.1:8765/demo
/// PIXEL_AUTH_SERVER_URL=http://127.0.0.1:8765
/// PIXEL_TENANT=demo
/// PIXEL_USERNAME=demo@example.com
/// PIXEL_PASSWORD=demo-password
/// ```
/// The password line is printed only for the built-in demo account, whose password is a public
/// constant. A password passed with `--password` is never echoed (secrets stay out of CLI output);
/// the line then reads `# PIXEL_PASSWORD=<the value you passed with --password>`.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Pixel API emulator (token endpoint, API and object store) until Ctrl-C.",
        discussion: """
            Prints the PIXEL_* environment lines a client needs, then serves on one HTTP listener. \
            Stop it with Ctrl-C (SIGINT) or SIGTERM; it shuts down gracefully and removes its \
            temporary storage.
            """
    )

    @Option(help: "Interface to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port: Int = 8765

    @Option(help: "Username of the single account (default: demo@example.com).")
    var user: String?

    @Option(help: "Password of that account (default: the demo password). Never printed.")
    var password: String?

    @Option(help: "Tenant (Keycloak realm) of that account (default: demo).")
    var tenant: String?

    @Option(help: "Starter data to create: demo.")
    var seed: String?

    @Flag(help: "Serve the /_emulator admin endpoint (fault injection, stats).")
    var admin = false

    @Flag(help: "Log requests errors and lifecycle to stderr.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port).") }
        if let seed, EmulatorSeed(rawValue: seed) == nil {
            throw ValidationError("--seed must be one of: \(EmulatorSeed.allCases.map(\.rawValue).joined(separator: ", ")); got '\(seed)'.")
        }
        if let tenant, tenant.isEmpty || tenant.contains("/") { throw ValidationError("--tenant must be a non-empty path segment.") }
        if user?.isEmpty == true { throw ValidationError("--user must not be empty.") }
    }

    func run() async throws {
        let demo = EmulatorUser(username: "demo@example.com", password: "demo-password", tenant: "demo")
        let account = EmulatorUser(username: user ?? demo.username, password: password ?? demo.password, tenant: tenant ?? demo.tenant)
        var configuration = EmulatorConfiguration(host: host, port: port, users: [account])
        configuration.adminEndpointEnabled = admin
        var logger = Logger(label: "pixel.emulator", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = verbose ? .debug : .notice
        let emulator = PixelEmulator(configuration: configuration, logger: logger)
        let seedKind = seed.flatMap(EmulatorSeed.init(rawValue:))
        let passwordIsDemo = password == nil
        try await emulator.runUntilSignalled { _ in
            if let seedKind { try await emulator.seed(seedKind) }
            Self.emit(Self.environmentLines(emulator: emulator, account: account, passwordIsDemo: passwordIsDemo))
        }
    }

    static func environmentLines(emulator: PixelEmulator, account: EmulatorUser, passwordIsDemo: Bool) -> [String] {
        [
            "# Pixel emulator listening on \(emulator.baseURL) (Ctrl-C to stop)",
            "PIXEL_API_URL=\(emulator.apiURL(tenant: account.tenant))",
            "PIXEL_AUTH_SERVER_URL=\(emulator.baseURL)",
            "PIXEL_TENANT=\(account.tenant)",
            "PIXEL_USERNAME=\(account.username)",
            passwordIsDemo ? "PIXEL_PASSWORD=\(account.password)" : "# PIXEL_PASSWORD=<the value you passed with --password>",
            "PIXEL_CLIENT_NO_VERSION_CHECK=1",
        ]
    }

    /// Writes unbuffered, so a parent process reading a pipe sees the lines at once.
    static func emit(_ lines: [String]) {
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP proxy for one test: tinyproxy (Debian's `tinyproxy` package, which `.ci/run`
/// installs) on 127.0.0.1, in the foreground, logging every request it forwards.
final class TinyProxy: Sendable {
    /// Where the binary is, when installed.
    static let executable: String? = ["/usr/bin/tinyproxy", "/usr/sbin/tinyproxy", "/usr/local/bin/tinyproxy"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isInstalled: Bool { executable != nil }

    let port: Int
    private let directory: String
    private let process: Process

    /// Starts a proxy that asks for `credentials` (Basic) when given; returns once it listens.
    init(credentials: (user: String, password: String)? = nil) async throws {
        guard let executable = Self.executable else { throw ProxyTestError.notInstalled }
        directory = NSTemporaryDirectory() + "tinyproxy-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = try freeLoopbackPort()
        var configuration = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 30
            MaxClients 64
            Allow 127.0.0.1
            LogFile "\(directory)/log"
            LogLevel Connect
            """
        if let credentials { configuration += "\nBasicAuth \(credentials.user) \(credentials.password)" }
        try (configuration + "\n").write(toFile: directory + "/tinyproxy.conf", atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-d", "-c", directory + "/tinyproxy.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = self.port
        guard await waitUntil({ canConnect(toLoopbackPort: port) }) else {
            await stop()
            throw ProxyTestError.didNotStart
        }
    }

    /// The requests the proxy handled, as it logged them (`CONNECT host:port HTTP/1.1`, …).
    var requests: [String] {
        let log = (try? String(contentsOfFile: directory + "/log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "): "), line.contains("Request (file descriptor") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// Kills the proxy (its tunnels would otherwise keep the emulator's connections open for its
    /// 30-second timeout) and waits until it is gone.
    func stop() async {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let process = self.process
        _ = await waitUntil { !process.isRunning }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

enum ProxyTestError: Error {
    case notInstalled
    case didNotStart
}

/// A port on 127.0.0.1 that nothing listens on right now.
func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw ProxyTestError.didNotStart }
    defer { close(descriptor) }
    var address = loopbackAddress(port: 0)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw ProxyTestError.didNotStart }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard named == 0 else { throw ProxyTestError.didNotStart }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
func canConnect(toLoopbackPort port: Int) -> Bool {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = loopbackAddress(port: port)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
}

private func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return address
}

import Foundation
import PixelClient
import PixelEmulator
import Settings
import Synchronization

/// A changeable, injected environment for registry tests (never `setenv`).
final class TestEnvironment: Sendable {
    let values: Mutex<[String: String]>

    init(_ values: [String: String]) {
        self.values = Mutex(values)
    }

    subscript(name: String) -> String? {
        get { values.withLock { $0[name] } }
        set { values.withLock { $0[name] = newValue } }
    }

    var provider: @Sendable () -> [String: String] { { self.values.withLock { $0 } } }

    /// The variables that point the default settings at `emulator`.
    static func pointing(at emulator: PixelEmulator, password: String = "demo-password") -> TestEnvironment {
        TestEnvironment([
            "PIXEL_USERNAME": "demo@example.com",
            "PIXEL_PASSWORD": password,
            "PIXEL_TENANT": "demo",
            "PIXEL_AUTH_SERVER_URL": emulator.baseURL,
            "PIXEL_API_URL": emulator.apiURL(tenant: "demo"),
        ])
    }
}

/// A temporary directory removed after `body`.
func withFactoryTempDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = NSTemporaryDirectory() + "factory-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

extension PixelClientRegistry.Configuration {
    /// Default settings from `environment` with files looked up in `directory` (an empty temp
    /// directory when `nil` is not wanted, pass one), test client options, short grace.
    static func testing(
        environment: TestEnvironment, directory: String, _ tweak: (inout PixelClientRegistry.Configuration) -> Void = { _ in }
    ) -> PixelClientRegistry.Configuration {
        var configuration = PixelClientRegistry.Configuration(
            defaultSettings: .environment(environment.provider, workingDirectory: directory),
            clientOptions: .testing(), hooks: .testing(), gracePeriod: .seconds(10))
        tweak(&configuration)
        return configuration
    }
}

/// Records every registry event from the moment of creation.
final class RegistryEventLog: Sendable {
    final class Store: Sendable {
        let events = Mutex<[PixelFactoryEvent]>([])
    }

    let store = Store()
    private let task: Task<Void, Never>

    init(_ registry: PixelClientRegistry) {
        let subscription = registry.events(bufferSize: 100_000)
        let store = self.store
        task = Task { for await event in subscription { store.events.withLock { $0.append(event) } } }
    }

    var all: [PixelFactoryEvent] { store.events.withLock { $0 } }
    var descriptions: [String] { all.map(\.description) }

    /// Waits (without a time assertion) until an event matches, up to a generous bound.
    func waitFor(_ predicate: @escaping @Sendable (PixelFactoryEvent) -> Bool) async -> Bool {
        for _ in 0..<2_000 {
            if store.events.withLock({ $0.contains(where: predicate) }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// Waits for the subscription to end (after `shutdown()`).
    func finished() async { await task.value }
}

extension PixelFactoryEvent {
    var isCreated: Bool { if case .created = self { true } else { false } }
    var isRebuilt: Bool { if case .rebuilt = self { true } else { false } }
    var isRetired: Bool { if case .retired = self { true } else { false } }
    var isClosed: Bool { if case .closed = self { true } else { false } }
    var isShutDown: Bool { if case .shutDown = self { true } else { false } }

    func isClosed(_ id: ClientID) -> Bool { if case .closed(let closed, _) = self { closed == id } else { false } }
    var kind: String {
        switch self {
        case .created: "created"
        case .rebuilt: "rebuilt"
        case .retired: "retired"
        case .closed: "closed"
        case .client: "client"
        case .settingsReloadFailed: "settingsReloadFailed"
        case .sessionStoreWarning: "sessionStoreWarning"
        case .shutDown: "shutDown"
        }
    }
}

/// Open file descriptors of this process (`/proc/self/fd`).
func openFileDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

/// This process's open file descriptors that are TCP connections to or from `port` (client and
/// server ends; the listening socket excluded). Unlike the total fd count this ignores what tests
/// running in parallel open, so it can be compared with zero.
func openConnectionDescriptors(port: Int) -> Int {
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count > 9 else { continue }
            let ports = [columns[1], columns[2]].compactMap { $0.split(separator: ":").last.flatMap { Int($0, radix: 16) } }
            guard ports.contains(port), columns[3] != "0A" else { continue }  // 0A = LISTEN
            inodes.insert(String(columns[9]))
        }
    }
    inodes.remove("0")  // TIME_WAIT entries belong to no descriptor
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return fds.filter { fd in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd),
            target.hasPrefix("socket:[")
        else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }.count
}

/// Waits until `condition` holds, polling; returns whether it did (bounded, not a timing test).
func waitUntil(_ condition: @Sendable () -> Bool) async -> Bool {
    for _ in 0..<2_000 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Counters shared by the load test's tasks.
final class LoadCounters: Sendable {
    let stop = Atomic<Bool>(false)
    let succeeded = Atomic<Int>(0)
    let failures = Mutex<[String]>([])
}

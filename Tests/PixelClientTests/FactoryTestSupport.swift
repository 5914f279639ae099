import NIOConcurrencyHelpers
import Foundation
import PixelClient
import PixelEmulator
import Settings
import Synchronization

/// A changeable, injected environment for registry tests (never `setenv`).
final class TestEnvironment: Sendable {
    let values: NIOLockedValueBox<[String: String]>

    init(_ values: [String: String]) {
        self.values = NIOLockedValueBox(values)
    }

    subscript(name: String) -> String? {
        get { values.withLockedValue { $0[name] } }
        set { values.withLockedValue { $0[name] = newValue } }
    }

    var provider: @Sendable () -> [String: String] { { self.values.withLockedValue { $0 } } }

    /// The variables that point the default settings at `emulator`.
    static func pointing(at emulator: PixelEmulator, password: String = "demo-password") -> TestEnvironment {
        TestEnvironment(
            [
                "PIXEL_USERNAME": "demo@example.com",
                "PIXEL_PASSWORD": password,
                "PIXEL_TENANT": "demo",
                "PIXEL_AUTH_SERVER_URL": emulator.baseURL,
                "PIXEL_API_URL": emulator.apiURL(tenant: "demo"),
            ].merging(scaledTimeouts) { $1 })
    }

    /// The request timeouts raised by `PIXEL_TEST_TIME_SCALE`; nothing in a normal run, so the
    /// settings stay the defaults there.
    static var scaledTimeouts: [String: String] {
        guard TestTime.scale > 1 else { return [:] }
        return [
            "PIXEL_API_TIMEOUT": "\(10 * TestTime.scale)", "PIXEL_TOKEN_TIMEOUT": "\(5 * TestTime.scale)",
            "PIXEL_UPLOAD_TIMEOUT": "\(300 * TestTime.scale)",
        ]
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
            clientOptions: .testing(), hooks: .testing(), gracePeriod: TestTime.scaled(.seconds(10)))
        tweak(&configuration)
        return configuration
    }
}

/// Records every registry event from the moment of creation, and lets a test await them.
final class RegistryEventLog: Sendable {
    private struct Waiter {
        var id: Int
        var predicate: @Sendable (PixelFactoryEvent) -> Bool
        var count: Int
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var events: [PixelFactoryEvent] = []
        var waiters: [Waiter] = []
        var finished = false
        var nextID = 0

        func satisfies(_ predicate: (PixelFactoryEvent) -> Bool, count: Int) -> Bool {
            events.lazy.filter(predicate).count >= count
        }
    }

    private let state = NIOLockedValueBox(State())
    private let task: Task<Void, Never>

    init(_ registry: PixelClientRegistry) {
        let subscription = registry.events(bufferSize: 100_000)
        let state = self.state
        task = Task {
            for await event in subscription {
                let satisfied = state.withLockedValue { state -> [CheckedContinuation<Bool, Never>] in
                    state.events.append(event)
                    let snapshot = state
                    let ready = snapshot.waiters.filter { snapshot.satisfies($0.predicate, count: $0.count) }
                    state.waiters = snapshot.waiters.filter { !snapshot.satisfies($0.predicate, count: $0.count) }
                    return ready.map(\.continuation)
                }
                for waiter in satisfied { waiter.resume(returning: true) }
            }
            let abandoned = state.withLockedValue { state in
                state.finished = true
                defer { state.waiters.removeAll() }
                return state.waiters.map(\.continuation)
            }
            for waiter in abandoned { waiter.resume(returning: false) }
        }
    }

    var all: [PixelFactoryEvent] { state.withLockedValue { $0.events } }
    var descriptions: [String] { all.map(\.description) }

    /// Waits until `count` events matching `predicate` have arrived (those that already did
    /// count); `false` when the registry's stream ended or ``TestTime/eventLimit`` passed first.
    func waitFor(count: Int = 1, _ predicate: @escaping @Sendable (PixelFactoryEvent) -> Bool) async -> Bool {
        let state = self.state
        let id = state.withLockedValue { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTimeLimit {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let done = state.withLockedValue { state -> Bool? in
                        if state.satisfies(predicate, count: count) { return true }
                        if state.finished || Task.isCancelled { return false }
                        state.waiters.append(Waiter(id: id, predicate: predicate, count: count, continuation: continuation))
                        return nil
                    }
                    if let done { continuation.resume(returning: done) }
                }
            } onCancel: {
                let waiter = state.withLockedValue { state -> Waiter? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index)
                }
                waiter?.continuation.resume(returning: false)
            }
        } ?? false
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

#if os(Linux)
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
        guard let text = readWholeProcFile(table) else { continue }
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
#endif

/// The whole text of a `/proc` file. `String(contentsOfFile:)` stops after the first page of a
/// proc file (4 KiB, about 26 sockets of `/proc/net/tcp`), which hid connections whenever the
/// machine had more sockets than that; reading to the end does not.
func readWholeProcFile(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.readToEnd() else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// Waits until a state (not an event) holds, looking again after each short pause; returns
/// whether it did within ``TestTime/eventLimit``. Events are awaited with
/// ``RegistryEventLog/waitFor(_:)`` instead.
func waitUntil(_ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + TestTime.eventLimit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Counters shared by the load test's tasks.
final class LoadCounters: Sendable {
    let stop = Atomic<Bool>(false)
    let succeeded = Atomic<Int>(0)
    let failures = NIOLockedValueBox<[String]>([])
}

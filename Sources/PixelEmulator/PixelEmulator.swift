import Foundation
import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle
import NIOConcurrencyHelpers
import UnixSignals

/// A local, in-memory Pixel API: Keycloak token endpoint, the API under `/{tenant}` and a presigned
/// object store, all on one loopback listener.
///
/// The API side answers every request the official Python client (pixel-client 1.2.8) sends, at
/// the exact paths it uses: projects, data collections, images, rasters and point clouds with
/// their uploads, optimized rasters and point clouds, jobs, ArcGIS and harvest services,
/// attachments, search, analysis services and tasks, and OIDC users. Invalid bodies get FastAPI's
/// 422 with a `detail` list, unknown ids 404.
///
/// The quickest way in a test:
/// ```swift
/// try await PixelEmulator.withRunning { emulator in
///     // emulator.baseURL is the Keycloak base, emulator.apiURL(tenant: "demo") the API base
/// }
/// ```
/// In a service, add it to a `ServiceGroup` (it is a `Service`): `run()` serves until graceful shutdown.
/// Standalone, call ``start()`` then ``shutdown()``.
public final class PixelEmulator: Service, Sendable {
    /// The configuration it was created with.
    public let configuration: EmulatorConfiguration
    /// Fault injection and token switches.
    public var faults: EmulatorFaults { server.faults }
    /// Request counters.
    public var stats: EmulatorStats { server.stats }

    let server: EmulatorServer
    private let logger: Logger
    private let storageDirectory: String
    private let ownsStorage: Bool
    private let listening = ListeningSignal()
    private let standalone = NIOLockedValueBox<StandaloneRun?>(nil)

    private struct StandaloneRun: Sendable {
        var group: ServiceGroup
        var task: Task<Void, Never>
    }

    /// - Parameters:
    ///   - configuration: users, lifetimes, limits; defaults suit tests.
    ///   - logger: silent unless you pass one. Secrets are never logged.
    public init(
        configuration: EmulatorConfiguration = .init(),
        logger: Logger = Logger(label: "pixel.emulator", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.logger = logger
        if let directory = configuration.storageDirectory {
            storageDirectory = directory
            ownsStorage = false
        } else {
            storageDirectory = NSTemporaryDirectory() + "pixel-emulator-" + RandomToken.make(bytes: 9)
            ownsStorage = true
        }
        server = EmulatorServer(configuration: configuration, storageDirectory: storageDirectory, logger: logger)
    }

    /// The bound port (the configured one until the listener is up).
    public var port: Int { listening.port ?? configuration.port }

    /// `http://host:port`; also the Keycloak base (token endpoint at `/realms/{Realm}/protocol/openid-connect/token`).
    public var baseURL: String { "http://\(urlHost):\(port)" }

    /// The API base for a tenant: `baseURL + "/" + tenant.lowercased()`.
    public func apiURL(tenant: String) -> String { baseURL + "/" + tenant.lowercased() }

    /// Every API route the emulator serves, as `METHOD /path` with the path's `{captures}`: the
    /// keys ``EmulatorStats/routeCount(_:)`` counts under, in registration order.
    public static var apiRoutes: [String] { APIRoutes.all.map(\.statsKey) }

    private var urlHost: String { configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host }

    /// Serves until graceful shutdown or cancellation (the `Service` entry point).
    public func run() async throws {
        do {
            try await makeApplication().run()
        } catch {
            await cleanUp()
            throw error
        }
        await cleanUp()
    }

    /// The Hummingbird application behind ``run()``; tests drive its router without a socket
    /// (and then call ``cleanUp()`` themselves).
    func makeApplication() -> Application<RouterResponder<EmulatorRequestContext>> {
        let server = self.server
        let listening = self.listening
        let host = urlHost
        let storageDirectory = self.storageDirectory
        var application = Application(
            router: server.makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await server.state.setBaseURL("http://\(host):\(port)")
                listening.resolve(port)
            },
            logger: logger
        )
        application.beforeServerStarts { try await server.files.createDirectory(storageDirectory) }
        return application
    }

    /// Marks the emulator stopped and removes storage it created.
    func cleanUp() async {
        listening.fail(EmulatorLifecycleError.stopped)
        if ownsStorage { await server.files.removeTree(storageDirectory) }
    }

    /// Starts serving in the background and returns once the listener is bound (``port`` is then real).
    /// Pair with ``shutdown()``.
    public func start() async throws {
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: [], logger: logger))
        let listening = self.listening
        let started: Bool = standalone.withLockedValue { run in
            guard run == nil else { return false }
            // The one unstructured task: the background run of a standalone emulator, awaited by shutdown().
            run = StandaloneRun(
                group: group,
                task: Task {
                    do { try await group.run() } catch { listening.fail(error) }
                    listening.fail(EmulatorLifecycleError.stopped)
                })
            return true
        }
        guard started else { throw EmulatorLifecycleError.alreadyStarted }
        _ = try await listening.wait()
    }

    /// Stops a ``start()``ed emulator gracefully and removes its temporary storage. Idempotent.
    public func shutdown() async {
        guard
            let run = standalone.withLockedValue({ run in
                defer { run = nil }
                return run
            })
        else { return }
        await run.group.triggerGracefulShutdown()
        await run.task.value
    }

    /// Runs `body` against a started emulator and always shuts it down.
    public static func withRunning<T: Sendable>(
        _ configuration: EmulatorConfiguration = .init(), _ body: (PixelEmulator) async throws -> T
    ) async throws -> T {
        let emulator = PixelEmulator(configuration: configuration)
        try await emulator.start()
        do {
            let result = try await body(emulator)
            await emulator.shutdown()
            return result
        } catch {
            await emulator.shutdown()
            throw error
        }
    }

    /// Serves in the foreground until SIGINT or SIGTERM, then shuts down gracefully (what
    /// `pixel emulator` does). `onListening` runs once with the bound port; if it throws, the
    /// emulator stops and the error is rethrown.
    public func runUntilSignalled(onListening: @escaping @Sendable (Int) async throws -> Void) async throws {
        let group = ServiceGroup(
            configuration: .init(services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await onListening(try await listening.wait())
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            try await tasks.waitForAll()
        }
    }

    /// Waits until the listener is bound and returns the port; throws if the emulator stopped first.
    /// Useful when the emulator runs inside your own `ServiceGroup`.
    public func waitUntilListening() async throws -> Int {
        try await listening.wait()
    }

    /// Every object the store holds (uploads, assembled multipart files, support files, attachments).
    public func storedObjects() async -> [StoredObject] {
        await server.state.storedObjects()
    }

    /// Base64 MD5 of the stored bytes behind a resource, recomputed from disk: `resourceType` is
    /// `image`, `raster`, `point_cloud` or `attachment`. `nil` when no such object is stored.
    public func storedObjectMD5(resourceType: String, id: Int, tenant: String? = nil) async throws -> String? {
        let objects = await storedObjects()
        guard
            let object = objects.first(where: {
                $0.resourceType == resourceType && $0.resourceID == id && (tenant == nil || $0.tenant == tenant?.lowercased())
            })
        else { return nil }
        return try await server.files.md5(ofFileAt: object.path).md5
    }
}

/// Lifecycle misuse of a ``PixelEmulator``.
public struct EmulatorLifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable { case alreadyStarted, stopped }
    private let code: Code

    /// ``PixelEmulator/start()`` was called twice.
    public static let alreadyStarted = EmulatorLifecycleError(code: .alreadyStarted)
    /// The emulator stopped (or failed to bind) before it was listening.
    public static let stopped = EmulatorLifecycleError(code: .stopped)

    public var description: String {
        switch code {
        case .alreadyStarted: "the emulator was already started"
        case .stopped: "the emulator stopped before it was listening"
        }
    }
}

/// One-shot "listening on port N" signal: the first resolve or fail wins.
final class ListeningSignal: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, any Error>])
        case ready(Int)
        case failed(any Error)
    }

    private let state = NIOLockedValueBox<State>(.waiting([]))

    var port: Int? {
        state.withLockedValue { if case .ready(let port) = $0 { return port } else { return nil } }
    }

    func resolve(_ port: Int) {
        let waiters: [CheckedContinuation<Int, any Error>] = state.withLockedValue { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .ready(port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    func fail(_ error: any Error) {
        let waiters: [CheckedContinuation<Int, any Error>] = state.withLockedValue { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .failed(error)
            return waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let immediate: Result<Int, any Error>? = state.withLockedValue { state in
                switch state {
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                case .ready(let port): return .success(port)
                case .failed(let error): return .failure(error)
                }
            }
            if let immediate { continuation.resume(with: immediate) }
        }
    }
}

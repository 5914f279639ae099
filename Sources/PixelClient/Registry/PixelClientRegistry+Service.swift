public import ServiceLifecycle
import UnixSignals

/// The registry as a ServiceLifecycle `Service`.
///
/// `run()` hosts the background work as structured child tasks (the idle sweeper; with
/// ``PixelClientRegistry/Configuration/watch``, the settings watcher and its `SIGHUP` handler;
/// with default settings from a swift-configuration reader, a watcher of its snapshots),
/// waits for graceful shutdown, then calls ``PixelClientRegistry/shutdown()``: every client
/// finishes its work (up to the grace period) and closes. For ``PixelClientRegistry/shared``,
/// which cannot be shut down, `run()` stops its background work and returns, leaving its clients
/// usable. Put the registry *before* the
/// services that use it, so a `ServiceGroup` shuts it down after them.
///
/// A Hummingbird 2 application that serves a route through the registry:
///
/// ```swift
/// import Hummingbird
/// import PixelClient
/// import ServiceLifecycle
///
/// let registry = PixelClientRegistry(configuration: .init(
///     gracePeriod: .seconds(10), watch: .init(pollInterval: .seconds(5))))
///
/// let router = Router()
/// router.get("projects") { _, _ -> [String] in
///     let client = try registry.asyncClient()          // follows settings changes
///     return try await client.listProjects().map(\.name)
/// }
/// var app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8080)))
/// app.addServices(registry)                            // drained and closed on SIGTERM
/// try await app.runService()
/// ```
///
/// Or with a `ServiceGroup` of your own:
///
/// ```swift
/// let group = ServiceGroup(configuration: .init(
///     services: [registry, myServer], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
extension PixelClientRegistry: Service {
    /// Runs the sweeper (and the watcher in watch mode) until graceful shutdown or cancellation,
    /// then drains and closes every client. Returns once everything is closed.
    public func run() async throws {
        let watch = configuration.watch
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await gracefulShutdown() }
            group.addTask { await self.sweepPeriodically() }
            if let config = configuration.defaultSettings.configReader {
                group.addTask { await config.watch { self.reloadDefaultSettings() } }
            }
            if let watch {
                group.addTask { await self.pollSettings(every: watch.pollInterval) }
                if watch.reloadOnSIGHUP {
                    group.addTask { await self.reloadOnHangup() }
                }
            }
            // The loops run until cancelled, so the first child to finish is the shutdown wait.
            await group.next()
            group.cancelAll()
        }
        if canBeShutDown { try await shutdown() }
    }

    private func sweepPeriodically() async {
        let interval = configuration.idleExpiry.map { max(.milliseconds(10), $0 / 4) } ?? .seconds(60)
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            sweepIdle()
        }
    }

    private func pollSettings(every interval: Duration) async {
        reloadDefaultSettings()
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            reloadDefaultSettings()
        }
    }

    private func reloadOnHangup() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals {
            if Task.isCancelled { return }
            reloadDefaultSettings()
        }
    }
}

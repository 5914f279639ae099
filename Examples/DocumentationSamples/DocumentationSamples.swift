// The short samples of the DocC articles and the README, compiled as they are printed there (a
// test checks that each printed sample is a run of lines of this file or of another example).
// Nothing calls these functions; the runnable programs are the other examples.
import CoreMetrics
import Foundation
import PixelClient
import Tracing

/// GettingStarted: the first blocking call.
func firstBlockingCall() throws {
    // Blocking, from a script or a plain thread:
    let client = try getClient()
    let me = try client.me()
    print(me.email ?? "")
}

/// GettingStarted: the first async call.
func firstAsyncCall() async throws {
    // Async, from a task:
    let asyncClient = try getClient(async: .async)
    let projects = try await asyncClient.listProjects()
    print(projects.count)
}

/// The landing page.
func createAndPage() async throws {
    let client = try getClient(async: .async)  // PIXEL_USERNAME, PIXEL_PASSWORD, PIXEL_TENANT …
    let aoi = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
    let project = try await client.createProject(name: "Survey 2026", description: "", areaOfInterest: aoi)
    for try await image in client.paginateImages(project: project.id, dataCollection: 7) {
        print(image.name ?? "")
    }
}

/// ClientLifecycle: options are part of the key.
func optionsArePartOfTheKey() throws {
    let standard = try getClient(async: .async)
    let patient = try getClient(async: .async, options: PixelClientOptions(apiTimeout: .seconds(60)))
    // Different options: a different client. Equal options: the same one.
    print(standard.core === patient.core)
}

/// Configuration: provenance and the fingerprint.
func explainSettings() throws {
    try PixelSettings.useUserFingerprintKey()  // once at startup: ~/.config/pixel-client/fingerprint.key
    let resolved = try PixelSettings.resolve()
    print(resolved.explain())  // the table `pixel config explain` prints
    print(resolved.fingerprint)  // equal in every process of this user for equal settings
}

/// SyncAndAsync: blocking calls belong on plain threads.
func blockingFromAPlainThread() {
    Thread.detachNewThread {
        let client = try? getClient()  // fine: a plain thread
        _ = try? client?.listProjects()
    }
}

/// README: sessions and events.
func sessionsAndEvents() async throws {
    try PixelSettings.useUserFingerprintKey()  // fingerprints, and so session files, stay the same across runs
    let registry = PixelClientRegistry(configuration: .init(hooks: PixelClientHooks(sessionStore: FileSessionStore())))
    for await event in registry.events() { print(event) }  // created, rebuilt (changed keys), retired, closed, …
}

/// Observability: bootstrapping metrics and tracing.
func metricsAndTracing(metrics: any MetricsFactory, tracer: any Tracer) async throws {
    MetricsSystem.bootstrap(metrics)  // once, at startup: every client reports to it
    InstrumentationSystem.bootstrap(tracer)  // spans, and trace headers on API calls
    let client = try getClient(async: .async)
    _ = try await client.listProjects()  // pixel.client.requests, url.template "/projects/"
}

/// Observability: one registry's own metrics and tracer.
func registryInstrumentation(metrics: any MetricsFactory, tracer: any Tracer) {
    let hooks = PixelClientHooks(metricsFactory: metrics, tracer: tracer)
    let registry = PixelClientRegistry(configuration: .init(hooks: hooks))
    _ = registry
}

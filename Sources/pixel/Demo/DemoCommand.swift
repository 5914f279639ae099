import ArgumentParser
import Foundation
import PixelClient
import PixelEmulator
import Settings
import NIOConcurrencyHelpers

/// `pixel demo`: a guided tour of the client against an emulator started in this process.
///
/// Nothing is read from the environment or from files, and nothing is needed beforehand: the
/// emulator listens on an ephemeral loopback port, the settings point at it from an in-memory
/// environment, and the tour ends by shutting both down. The demo account's password is never
/// printed (the settings table shows it redacted).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through the client against an embedded emulator (no account or configuration needed).",
        discussion: """
            Starts the Pixel emulator on 127.0.0.1 (a free port), then: explains the settings, signs in, \
            creates a project and a data collection, uploads a few generated images with a progress \
            bar, searches them, changes a setting to show the client factory rebuilding its client, \
            and shuts everything down.
            """
    )

    @Option(help: "How many images to generate and upload.")
    var images: Int = 3

    func validate() throws {
        guard (1...50).contains(images) else { throw ValidationError("--images must be between 1 and 50.") }
    }

    func run() async throws {
        let count = images
        try await Interrupt.cancellingOnSIGINT {
            try await PixelEmulator.withRunning(EmulatorConfiguration(host: "127.0.0.1", port: 0)) { emulator in
                try await DemoTour(emulator: emulator, imageCount: count, console: .standardOutput).run()
            }
        }
    }
}

/// The steps of the tour, each printing a heading and a few lines.
struct DemoTour: Sendable {
    let emulator: PixelEmulator
    let imageCount: Int
    let console: Console

    func run() async throws {
        let started = ContinuousClock.now
        guard let account = emulator.configuration.users.first else { throw CLIFailure.runtime("The emulator has no account.") }
        console.line("Pixel demo: an emulator is listening on \(emulator.baseURL) (this process, loopback only).")

        // Settings live in an in-memory environment, so the demo reads nothing from yours, and a
        // change to it is what a changed .env or exported variable would be.
        let environment = DemoEnvironment([
            "PIXEL_USERNAME": account.username, "PIXEL_PASSWORD": account.password, "PIXEL_TENANT": account.tenant,
            "PIXEL_AUTH_SERVER_URL": emulator.baseURL, "PIXEL_API_URL": emulator.apiURL(tenant: account.tenant),
        ])
        let source = DefaultSettingsSource.environment({ environment.values }, envFiles: [], yamlFiles: [])
        // No proxy variables from the host: the emulator is on loopback.
        let hooks = PixelClientHooks(proxyEnvironment: [:])
        let registry = PixelClientRegistry(configuration: .init(defaultSettings: source, hooks: hooks, gracePeriod: .seconds(5)))
        let log = DemoEventLog()
        let subscription = registry.events()

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await log.consume(subscription) }
            do {
                try await steps(registry: registry, source: source, environment: environment, log: log)
                try await registry.shutdown()
            } catch {
                try? await registry.shutdown()
                group.cancelAll()
                throw error
            }
            // Shutdown finishes the event stream; cancelling also ends the reader if it has not.
            group.cancelAll()
            try await group.waitForAll()
        }
        let seconds = ByteFormatting.oneDecimal(ByteFormatting.seconds(ContinuousClock.now - started))
        heading("Done")
        console.line("The client and the emulator shut down cleanly; the tour took \(seconds) s.")
        console.line("Next: `pixel emulator` runs one in the foreground; `pixel config explain` shows your own settings.")
    }

    private func steps(
        registry: PixelClientRegistry, source: DefaultSettingsSource, environment: DemoEnvironment, log: DemoEventLog
    ) async throws {
        heading("1. Settings (what `pixel config explain` prints)")
        let resolved = try source.resolve()
        console.write(ConfigExplanation.table(resolved, concise: true))
        console.write(ConfigExplanation.endpoints(resolved.settings))

        heading("2. Sign in")
        let client = try registry.asyncClient()
        let user = try await client.me()
        console.line("Signed in as \(user.username ?? user.email ?? resolved.settings.username); the password was sent once and never printed.")
        printEvents(log.drain())

        heading("3. Create a project and a data collection")
        let area = GeoJSONPolygon(exterior: [(10.70, 59.90), (10.80, 59.90), (10.80, 59.95), (10.70, 59.95)])
        let project = try await client.createProject(name: "Demo harbour survey", description: "Created by pixel demo", areaOfInterest: area)
        let collection = try await client.createDataCollection(
            project: project.id, name: "Drone photos", description: "Generated images", dataCollectionType: .image)
        console.line("Project \(project.id) \"\(project.name)\" with image collection \(collection.id) \"\(collection.name)\".")

        heading("4. Upload \(imageCount) generated image\(imageCount == 1 ? "" : "s")")
        let directory = try DemoImages.write(count: imageCount)
        defer { try? FileManager.default.removeItem(at: directory.base) }
        var options = UploadOptions()
        options.pollInterval = .milliseconds(20)
        options.maxPollInterval = .milliseconds(100)
        let result = try await UploadProgress.show(on: console) { progress in
            try await client.uploadImages(
                project: project.id, dataCollection: collection.id, directory.files.map { UploadFile($0) }, options: options, progress: progress)
        }
        if !result.allSucceeded { throw CLIFailure.runtime("\(result.failures.count) demo uploads failed.") }

        heading("5. Search them")
        console.line("Filter: {\"~\": [{\"var\": \"name\"}, \"demo-%\"]}   (name LIKE 'demo-%')")
        let found = try await client.search(SearchQuery(on: .images, filter: .field("name").like("demo-%")))
        var table = TextTable(["id", "name"])
        for item in found.results { table.append([item["id"]?.intValue.map(String.init) ?? "–", item["name"]?.stringValue ?? "–"]) }
        console.write(table.rendered)
        console.line("\(found.results.count) of \(found.totalCount ?? found.results.count) images matched.")

        heading("6. Change a setting; the factory rebuilds the client")
        console.line("Setting PIXEL_API_TIMEOUT=30 (was the default, 10 s), then calling getClient() again:")
        environment.set("PIXEL_API_TIMEOUT", "30")
        let rebuilt = try registry.asyncClient()
        printEvents(await log.drain { if case .closed = $0 { true } else { false } })
        let me = try await rebuilt.me()
        console.line("Generation 2 signs in again as \(me.username ?? me.email ?? "?"); generation 1 closed once it had no requests in flight.")
        printEvents(log.drain())
    }

    private func heading(_ title: String) {
        console.line("\n== \(title)")
    }

    private func printEvents(_ events: [PixelFactoryEvent]) {
        for event in events { console.line("  event: \(event)") }
    }
}

/// The demo's in-memory environment: read by the registry on every `getClient()`, changed by step 6.
final class DemoEnvironment: Sendable {
    private let storage: NIOLockedValueBox<[String: String]>

    init(_ values: [String: String]) {
        storage = NIOLockedValueBox(values)
    }

    var values: [String: String] { storage.withLockedValue { $0 } }

    func set(_ name: String, _ value: String) {
        storage.withLockedValue { $0[name] = value }
    }
}

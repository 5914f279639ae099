// A Hummingbird 2 service that serves Pixel data through the registry, run as a ServiceLifecycle
// `Service`: graceful shutdown drains and closes every client after the HTTP server stopped.
import Hummingbird
import Logging
import PixelClient
import ServiceLifecycle
import UnixSignals

let logger = Logger(label: "projects-service")
let registry = PixelClientRegistry(configuration: .init(watch: .init(pollInterval: .seconds(5))))
let router = Router()
router.get("/projects") { _, _ in
    let client = try registry.asyncClient()
    return try await client.listProjects().map(\.name).joined(separator: "\n")
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080)), logger: logger)
let group = ServiceGroup(services: [registry, app], gracefulShutdownSignals: [.sigterm], logger: logger)

try await withThrowingTaskGroup(of: Void.self) { tasks in
    tasks.addTask {
        for await event in registry.events() { logger.info("\(event)") }  // created, rebuilt (changed keys), retired, closed, …
    }
    try await group.run()  // graceful shutdown drains and closes every client
    tasks.cancelAll()
}

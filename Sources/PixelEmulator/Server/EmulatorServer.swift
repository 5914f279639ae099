import Hummingbird
import Logging
import NIOCore

/// Everything behind ``PixelEmulator``: state, switches, counters, and the Hummingbird router that
/// serves the four surfaces (token endpoint, object store, admin endpoint, API) on one listener.
final class EmulatorServer: Sendable {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let faults: EmulatorFaults
    let stats: EmulatorStats
    let switches: TokenSwitches
    let files: ObjectFiles
    let logger: Logger

    init(configuration: EmulatorConfiguration, storageDirectory: String, logger: Logger) {
        self.configuration = configuration
        self.switches = TokenSwitches(maxPageSize: configuration.maxPageSize)
        self.faults = EmulatorFaults(tokenSwitches: switches)
        self.stats = EmulatorStats()
        self.files = ObjectFiles()
        self.logger = logger
        self.state = EmulatorState(
            store: ObjectStoreState(directory: storageDirectory, presignedLifetime: configuration.presignedURLLifetime),
            tenants: Array(Set(configuration.users.map { $0.tenant.lowercased() })))
    }

    var limits: PageLimits {
        PageLimits(defaultLimit: configuration.defaultPageSize, maxLimit: switches.maxPageSize)
    }

    /// The emulator's routes. The front middleware sees every request, routed or not.
    func makeRouter() -> Router<EmulatorRequestContext> {
        let router = Router(context: EmulatorRequestContext.self)
        router.add(middleware: EmulatorFrontMiddleware(server: self))
        TokenEndpoint(server: self).register(on: router)
        ObjectStoreEndpoint(server: self).register(on: router)
        if configuration.adminEndpointEnabled {
            AdminEndpoint(server: self).register(on: router)
        }
        let api = router.group("{tenant}").add(middleware: TenantAuthentication(server: self))
        APIRouteTable.register(APIRoutes.all, on: api, server: self)
        return router
    }

    /// Reads a whole request body up to ``EmulatorConfiguration/maxJSONBodyBytes`` (413 with a `detail` beyond).
    func collectBody(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: configuration.maxJSONBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIError.detail(.contentTooLarge, "Request body exceeds the emulator's limit of \(configuration.maxJSONBodyBytes) bytes")
        }
    }
}

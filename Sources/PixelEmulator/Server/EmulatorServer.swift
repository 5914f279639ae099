import Hummingbird
import Logging
import NIOCore

/// The request pipeline behind ``PixelEmulator``: counting, fault injection, then one of the four
/// surfaces (token endpoint, object store, admin endpoint, API), with `X-Request-ID` echoed on all.
final class EmulatorServer: Sendable {
    let configuration: EmulatorConfiguration
    let state: EmulatorState
    let faults: EmulatorFaults
    let stats: EmulatorStats
    let switches: TokenSwitches
    let files: ObjectFiles
    let logger: Logger
    let router: APIRouter

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
        self.router = APIRouter()
    }

    var limits: PageLimits {
        PageLimits(defaultLimit: configuration.defaultPageSize, maxLimit: switches.maxPageSize)
    }

    /// Thrown after the connection was closed on purpose; Hummingbird cannot answer any more.
    struct ConnectionDropped: Error {}

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        stats.recordRequest(method: method, path: path)
        var response: Response
        switch faults.consume(method: method, path: path) {
        case .status(let code)?:
            let status = HTTPResponse.Status(code: code)
            response = code >= 500 ? .text("Injected fault \(code)", status: status) : .json(["detail": "Injected fault"], status: status)
        case .connectionReset?:
            logger.debug("Injected connection reset", metadata: ["path": "\(path)"])
            try? await context.channel.close()
            throw ConnectionDropped()
        case .delay(let duration)?:
            try? await Task.sleep(for: duration)
            response = await route(request, context: context)
        case nil:
            response = await route(request, context: context)
        }
        if let name = Header.requestID, let requestID = request.headers[name] {
            response.headers[name] = requestID
        }
        return response
    }

    private func route(_ request: Request, context: EmulatorRequestContext) async -> Response {
        let path = request.uri.path
        do {
            if path.hasPrefix("/realms/") {
                return try await TokenEndpoint(server: self).handle(request)
            }
            if path.hasPrefix("/_store/") {
                return await ObjectStoreEndpoint(server: self).handle(request)
            }
            if path.hasPrefix("/_emulator/") {
                guard configuration.adminEndpointEnabled else { throw APIError.detail(.notFound, "Not Found") }
                return try await AdminEndpoint(server: self).handle(request)
            }
            return try await router.handle(request, server: self)
        } catch let error as APIError {
            return Response(error)
        } catch {
            logger.error("Unexpected emulator error", metadata: ["error": "\(error)"])
            return .text("Internal emulator error", status: .internalServerError)
        }
    }

    /// Reads a whole request body up to `limit` bytes (413 with a `detail` beyond).
    func collectBody(_ request: Request) async throws -> ByteBuffer {
        var collected = ByteBuffer()
        for try await var chunk in request.body {
            guard collected.readableBytes + chunk.readableBytes <= configuration.maxJSONBodyBytes else {
                throw APIError.detail(.contentTooLarge, "Request body exceeds the emulator's limit of \(configuration.maxJSONBodyBytes) bytes")
            }
            collected.writeBuffer(&chunk)
        }
        return collected
    }
}

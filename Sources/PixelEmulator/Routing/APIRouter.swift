import Hummingbird
import NIOCore
import NIOFoundationCompat
import Foundation

/// One API call after routing: tenant, caller, path ids, query and (lazily parsed) body.
struct APICall: Sendable {
    let server: EmulatorServer
    let tenant: String
    let username: String
    let ids: [String: Int]
    let query: QueryParameters
    let rawBody: ByteBuffer

    func id(_ name: String) -> Int { ids[name] ?? 0 }

    var limits: PageLimits { server.limits }

    /// The JSON object body, or a 422 naming what is wrong with it.
    func body() throws(APIError) -> BodyReader {
        guard rawBody.readableBytes > 0 else { throw .missing(["body"]) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: rawBody)
        } catch {
            throw .validation(["body"], "JSON decode error", type: "json_invalid")
        }
        guard let object = value.objectValue else { throw .validation(["body"], "Input should be a valid dictionary", type: "dict_type") }
        return BodyReader(object)
    }

    /// Runs `body` atomically on this tenant's data.
    func tenantData<R: Sendable>(_ body: @Sendable (inout TenantData, inout ObjectStoreState) throws -> R) async throws -> R {
        try await server.state.withTenant(tenant, body)
    }
}

/// A route: method, path pattern relative to `/{tenant}` (`:name` captures an integer; a trailing
/// `/` is significant), and its handler.
struct APIRoute: Sendable {
    let method: HTTPRequest.Method
    let pattern: [String]
    let statsKey: String
    let handler: @Sendable (APICall) async throws -> JSONValue

    init(_ method: HTTPRequest.Method, _ pattern: String, _ handler: @escaping @Sendable (APICall) async throws -> JSONValue) {
        self.method = method
        self.pattern = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let display = self.pattern.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
        self.statsKey = "\(method.rawValue) /\(display)"
        self.handler = handler
    }

    /// Captured raw values when the path's shape matches.
    func match(_ segments: ArraySlice<String>) -> [String: String]? {
        guard segments.count == pattern.count else { return nil }
        var captures: [String: String] = [:]
        for (expected, actual) in zip(pattern, segments) {
            if expected.hasPrefix(":") {
                guard !actual.isEmpty else { return nil }
                captures[String(expected.dropFirst())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return captures
    }
}

/// Routes API requests exactly (no redirects, no trailing-slash folding): unknown path 404,
/// known path with another method 405, non-integer id 422; then bearer auth (401), then the handler.
struct APIRouter: Sendable {
    let routes: [APIRoute] = APIRoutes.all

    func handle(_ request: Request, server: EmulatorServer) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            QueryParameters.decode($0)
        }
        guard let tenantSegment = segments.first, !tenantSegment.isEmpty else { throw APIError.detail(.notFound, "Not Found") }
        let tenant = tenantSegment.lowercased()
        guard tenant == tenantSegment, await server.state.hasTenant(tenant) else { throw APIError.detail(.notFound, "Not Found") }
        let rest = segments.dropFirst()
        let candidates = routes.compactMap { route in route.match(rest).map { (route, $0) } }
        guard !candidates.isEmpty else { throw APIError.detail(.notFound, "Not Found") }
        guard case let (route, captures)? = candidates.first(where: { $0.0.method == request.method }) else {
            throw APIError.detail(.methodNotAllowed, "Method Not Allowed")
        }
        server.stats.recordRoute(route.statsKey)
        var ids: [String: Int] = [:]
        for (name, raw) in captures {
            guard let value = Int(raw) else {
                throw APIError.validation(["path", name], "Input should be a valid integer, unable to parse string as an integer", type: "int_parsing")
            }
            ids[name] = value
        }
        let username = try await authenticate(request, tenant: tenant, server: server)
        let body = try await server.collectBody(request)
        let call = APICall(server: server, tenant: tenant, username: username, ids: ids, query: QueryParameters(request.uri.query), rawBody: body)
        return .json(try await route.handler(call))
    }

    private func authenticate(_ request: Request, tenant: String, server: EmulatorServer) async throws -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError.notAuthenticated
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingSpaces
        guard let issued = await server.state.validAccessToken(token, generation: server.switches.accessGeneration),
            issued.tenant == tenant
        else {
            throw APIError(status: .unauthorized, body: ["detail": "Invalid or expired token"], headers: [.wwwAuthenticate: "Bearer"])
        }
        return issued.username
    }
}

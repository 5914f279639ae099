import Foundation
import Hummingbird
import NIOFoundationCompat

/// `/_emulator/…`: fault injection and inspection over HTTP, for clients in other processes (the
/// Python smoke test, `pixel emulator`). Served only when
/// ``EmulatorConfiguration/adminEndpointEnabled`` is set; needs no token.
///
/// - `POST /_emulator/faults` `{"count": 2, "method": "GET", "path_prefix": "/demo/projects/",
///   "status": 503 | "reset": true | "delay_ms": 250}`
/// - `DELETE /_emulator/faults`
/// - `POST /_emulator/tokens/expire`, `POST /_emulator/tokens/revoke-refresh`
/// - `PUT /_emulator/max-page-size` `{"value": 10 | null}`
/// - `GET /_emulator/stats`, `GET /_emulator/objects`
/// - `GET /_emulator/routes`: every API route, keyed as in the `routes` counters of `stats`
struct AdminEndpoint {
    let server: EmulatorServer

    func register(on router: Router<EmulatorRequestContext>) {
        let admin = router.group("_emulator")
        route(admin, .post, "faults") { request in try await scheduleFault(request) }
        route(admin, .delete, "faults") { _ in
            server.faults.clear()
            return ["cleared": true]
        }
        route(admin, .post, "tokens/expire") { _ in
            server.faults.expireAllAccessTokens()
            return ["expired": true]
        }
        route(admin, .post, "tokens/revoke-refresh") { _ in
            server.faults.revokeRefreshTokens()
            return ["revoked": true]
        }
        route(admin, .put, "max-page-size") { request in
            server.faults.setMaxPageSize(try await jsonBody(request).int("value"))
            return ["max_page_size": server.switches.maxPageSize.json]
        }
        route(admin, .get, "stats") { _ in statistics() }
        route(admin, .get, "routes") { _ in .array(APIRoutes.all.map { .string($0.statsKey) }) }
        route(admin, .get, "objects") { _ in await objects() }
    }

    /// Registers `path` below `/_emulator`, counted in the route statistics, answering JSON.
    private func route(
        _ admin: RouterGroup<EmulatorRequestContext>, _ method: HTTPRequest.Method, _ path: String,
        _ answer: @escaping @Sendable (Request) async throws -> JSONValue
    ) {
        admin.on(RouterPath(path), method: method) { request, _ in
            server.stats.recordRoute("\(method.rawValue) /_emulator/\(path)")
            return Response.json(try await answer(request))
        }
    }

    private func scheduleFault(_ request: Request) async throws -> JSONValue {
        let body = try await jsonBody(request)
        let count = try body.int("count") ?? 1
        let prefix = try body.requiredString("path_prefix")
        let fault: EmulatorFault
        if let status = try body.int("status") {
            guard (100...599).contains(status) else { throw APIError.validation(["body", "status"], "status must be 100…599") }
            fault = .status(status)
        } else if try body.bool("reset") == true {
            fault = .connectionReset
        } else if let delay = try body.int("delay_ms") {
            fault = .delay(.milliseconds(delay))
        } else {
            throw APIError.validation(["body"], "one of status, reset or delay_ms is required")
        }
        server.faults.failNext(count, method: try body.string("method"), pathPrefix: prefix, with: fault)
        return ["scheduled": .int(count)]
    }

    private func statistics() -> JSONValue {
        let stats = server.stats
        return [
            "total_requests": .int(stats.totalRequests), "tokens_issued": .int(stats.tokensIssued),
            "grants": ["password": .int(stats.grantCount(.password)), "refresh_token": .int(stats.grantCount(.refreshToken))],
            "routes": .object(stats.routeCounts.mapValues(JSONValue.int)),
            "faults_injected": .int(server.faults.totalInjected),
        ]
    }

    private func objects() async -> JSONValue {
        let objects = await server.state.storedObjects()
        return .array(
            objects.map {
                [
                    "key": .string($0.key), "name": .string($0.name), "size": .int($0.size), "md5": .string($0.md5Base64),
                    "resource_type": $0.resourceType.json, "resource_id": $0.resourceID.json,
                ]
            })
    }

    private func jsonBody(_ request: Request) async throws -> BodyReader {
        let buffer = try await server.collectBody(request)
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: buffer))?.objectValue else {
            throw APIError.validation(["body"], "Expected a JSON object", type: "json_invalid")
        }
        return BodyReader(object)
    }
}

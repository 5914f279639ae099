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
struct AdminEndpoint {
    let server: EmulatorServer

    func register(on router: Router<EmulatorRequestContext>) {
        let admin = router.group("_emulator")
        admin.post("faults") { request, _ in try await scheduleFault(request) }
        admin.delete("faults") { _, _ in
            counted("DELETE", "faults")
            server.faults.clear()
            return Response.json(["cleared": true])
        }
        admin.post("tokens/expire") { _, _ in
            counted("POST", "tokens/expire")
            server.faults.expireAllAccessTokens()
            return Response.json(["expired": true])
        }
        admin.post("tokens/revoke-refresh") { _, _ in
            counted("POST", "tokens/revoke-refresh")
            server.faults.revokeRefreshTokens()
            return Response.json(["revoked": true])
        }
        admin.put("max-page-size") { request, _ in
            counted("PUT", "max-page-size")
            let body = try await jsonBody(request)
            server.faults.setMaxPageSize(try body.int("value"))
            return Response.json(["max_page_size": server.switches.maxPageSize.json])
        }
        admin.get("stats") { _, _ in
            counted("GET", "stats")
            return Response.json(statistics())
        }
        admin.get("objects") { _, _ in
            counted("GET", "objects")
            return Response.json(await objects())
        }
    }

    private func counted(_ method: String, _ path: String) {
        server.stats.recordRoute("\(method) /_emulator/\(path)")
    }

    private func scheduleFault(_ request: Request) async throws -> Response {
        counted("POST", "faults")
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
        return .json(["scheduled": .int(count)])
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

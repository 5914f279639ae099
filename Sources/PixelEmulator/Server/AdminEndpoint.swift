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

    func handle(_ request: Request) async throws -> Response {
        let path = String(request.uri.path.dropFirst("/_emulator/".count))
        server.stats.recordRoute("\(request.method.rawValue) /_emulator/\(path)")
        switch (request.method, path) {
        case (.post, "faults"):
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
        case (.delete, "faults"):
            server.faults.clear()
            return .json(["cleared": true])
        case (.post, "tokens/expire"):
            server.faults.expireAllAccessTokens()
            return .json(["expired": true])
        case (.post, "tokens/revoke-refresh"):
            server.faults.revokeRefreshTokens()
            return .json(["revoked": true])
        case (.put, "max-page-size"):
            let body = try await jsonBody(request)
            server.faults.setMaxPageSize(try body.int("value"))
            return .json(["max_page_size": server.switches.maxPageSize.json])
        case (.get, "stats"):
            let stats = server.stats
            return .json([
                "total_requests": .int(stats.totalRequests), "tokens_issued": .int(stats.tokensIssued),
                "grants": ["password": .int(stats.grantCount(.password)), "refresh_token": .int(stats.grantCount(.refreshToken))],
                "routes": .object(stats.routeCounts.mapValues(JSONValue.int)),
                "faults_injected": .int(server.faults.totalInjected),
            ])
        case (.get, "objects"):
            let objects = await server.state.storedObjects()
            return .json(
                .array(
                    objects.map {
                        [
                            "key": .string($0.key), "name": .string($0.name), "size": .int($0.size), "md5": .string($0.md5Base64),
                            "resource_type": $0.resourceType.json, "resource_id": $0.resourceID.json,
                        ]
                    }))
        default:
            throw APIError.detail(.notFound, "Not Found")
        }
    }

    private func jsonBody(_ request: Request) async throws -> BodyReader {
        let buffer = try await server.collectBody(request)
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: buffer))?.objectValue else {
            throw APIError.validation(["body"], "Expected a JSON object", type: "json_invalid")
        }
        return BodyReader(object)
    }
}

import AsyncHTTPClient
import PixelEmulator
import Testing

struct FaultInjectionTests {
    @Test func statusFaultsHitOnlyMatchingRequestsAndAreCounted() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            http.emulator.faults.failNext(2, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            let first = try await http.api(.GET, "/projects/", token: token)
            #expect(first.status == 503)
            #expect(first.json == .null)  // 5xx bodies are plain text, the client's non-JSON error path
            #expect(try await http.api(.POST, "/projects/", json: ["name": "x"], token: token).status == 200)
            #expect(try await http.api(.GET, "/projects/", token: token).status == 503)
            #expect(try await http.api(.GET, "/projects/", token: token).status == 200)
            #expect(http.emulator.faults.injectedCount(.status(503)) == 2)
            http.emulator.faults.failNext(1, pathPrefix: "/demo/", with: .status(429))
            let limited = try await http.api(.GET, "/plugins/", token: token)
            #expect(limited.status == 429)
            #expect(limited.json["detail"] != nil)
        }
    }

    @Test func connectionResetDropsTheConnection() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            http.emulator.faults.failNext(1, pathPrefix: "/demo/users/me", with: .connectionReset)
            await #expect(throws: (any Error).self) {
                _ = try await http.api(.GET, "/users/me", token: token)
            }
            #expect(http.emulator.faults.injectedCount(.connectionReset) == 1)
            #expect(try await http.api(.GET, "/users/me", token: token).status == 200)
        }
    }

    @Test func echoFaultAnswersWithTheRequestBodyAsFastAPIsInput() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            http.emulator.faults.failNext(1, method: "POST", pathPrefix: "/demo/users/oidc/", with: .echoRequestBody(422))
            let echoed = try await http.api(.POST, "/users/oidc/", json: ["email": "a@b.no", "password": "echo-me"], token: token)
            #expect(echoed.status == 422)
            let detail = try #require(echoed.json["detail"]?.arrayValue?.first)
            #expect(detail["input"]?["password"] == "echo-me")
            #expect(detail["loc"] == ["body"])
            #expect(http.emulator.faults.injectedCount(.echoRequestBody(422)) == 1)
            let next = try await http.api(.POST, "/users/oidc/", json: ["email": "a@b.no"], token: token)
            #expect(next.status == 422)
            #expect(next.json["detail"]?.arrayValue?.first?["input"] == nil)  // the real handler answered
        }
    }

    @Test func delayFaultStillAnswers() async throws {
        try await withEmulator { (http: TestHTTP) async throws in
            http.emulator.faults.failNext(1, method: "POST", pathPrefix: "/realms/", with: .delay(.milliseconds(50)))
            #expect(try await http.passwordGrant().status == 200)
            #expect(http.emulator.faults.injectedCount(.delay(.milliseconds(50))) == 1)
            #expect(http.emulator.stats.routeCount("POST /token") == 1)
        }
    }

    @Test func routeAndPathCountersTrackRequests() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            _ = try await http.api(.GET, "/projects/", token: token)
            _ = try await http.api(.GET, "/projects/", token: token)
            _ = try await http.api(.GET, "/projects/3", token: token)
            #expect(http.emulator.stats.requestCount(method: "GET", path: "/demo/projects/") == 2)
            #expect(http.emulator.stats.requestCount(path: "/demo/projects/") == 2)
            #expect(http.emulator.stats.routeCount("GET /projects/") == 2)
            #expect(http.emulator.stats.routeCount("GET /projects/{p}") == 1)
            #expect(http.emulator.stats.grantCount(.password) == 1)
        }
    }

    @Test func adminEndpointIsOffByDefault() async throws {
        try await withEmulator { (http: TestHTTP) async throws in
            let reply = try await http.send(.GET, http.emulator.baseURL + "/_emulator/stats")
            #expect(reply.status == 404)
        }
    }

    @Test func adminEndpointInjectsFaultsAndSwitchesTokens() async throws {
        var configuration = EmulatorConfiguration()
        configuration.adminEndpointEnabled = true
        try await withEmulator(configuration) { http in
            let admin = http.emulator.baseURL + "/_emulator"
            let json = [("Content-Type", "application/json")]
            let scheduled = try await http.send(
                .POST, admin + "/faults", headers: json, body: Array(#"{"count":1,"method":"GET","path_prefix":"/demo/plugins/","status":500}"#.utf8))
            #expect(scheduled.status == 200)
            let token = try await http.token()
            #expect(try await http.api(.GET, "/plugins/", token: token).status == 500)
            #expect(try await http.api(.GET, "/plugins/", token: token).status == 200)
            #expect(try await http.send(.POST, admin + "/tokens/expire").status == 200)
            #expect(try await http.api(.GET, "/plugins/", token: token).status == 401)
            let refresh = try #require(try await http.passwordGrant().json["refresh_token"]?.stringValue)
            #expect(try await http.send(.POST, admin + "/tokens/revoke-refresh").status == 200)
            let refreshed = try await http.tokenRequest([("client_id", "frontend"), ("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(refreshed.status == 400)
            #expect(try await http.send(.PUT, admin + "/max-page-size", headers: json, body: Array(#"{"value":1}"#.utf8)).status == 200)
            let fresh = try await http.token()
            for _ in 0..<3 { _ = try await http.api(.POST, "/projects/", json: ["name": "p"], token: fresh) }
            #expect(try await http.api(.GET, "/projects/?limit=50", token: fresh).json.arrayValue?.count == 1)
            let stats = try await http.send(.GET, admin + "/stats")
            #expect(stats.json["faults_injected"] == 1)
            #expect(stats.json["grants"]?["password"] == 3)
            let bad = try await http.send(.POST, admin + "/faults", headers: json, body: Array(#"{"path_prefix":"/x"}"#.utf8))
            #expect(bad.status == 422)
        }
    }

    @Test func emulatorsRunSideBySideOnTheirOwnPorts() async throws {
        let ports = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try await withEmulator { (http: TestHTTP) async throws -> Int in
                        #expect(try await http.passwordGrant().status == 200)
                        return http.emulator.port
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(ports.count == 4)
        #expect(!ports.contains(0))
    }

    @Test func shutdownIsIdempotentAndRemovesTemporaryStorage() async throws {
        let emulator = PixelEmulator()
        try await emulator.start()
        #expect(emulator.port > 0)
        #expect(emulator.apiURL(tenant: "Demo") == emulator.baseURL + "/demo")
        await emulator.shutdown()
        await emulator.shutdown()
    }
}

import PixelEmulator
import Testing

struct TokenEndpointTests {
    @Test func passwordGrantIssuesBearerAndRefreshTokens() async throws {
        try await withEmulator { http in
            let reply = try await http.passwordGrant()
            #expect(reply.status == 200)
            let json = reply.json
            #expect(json["token_type"] == "Bearer")
            #expect(json["expires_in"] == 300)
            #expect(json["refresh_expires_in"] == 1800)
            let access = try #require(json["access_token"]?.stringValue)
            let refresh = try #require(json["refresh_token"]?.stringValue)
            #expect(access.count >= 40)
            #expect(access != refresh)
            #expect(http.emulator.stats.grantCount(.password) == 1)
            #expect(http.emulator.stats.tokensIssued == 1)
        }
    }

    @Test func tokensAreUniquePerGrant() async throws {
        try await withEmulator { http in
            let first = try await http.token()
            let second = try await http.token()
            #expect(first != second)
        }
    }

    @Test func badCredentialsAreInvalidGrantWithoutEchoingThePassword() async throws {
        try await withEmulator { http in
            let reply = try await http.passwordGrant(password: "S3NT1NEL-pa55word")
            #expect(reply.status == 401)
            #expect(reply.json["error"] == "invalid_grant")
            #expect(!reply.text.contains("S3NT1NEL"))
            #expect(http.emulator.stats.grantCount(.password) == 0)
        }
    }

    @Test func clientOtherThanFrontendIsUnauthorizedClient() async throws {
        try await withEmulator { http in
            let reply = try await http.passwordGrant(clientID: "backend")
            #expect(reply.status == 401)
            #expect(reply.json["error"] == "unauthorized_client")
        }
    }

    @Test func unknownGrantTypeIsUnsupported() async throws {
        try await withEmulator { http in
            let reply = try await http.tokenRequest([("client_id", "frontend"), ("grant_type", "client_credentials")])
            #expect(reply.status == 400)
            #expect(reply.json["error"] == "unsupported_grant_type")
            let missing = try await http.tokenRequest([("client_id", "frontend")])
            #expect(missing.status == 400)
            #expect(missing.json["error"] == "invalid_request")
        }
    }

    @Test func unknownRealmIsNotFound() async throws {
        try await withEmulator { http in
            let reply = try await http.tokenRequest(
                [("client_id", "frontend"), ("grant_type", "password"), ("username", TestHTTP.username), ("password", TestHTTP.password)],
                realm: "Other")
            #expect(reply.status == 404)
        }
    }

    @Test func realmMatchesTheTenantCaseInsensitively() async throws {
        try await withEmulator { http in
            let reply = try await http.tokenRequest(
                [("client_id", "frontend"), ("grant_type", "password"), ("username", TestHTTP.username), ("password", TestHTTP.password)],
                realm: "DEMO")
            #expect(reply.status == 200)
        }
    }

    @Test func refreshGrantRotatesTheRefreshToken() async throws {
        try await withEmulator { http in
            let first = try await http.passwordGrant().json
            let refresh = try #require(first["refresh_token"]?.stringValue)
            let refreshed = try await http.tokenRequest([("client_id", "frontend"), ("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(refreshed.status == 200)
            let access = try #require(refreshed.json["access_token"]?.stringValue)
            #expect(try await http.api(.GET, "/users/me", token: access).status == 200)
            let reused = try await http.tokenRequest([("client_id", "frontend"), ("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(reused.status == 400)
            #expect(reused.json["error"] == "invalid_grant")
            #expect(http.emulator.stats.grantCount(.refreshToken) == 1)
            #expect(http.emulator.stats.grantCount(.password) == 1)
        }
    }

    @Test func revokedRefreshTokensStopWorking() async throws {
        try await withEmulator { http in
            let refresh = try #require(try await http.passwordGrant().json["refresh_token"]?.stringValue)
            http.emulator.faults.revokeRefreshTokens()
            let reply = try await http.tokenRequest([("client_id", "frontend"), ("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(reply.status == 400)
            #expect(reply.json["error"] == "invalid_grant")
            #expect(try await http.passwordGrant().status == 200)
        }
    }

    @Test func expiredAccessTokensAreRejected() async throws {
        var configuration = EmulatorConfiguration()
        configuration.accessTokenLifetime = .zero
        try await withEmulator(configuration) { http in
            let token = try await http.token()
            let reply = try await http.api(.GET, "/users/me", token: token)
            #expect(reply.status == 401)
            #expect(reply.headers["WWW-Authenticate"].first == "Bearer")
        }
    }

    @Test func expireAllAccessTokensForcesANewGrant() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            #expect(try await http.api(.GET, "/users/me", token: token).status == 200)
            http.emulator.faults.expireAllAccessTokens()
            #expect(try await http.api(.GET, "/users/me", token: token).status == 401)
            let fresh = try await http.token()
            #expect(try await http.api(.GET, "/users/me", token: fresh).status == 200)
        }
    }

    @Test func tokenOfAnotherTenantIsRejected() async throws {
        var configuration = EmulatorConfiguration()
        configuration.users.append(EmulatorUser(username: "other@example.com", password: "pw", tenant: "Other"))
        try await withEmulator(configuration) { http in
            let reply = try await http.tokenRequest(
                [("client_id", "frontend"), ("grant_type", "password"), ("username", "other@example.com"), ("password", "pw")], realm: "Other")
            let token = try #require(reply.json["access_token"]?.stringValue)
            #expect(try await http.api(.GET, "/users/me", token: token).status == 401)
            let own = try await http.send(.GET, http.emulator.apiURL(tenant: "Other") + "/users/me", headers: [("Authorization", "Bearer \(token)")])
            #expect(own.status == 200)
        }
    }
}

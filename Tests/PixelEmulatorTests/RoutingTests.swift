import Hummingbird
import HummingbirdTesting
import PixelEmulator
import Testing

/// How requests find their route: exact paths, 404 versus 405, tenant and token checks, query decoding.
struct RoutingTests {
    @Test func trailingSlashesAreSignificantAndNeverRedirect() async throws {
        try await withRouter { api in
            #expect(try await api.get("/projects/").status == 200)
            let folded = try await api.get("/projects")
            #expect(folded.status == 404)
            #expect(folded.headers["Location"].isEmpty)
            #expect(folded.json["detail"] == "Not Found")
            #expect(try await api.get("/users/me/").status == 404)
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405AndAnUnknownOneIs404() async throws {
        try await withRouter { api in
            let wrongMethod = try await api.patch("/projects/")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.json["detail"] == "Method Not Allowed")
            #expect(try await api.patch("/projects").status == 404)
            #expect(try await api.get("/no/such/route/").status == 404)
            let token = try await api.client.execute(uri: "/realms/Demo/protocol/openid-connect/token", method: .get)
            #expect(token.status == .methodNotAllowed)
        }
    }

    @Test func unknownTenantsAndMissingTokensAreRefusedBeforeTheHandler() async throws {
        try await withRouter { api in
            #expect(try await api.call(.get, "/projects/", token: "").status == 401)
            #expect(try await api.call(.get, "/projects/", token: "forged").status == 401)
            let otherTenant = try await api.client.execute(uri: "/nobody/projects/", method: .get, headers: [.authorization: "Bearer \(api.token)"])
            #expect(otherTenant.status == .notFound)
            let upperCase = try await api.client.execute(uri: "/Demo/projects/", method: .get, headers: [.authorization: "Bearer \(api.token)"])
            #expect(upperCase.status == .notFound)
        }
    }

    @Test func nonIntegerPathIdsAreFastAPIValidationErrors() async throws {
        try await withRouter { api in
            let reply = try await api.get("/projects/abc")
            #expect(reply.status == 422)
            #expect(reply.json["detail"]?.arrayValue?.first?["loc"] == ["path", "p"])
        }
    }

    @Test func queryValuesDecodePlusAsSpaceAndKeepEncodedPlus() async throws {
        try await withRouter { api in
            _ = try await api.ok(.post, "/projects/", ["name": "Smoke project"])
            _ = try await api.ok(.post, "/projects/", ["name": "C++ project"])
            let spaced = try await api.ok(.get, "/projects/?name=smoke+project")
            #expect(spaced.strings("name") == ["Smoke project"])
            let plus = try await api.ok(.get, "/projects/?name=C%2B%2B")
            #expect(plus.strings("name") == ["C++ project"])
            #expect(try await api.get("/projects/?extended=maybe").status == 422)
        }
    }

    @Test func everyAnswerEchoesTheRequestID() async throws {
        try await withRouter { api in
            let requestID = try #require(HTTPFields.Element.Name("X-Request-ID"))
            for path in ["/demo/projects/", "/demo/projects", "/demo/projects/9"] {
                let reply = try await api.client.execute(
                    uri: path, method: .get, headers: [.authorization: "Bearer \(api.token)", requestID: "rid-\(path.count)"])
                #expect(reply.headers[requestID] == "rid-\(path.count)")
            }
        }
    }
}

struct AdminRouteListTests {
    @Test func theAdminEndpointListsEveryAPIRouteKeyedLikeTheStatistics() async throws {
        var configuration = EmulatorConfiguration()
        configuration.adminEndpointEnabled = true
        try await withRouter(configuration) { api in
            let routes = Reply(try await api.client.execute(uri: "/_emulator/routes", method: .get)).json.arrayValue ?? []
            #expect(routes.count == 85)
            #expect(routes.contains("GET /projects/{p}/data_collections/{dc}/harvest_services/{id}/"))
            #expect(routes.contains("GET /projects/{p}/data_collections/{dc}/harvest_services/{id}"))
            #expect(routes.contains("PATCH /analysis/services/{service}"))
            _ = try await api.ok(.get, "/projects/")
            let stats = Reply(try await api.client.execute(uri: "/_emulator/stats", method: .get)).json
            #expect(stats["routes"]?["GET /projects/"] == 1)
        }
    }
}

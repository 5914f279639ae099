import AsyncHTTPClient
import NIOCore
import PixelEmulator
import Testing

struct ProjectRouteTests {
    @Test func meAndPluginsAnswerForTheCaller() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let me = try await http.api(.GET, "/users/me?extended=false", token: token)
            #expect(me.status == 200)
            #expect(me.json["username"] == "demo@example.com")
            _ = try await http.makeCollection(type: "image", token: token)
            let extended = try await http.api(.GET, "/users/me?extended=true", token: token)
            #expect(extended.json["projects"]?.arrayValue?.count == 1)
            let plugins = try await http.api(.GET, "/plugins/", token: token)
            #expect(plugins.json.arrayValue?.compactMap { $0["name"]?.stringValue } == ["optimized_raster", "image_service"])
            #expect(try await http.api(.GET, "/plugins/", token: "").status == 401)
        }
    }

    @Test func projectLifecycleCreateGetUpdateMoveDeleteRestore() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let created = try await http.api(
                .POST, "/projects/", json: ["name": "Root", "description": "r", "area_of_interest": square(10, 59, 1), "tags": ["a"]], token: token)
            #expect(created.status == 200)
            let root = try #require(created.json["id"]?.intValue)
            #expect(created.json["area_of_interest"]?["type"] == "Polygon")
            let child = try #require(
                try await http.api(
                    .POST, "/projects/",
                    json: ["name": "Child", "description": "", "area_of_interest": square(0, 0, 1), "parent_project_id": .int(root)], token: token
                ).json["id"]?.intValue)
            #expect(child == root + 1)

            let extended = try await http.api(.GET, "/projects/\(root)?extended=true", token: token)
            #expect(extended.json["children"]?.arrayValue?.count == 1)

            let updated = try await http.api(
                .PUT, "/projects/\(root)", json: ["name": "Renamed", "add_tags": ["b"], "remove_tags": ["a"]], token: token)
            #expect(updated.json["name"] == "Renamed")
            #expect(updated.json["tags"] == ["b"])

            let moved = try await http.api(.PUT, "/projects/\(child)/move?new_parent_id=-1", token: token)
            #expect(moved.json["parent_project_id"] == .null)
            let cycle = try await http.api(.PUT, "/projects/\(root)/move?new_parent_id=\(root)", token: token)
            #expect(cycle.status == 400)

            let deleted = try await http.api(.DELETE, "/projects/\(child)", token: token)
            #expect(deleted.status == 200)
            #expect(deleted.json.objectValue != nil)
            #expect(try await http.api(.GET, "/projects/\(child)", token: token).status == 404)
            let listedDeleted = try await http.api(.GET, "/projects/deleted", token: token)
            #expect(listedDeleted.json.arrayValue?.compactMap { $0["id"]?.intValue } == [child])
            let restored = try await http.api(.POST, "/projects/\(child)/restore", token: token)
            #expect(restored.status == 200)
            #expect(try await http.api(.GET, "/projects/\(child)", token: token).status == 200)
            #expect(try await http.api(.POST, "/projects/\(child)/restore", token: token).status == 400)
        }
    }

    @Test func projectErrorsAreFastAPIStyle() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let missing = try await http.api(.GET, "/projects/999", token: token)
            #expect(missing.status == 404)
            #expect(missing.json["detail"]?.stringValue?.contains("999") == true)
            let invalid = try await http.api(.POST, "/projects/", json: ["description": "no name"], token: token)
            #expect(invalid.status == 422)
            #expect(invalid.json["detail"]?.arrayValue?.first?["loc"] == ["body", "name"])
            let wrongType = try await http.api(.POST, "/projects/", json: ["name": 5], token: token)
            #expect(wrongType.status == 422)
            let badAOI = try await http.api(.POST, "/projects/", json: ["name": "x", "area_of_interest": ["type": "Point"]], token: token)
            #expect(badAOI.status == 422)
            let badID = try await http.api(.GET, "/projects/abc", token: token)
            #expect(badID.status == 422)
            let unauthenticated = try await http.api(.GET, "/projects/", token: "")
            #expect(unauthenticated.status == 401)
            #expect(unauthenticated.json["detail"] != nil)
            let garbage = try await http.api(.GET, "/projects/", token: "not-a-token")
            #expect(garbage.status == 401)
        }
    }

    @Test func malformedBodiesGetDetailedClientErrors() async throws {
        var configuration = EmulatorConfiguration()
        configuration.maxJSONBodyBytes = 1024
        try await withEmulator(configuration) { http in
            let token = try await http.token()
            let auth = [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")]
            let url = http.emulator.apiURL(tenant: "demo") + "/projects/"
            let badJSON = try await http.send(.POST, url, headers: auth, body: Array("{\"name\": ".utf8))
            #expect(badJSON.status == 422)
            #expect(badJSON.json["detail"]?.arrayValue?.first?["type"] == "json_invalid")
            let notObject = try await http.send(.POST, url, headers: auth, body: Array("[1,2]".utf8))
            #expect(notObject.status == 422)
            let huge = try await http.send(.POST, url, headers: auth, body: Array(repeating: UInt8(ascii: " "), count: 10_000))
            #expect(huge.status == 413)
            #expect(huge.json["detail"] != nil)
            let binary = try await http.send(.POST, url, headers: auth, body: [0xff, 0xfe, 0x00, 0x01])
            #expect(binary.status == 422)
        }
    }

    @Test func pathsAreExactWithoutRedirects() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let noSlash = try await http.api(.GET, "/projects", token: token)
            #expect(noSlash.status == 404)
            #expect(noSlash.headers["Location"].isEmpty)
            #expect(try await http.api(.GET, "/plugins", token: token).status == 404)
            #expect(try await http.api(.GET, "/nothing/here/", token: token).status == 404)
            #expect(try await http.api(.PATCH, "/projects/", token: token).status == 405)
            let otherTenant = try await http.send(
                .GET, http.emulator.apiURL(tenant: "nobody") + "/projects/", headers: [("Authorization", "Bearer \(token)")])
            #expect(otherTenant.status == 404)
        }
    }

    @Test func requestIDIsEchoedAndGETAcceptsAnEmptyJSONBody() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            let reply = try await http.api(.GET, "/projects/", json: [:], token: token, headers: [("X-Request-ID", "3f1c-test-id")])
            #expect(reply.status == 200)
            #expect(reply.headers["X-Request-ID"].first == "3f1c-test-id")
            #expect(reply.json == [])
            let error = try await http.api(.GET, "/projects/77", token: token, headers: [("X-Request-ID", "err-id")])
            #expect(error.headers["X-Request-ID"].first == "err-id")
        }
    }

    @Test func listFiltersAcceptCommaJoinedAndRepeatedIdsAndHonourPaging() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            for index in 1...5 {
                _ = try await http.api(
                    .POST, "/projects/", json: ["name": .string("p\(index)"), "tags": index.isMultiple(of: 2) ? ["even"] : ["odd"]], token: token)
            }
            func ids(_ query: String) async throws -> [Int] {
                try await http.api(.GET, "/projects/?\(query)", token: token).json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            }
            #expect(try await ids("ids=1%2C3%2C5") == [1, 3, 5])
            #expect(try await ids("ids=2&ids=4") == [2, 4])
            #expect(try await ids("tags=even") == [2, 4])
            #expect(try await ids("name=p3") == [3])
            #expect(try await ids("offset=1&limit=2") == [2, 3])
            #expect(try await ids("offset=4&limit=2") == [5])
            #expect(try await ids("extended=true&limit=1") == [1])
            #expect(try await http.api(.GET, "/projects/?limit=abc", token: token).status == 422)
            #expect(try await http.api(.GET, "/projects/?ids=1,x", token: token).status == 422)
            http.emulator.faults.setMaxPageSize(2)
            #expect(try await ids("limit=10") == [1, 2])
        }
    }

    @Test func idsStayUniqueAndMonotonicUnderHundredsOfParallelRequests() async throws {
        try await PixelEmulator.withRunning { emulator in
            // A wide pool and a patient connect timeout: the point is server concurrency, not the client's pool queue.
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
            configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let http = TestHTTP(client: client, emulator: emulator)
            do {
                let token = try await http.token()
                let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<300 {
                        group.addTask {
                            let reply = try await http.api(.POST, "/projects/", json: ["name": .string("p\(index)")], token: token)
                            return reply.json["id"]?.intValue ?? -1
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(ids.sorted() == Array(1...300))
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }
}

import PixelEmulator
import Testing

struct SearchTests {
    /// Projects: 1 "alpha test" (tags a) at (0,0); 2 "beta" (tags b) at (10,10); 3 "gamma test" (tags a,b) at (20,20).
    private func seed(_ http: TestHTTP, token: String) async throws {
        for (name, tags, x) in [("alpha test", ["a"], 0.0), ("beta", ["b"], 10.0), ("gamma test", ["a", "b"], 20.0)] {
            let reply = try await http.api(
                .POST, "/projects/",
                json: ["name": .string(name), "description": "", "area_of_interest": square(x, x, 1), "tags": .array(tags.map(JSONValue.string))],
                token: token)
            #expect(reply.status == 200)
        }
    }

    private func search(_ http: TestHTTP, token: String, _ query: JSONObject) async throws -> Reply {
        var body: JSONObject = ["on": "projects", "distinct": false, "limit": 100, "offset": 0]
        body.merge(query) { _, new in new }
        return try await http.api(.POST, "/search/", json: .object(body), token: token)
    }

    private func names(_ reply: Reply) -> [String] {
        reply.json["results"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    @Test(
        arguments: [
            (["==": [["var": "name"], "beta"]] as JSONValue, ["beta"]),
            (["!=": [["var": "name"], "beta"]], ["alpha test", "gamma test"]),
            (["<": [["var": "id"], 2]], ["alpha test"]),
            (["<=": [["var": "id"], 2]], ["alpha test", "beta"]),
            ([">": [["var": "id"], 2]], ["gamma test"]),
            ([">=": [["var": "id"], 2]], ["beta", "gamma test"]),
            (["~": [["var": "name"], "%test%"]], ["alpha test", "gamma test"]),
            (["!~": [["var": "name"], "%test"]], ["beta"]),
            (["contains": [["var": "tags"], "b"]], ["beta", "gamma test"]),
            (["!contains": [["var": "tags"], "b"]], ["alpha test"]),
            (["in": [["var": "id"], [1, 3]]], ["alpha test", "gamma test"]),
            (["!in": [["var": "id"], [1, 3]]], ["beta"]),
            (
                ["and": [["contains": [["var": "tags"], "a"]], ["or": [["==": [["var": "id"], 1]], ["~": [["var": "name"], "g_mma%"]]]]]],
                ["alpha test", "gamma test"]
            ),
            (
                ["or": [["==": [["var": "name"], "beta"]], ["and": [[">": [["var": "id"], 2]], ["contains": [["var": "tags"], "a"]]]]]],
                ["beta", "gamma test"]
            ),
        ] as [(JSONValue, [String])])
    func filterOperatorsSelectTheRightProjects(filter: JSONValue, expected: [String]) async throws {
        try await withEmulator { http in
            let token = try await http.token()
            try await seed(http, token: token)
            let reply = try await search(http, token: token, ["filter": filter])
            #expect(reply.status == 200)
            #expect(names(reply) == expected)
        }
    }

    @Test func pagingSortingOutFieldsTextAndIntersects() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            try await seed(http, token: token)
            let page = try await search(http, token: token, ["limit": 1, "offset": 1])
            #expect(page.json["count"] == 1)
            #expect(page.json["total_count"] == 3)
            #expect(names(page) == ["beta"])
            let sorted = try await search(http, token: token, ["sort": [["field": "name", "direction": "desc"]]])
            #expect(names(sorted) == ["gamma test", "beta", "alpha test"])
            let fields = try await search(http, token: token, ["out_fields": ["name"], "limit": 1])
            #expect(fields.json["results"] == [["name": "alpha test"]])
            let text = try await search(http, token: token, ["search": "GAMMA"])
            #expect(names(text) == ["gamma test"])
            let near = try await search(http, token: token, ["intersects": "POLYGON((9.5 9.5, 10.5 9.5, 10.5 10.5, 9.5 10.5, 9.5 9.5))"])
            #expect(names(near) == ["beta"])
            let distinct = try await search(
                http, token: token, ["out_fields": ["tags"], "distinct": true, "filter": ["contains": [["var": "tags"], "a"]]])
            #expect(distinct.json["total_count"] == 2)
        }
    }

    @Test func searchOnImagesAndInfo() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            _ = try await http.uploadResource(type: "image", name: "one.jpg", bytes: testBytes(10), token: token)
            let reply = try await http.api(
                .POST, "/search/",
                json: ["on": "images", "filter": ["==": [["var": "name"], "one.jpg"]], "limit": 10, "offset": 0, "distinct": false], token: token)
            #expect(reply.json["total_count"] == 1)
            let info = try await http.api(.GET, "/search/info?on=images", token: token)
            #expect(info.status == 200)
            #expect(try await http.api(.GET, "/search/info?on=cats", token: token).status == 422)
        }
    }

    @Test func invalidSearchesAre422() async throws {
        try await withEmulator { http in
            let token = try await http.token()
            #expect(try await http.api(.POST, "/search/", json: ["on": "cats"], token: token).status == 422)
            #expect(try await http.api(.POST, "/search/", json: ["limit": 1], token: token).status == 422)
            #expect(
                try await http.api(.POST, "/search/", json: ["on": "projects", "filter": ["like": [["var": "name"], "x"]]], token: token).status
                    == 422)
            #expect(
                try await http.api(.POST, "/search/", json: ["on": "projects", "filter": ["in": [["var": "id"], []]]], token: token).status == 422)
            #expect(try await http.api(.POST, "/search/", json: ["on": "projects", "filter": ["==": ["name", "x"]]], token: token).status == 422)
            #expect(try await http.api(.POST, "/search/", json: ["on": "projects", "intersects": "POLYGON EMPTY"], token: token).status == 422)
            #expect(try await http.api(.POST, "/search/", json: ["on": "projects"], token: "").status == 401)
        }
    }
}

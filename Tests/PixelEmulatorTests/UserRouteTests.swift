import HTTPTypes
import PixelEmulator
import Testing

struct UserRouteTests {
    static let ada: JSONValue = [
        "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "password": "S3NT1NEL-pw", "enabled": true,
        "user_type": "viewer",
    ]

    @Test func createdUsersNeverCarryTheirPassword() async throws {
        try await withRouter { api in
            let created = try await api.post("/users/oidc/", Self.ada)
            #expect(created.status == 200)
            #expect(created.json["email"] == "ada@example.com")
            #expect(created.json["username"] == "ada@example.com")
            #expect(created.json["user_type"] == "viewer")
            #expect(created.json["id"] == 2)
            #expect(!created.text.contains("S3NT1NEL"))
            #expect(try await api.post("/users/oidc/", Self.ada).status == 409)
        }
    }

    @Test func invalidUserBodiesAre422NamingTheField() async throws {
        try await withRouter { api in
            var body = try #require(Self.ada.objectValue)
            body["email"] = "not-an-address"
            let badEmail = try await api.post("/users/oidc/", .object(body))
            #expect(badEmail.status == 422)
            #expect(badEmail.errorLocation == ["body", "email"])
            body["email"] = "b@example.com"
            body["user_type"] = "admin"
            let badType = try await api.post("/users/oidc/", .object(body))
            #expect(badType.status == 422)
            #expect(badType.errorLocation == ["body", "user_type"])
            body["password"] = nil
            body["user_type"] = "viewer"
            let noPassword = try await api.post("/users/oidc/", .object(body))
            #expect(noPassword.errorLocation == ["body", "password"])
            #expect(try await api.post("/users/oidc/").status == 422)
        }
    }

    @Test func updatesSetWhatTheyCarryAndEnableByDefault() async throws {
        try await withRouter { api in
            let id = try await api.ok(.post, "/users/oidc/", Self.ada).requiredInt("id")
            let disabled = try await api.ok(.put, "/users/oidc/\(id)/", ["last_name": "Byron", "enabled": false, "user_type": "creator"])
            #expect(disabled["last_name"] == "Byron")
            #expect(disabled["enabled"] == false)
            #expect(disabled["user_type"] == "creator")
            let renamed = try await api.ok(.put, "/users/oidc/\(id)/", ["first_name": "Augusta"])
            #expect(renamed["enabled"] == true)
            #expect(renamed["first_name"] == "Augusta")
            #expect(try await api.put("/users/oidc/99/", ["first_name": "X"]).status == 404)
            #expect(try await api.put("/users/oidc/\(id)/", ["user_type": "root"]).status == 422)
        }
    }

    @Test func userPathsKeepTheirTrailingSlashes() async throws {
        try await withRouter { api in
            #expect(try await api.post("/users/oidc", Self.ada).status == 404)
            let id = try await api.ok(.post, "/users/oidc/", Self.ada).requiredInt("id")
            #expect(try await api.put("/users/oidc/\(id)", ["first_name": "X"]).status == 404)
            #expect(try await api.get("/users/oidc/\(id)/").status == 405)
            #expect(try await api.call(.post, "/users/oidc/", json: Self.ada, token: "").status == 401)
        }
    }
}

import Hummingbird

/// Keycloak's `POST /realms/{Realm}/protocol/openid-connect/token` with the `password` and
/// `refresh_token` grants for the public client `frontend`.
///
/// Errors follow Keycloak/OAuth2: unknown realm 404, bad client 401 `unauthorized_client`,
/// bad credentials 401 `invalid_grant`, bad or revoked refresh token 400 `invalid_grant`,
/// unknown grant 400 `unsupported_grant_type`, missing field 400 `invalid_request`.
/// Refresh tokens rotate: each works once.
struct TokenEndpoint {
    let server: EmulatorServer

    static let path: RouterPath = "realms/{realm}/protocol/openid-connect/token"

    func register(on router: Router<EmulatorRequestContext>) {
        router.post(Self.path) { request, context in try await handle(request, context: context) }
        router.answerOtherMethods(on: Self.path, serving: [.post]) {
            Response(APIError.detail(.methodNotAllowed, "Method Not Allowed"))
        }
    }

    /// The form fields a token request may carry.
    struct Form: Decodable {
        var clientID: String?
        var grantType: String?
        var username: String?
        var password: String?
        var refreshToken: String?

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case grantType = "grant_type"
            case username, password
            case refreshToken = "refresh_token"
        }
    }

    func handle(_ request: Request, context: EmulatorRequestContext) async throws -> Response {
        server.stats.recordRoute("POST /token")
        let realm = (context.parameters.get("realm") ?? "").lowercased()
        let users = server.configuration.users.filter { $0.tenant.lowercased() == realm }
        guard !users.isEmpty else { throw APIError(status: .notFound, body: ["error": "Realm does not exist"]) }
        let form: Form
        do {
            form = try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: try await server.collectBody(request)))
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.oauth(.badRequest, "invalid_request", "The request body is not a valid form")
        }
        guard form.clientID == "frontend" else {
            throw APIError.oauth(.unauthorized, "unauthorized_client", "Invalid client or Invalid client credentials")
        }
        let tenant: String
        let username: String
        let grant: EmulatorGrant
        switch form.grantType {
        case "password":
            guard let name = form.username, let password = form.password else {
                throw APIError.oauth(.badRequest, "invalid_request", "Missing parameter: username or password")
            }
            guard let user = users.first(where: { $0.username == name && $0.password == password }) else {
                throw APIError.oauth(.unauthorized, "invalid_grant", "Invalid user credentials")
            }
            (tenant, username, grant) = (user.tenant.lowercased(), user.username, .password)
        case "refresh_token":
            guard let token = form.refreshToken else {
                throw APIError.oauth(.badRequest, "invalid_request", "Missing parameter: refresh_token")
            }
            guard let issued = await server.state.redeemRefreshToken(token, generation: server.switches.refreshGeneration),
                issued.tenant == realm
            else { throw APIError.oauth(.badRequest, "invalid_grant", "Token is not active") }
            (tenant, username, grant) = (issued.tenant, issued.username, .refreshToken)
        case nil:
            throw APIError.oauth(.badRequest, "invalid_request", "Missing form parameter: grant_type")
        default:
            throw APIError.oauth(.badRequest, "unsupported_grant_type", "Unsupported grant_type")
        }
        let configuration = server.configuration
        let tokens = await server.state.issue(
            username: username, tenant: tenant, accessLifetime: configuration.accessTokenLifetime,
            refreshLifetime: configuration.refreshTokenLifetime,
            generations: (server.switches.accessGeneration, server.switches.refreshGeneration))
        server.stats.recordGrant(grant)
        if let log = configuration.issuedTokenLog { IssuedTokenLog.append([tokens.access, tokens.refresh], to: log) }
        return .json(
            [
                "access_token": .string(tokens.access), "token_type": "Bearer",
                "expires_in": .int(Int(configuration.accessTokenLifetime.components.seconds)),
                "refresh_token": .string(tokens.refresh),
                "refresh_expires_in": .int(Int(configuration.refreshTokenLifetime.components.seconds)),
                "not-before-policy": 0, "scope": "openid email profile", "session_state": .string(RandomToken.make(bytes: 12)),
            ],
            headers: [.cacheControl: "no-store"])
    }
}

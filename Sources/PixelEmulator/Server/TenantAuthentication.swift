import Hummingbird

/// Guards `/{tenant}/…`: the tenant must be a configured one written in lower case (404
/// otherwise), and the request must carry a bearer token issued for that tenant (401 with
/// `WWW-Authenticate: Bearer` otherwise).
struct TenantAuthentication: RouterMiddleware {
    typealias Context = EmulatorRequestContext
    let server: EmulatorServer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let tenant = context.parameters.get("tenant"), tenant == tenant.lowercased(), await server.state.hasTenant(tenant) else {
            throw APIError.detail(.notFound, "Not Found")
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw APIError.notAuthenticated
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingSpaces
        guard let issued = await server.state.validAccessToken(token, generation: server.switches.accessGeneration),
            issued.tenant == tenant
        else {
            throw APIError(status: .unauthorized, body: ["detail": "Invalid or expired token"], headers: [.wwwAuthenticate: "Bearer"])
        }
        var context = context
        context.caller = APICaller(tenant: tenant, username: issued.username)
        return try await next(request, context)
    }
}

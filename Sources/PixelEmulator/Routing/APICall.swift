import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// One authenticated API call after routing: tenant, caller, path captures, query and body.
struct APICall: Sendable {
    let server: EmulatorServer
    let tenant: String
    let username: String
    let parameters: Parameters
    let query: QueryValues
    let rawBody: ByteBuffer

    init(request: Request, context: EmulatorRequestContext, server: EmulatorServer) async throws {
        guard let caller = context.caller else { throw APIError.notAuthenticated }
        self.server = server
        self.tenant = caller.tenant
        self.username = caller.username
        self.parameters = context.parameters
        self.query = QueryValues(request.uri)
        self.rawBody = try await server.collectBody(request)
    }

    /// The integer path capture `name`, or FastAPI's 422 when it is not an integer.
    func id(_ name: String) throws(APIError) -> Int {
        guard let raw = parameters.get(name), let value = Int(raw) else {
            throw .validation(["path", name], "Input should be a valid integer, unable to parse string as an integer", type: "int_parsing")
        }
        return value
    }

    /// The `{p}` and `{dc}` captures of a data-collection path.
    func collection() throws(APIError) -> (project: Int, collection: Int) {
        (try id("p"), try id("dc"))
    }

    /// The text path capture `name`.
    func text(_ name: String) -> String {
        parameters.get(name) ?? ""
    }

    var limits: PageLimits { server.limits }

    /// The JSON object body, or a 422 naming what is wrong with it.
    func body() throws(APIError) -> BodyReader {
        guard rawBody.readableBytes > 0 else { throw .missing(["body"]) }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: rawBody)
        } catch {
            throw .validation(["body"], "JSON decode error", type: "json_invalid")
        }
        guard let object = value.objectValue else { throw .validation(["body"], "Input should be a valid dictionary", type: "dict_type") }
        return BodyReader(object)
    }

    /// Runs `body` atomically on this tenant's data.
    func tenantData<R: Sendable>(_ body: @Sendable (inout TenantData, inout ObjectStoreState) throws -> R) async throws -> R {
        try await server.state.withTenant(tenant, body)
    }
}

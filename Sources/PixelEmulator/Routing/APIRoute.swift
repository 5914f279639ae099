import Hummingbird

/// One endpoint of the API below `/{tenant}`: its method, its exact path and its handler.
///
/// Paths use Hummingbird's `{name}` captures and are matched exactly, trailing slash included
/// (`projects/` is the list, `projects` is not found), as the Pixel API does.
struct APIRoute: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let handler: @Sendable (APICall) async throws -> JSONValue

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (APICall) async throws -> JSONValue) {
        self.method = method
        self.path = path
        self.handler = handler
    }

    /// Whether the exact path ends with `/`.
    var endsWithSlash: Bool { path.hasSuffix("/") }

    /// The key ``EmulatorStats/routeCount(_:)`` counts this route under, e.g. `GET /projects/{p}`.
    var statsKey: String { "\(method.rawValue) /\(path)" }
}

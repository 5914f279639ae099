import Hummingbird

/// Puts ``APIRoute``s on a Hummingbird router group.
///
/// Hummingbird's trie router does the matching: literal segments before captures, `{name}`
/// captures into `context.parameters`. Two distinctions the Pixel API needs are beyond it, so they
/// are made here, per trie node:
/// - The trie folds a trailing slash: `…/harvest_services/{id}` (the service) and
///   `…/harvest_services/{id}/` (its tasks) are one node, and `projects` would reach `projects/`.
///   The node's responder picks the route whose exact path matches and answers 404 otherwise.
/// - The trie answers 404 for a known path with another method; the API answers 405. Each node is
///   registered for every common method and answers 405 itself when only the method differs.
enum APIRouteTable {
    /// The methods every node answers (with the route or with 405).
    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

    static func register(_ routes: [APIRoute], on group: RouterGroup<EmulatorRequestContext>, server: EmulatorServer) {
        let nodes = Dictionary(grouping: routes) { RouterPath($0.path).description }
        for (path, siblings) in nodes.sorted(by: { $0.key < $1.key }) {
            let responder = RouteNodeResponder(routes: siblings, server: server)
            for method in methods {
                group.on(RouterPath(path), method: method, responder: responder)
            }
        }
    }
}

/// Answers every request that reaches one trie node: exact path, then method, then the handler.
struct RouteNodeResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext
    let routes: [APIRoute]
    let server: EmulatorServer

    func respond(to request: Request, context: Context) async throws -> Response {
        let slash = request.uri.path.hasSuffix("/")
        let exact = routes.filter { $0.endsWithSlash == slash }
        guard !exact.isEmpty else { throw APIError.detail(.notFound, "Not Found") }
        guard let route = exact.first(where: { $0.method == request.method }) else {
            throw APIError.detail(.methodNotAllowed, "Method Not Allowed")
        }
        server.stats.recordRoute(route.statsKey)
        let call = try await APICall(request: request, context: context, server: server)
        return .json(try await route.handler(call))
    }
}

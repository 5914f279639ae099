import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOFoundationCompat

/// The first stop of every request, matched or not: counts it, applies an injected fault,
/// renders errors the way each surface expects (JSON `detail` bodies; plain text for 5xx the
/// emulator did not mean to send) and echoes `X-Request-ID`.
struct EmulatorFrontMiddleware: RouterMiddleware {
    typealias Context = EmulatorRequestContext
    let server: EmulatorServer

    /// Thrown after the connection was closed on purpose; Hummingbird cannot answer any more.
    struct ConnectionDropped: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        server.stats.recordRequest(method: method, path: path)
        for name in server.configuration.recordedHeaders {
            guard let field = Header.Name(name) else { continue }
            for value in request.headers[values: field] {
                server.stats.recordHeader(name, value: value, method: method, path: path)
            }
        }
        var response: Response
        switch server.faults.consume(method: method, path: path) {
        case .status(let code)?:
            let status = HTTPResponse.Status(code: code)
            response = code >= 500 ? .text("Injected fault \(code)", status: status) : .json(["detail": "Injected fault"], status: status)
        case .echoRequestBody(let code)?:
            let raw = try await server.collectBody(request)
            let input = (try? JSONDecoder().decode(JSONValue.self, from: raw)) ?? .string(String(buffer: raw))
            let detail: JSONValue = [["type": "value_error", "loc": ["body"], "msg": "Injected fault", "input": input]]
            response = .json(["detail": detail], status: HTTPResponse.Status(code: code))
        case .connectionReset?:
            server.logger.debug("Injected connection reset", metadata: ["path": "\(path)"])
            try? await context.channel.close()
            throw ConnectionDropped()
        case .delay(let duration)?:
            try? await Task.sleep(for: duration)
            response = await answer(request, context: context, next: next)
        case nil:
            response = await answer(request, context: context, next: next)
        }
        if let name = Header.requestID, let requestID = request.headers[name] {
            response.headers[name] = requestID
        }
        return response
    }

    private func answer(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Response(error)
        } catch let error as HTTPError {
            // Hummingbird's own answers: no route (404), and the like.
            let message = error.body ?? error.status.reasonPhrase
            return .json(["detail": .string(message)], status: error.status)
        } catch {
            server.logger.error("Unexpected emulator error", metadata: ["error": "\(error)"])
            return .text("Internal emulator error", status: .internalServerError)
        }
    }
}

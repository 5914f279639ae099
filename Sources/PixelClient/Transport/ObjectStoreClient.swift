package import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
package import NIOHTTP1
import NIOFoundationCompat

/// Requests to presigned object-store URLs, for the uploads layer.
///
/// Different from API calls on purpose: **no** `Authorization` header (the URL is the
/// credential), `uploadTimeout` instead of `apiTimeout`, no 401 handling, the URL's signed query
/// never appears in errors or logs, and bodies are streamed (`makeBody` is called once per
/// attempt, so a retry re-opens the file instead of replaying consumed bytes).
///
/// ```swift
/// let response = try await ObjectStoreClient(transport: transport, logger: logger).send(
///     method: .PUT, url: part.url, headers: ["Content-MD5": md5],
///     makeBody: { .stream(FileByteChunks(path: path, offset: 0, length: size), length: .known(size)) })
/// ```
package struct ObjectStoreClient: Sendable {
    let transport: HTTPTransport
    let logger: Logger

    /// Sends one request and returns a 2xx response; anything else is a ``PixelError``
    /// (`httpStatus` with the server's text as `detail`). Not retried here: the caller owns the
    /// retry policy because only it knows whether the body can be produced again.
    package func send(
        method: HTTPMethod, url: String, headers: HTTPHeaders = [:], makeBody: @Sendable () throws -> HTTPClientRequest.Body?
    ) async throws(PixelError) -> TransportResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers = headers
        request.headers.remove(name: "Authorization")
        request.headers.replaceOrAdd(name: "User-Agent", value: PixelUserAgent.value)
        let requestID = headers.first(name: "X-Request-ID") ?? RequestID.make()
        request.headers.replaceOrAdd(name: "X-Request-ID", value: requestID)
        do {
            request.body = try makeBody()
        } catch {
            throw .invalidInput("The upload body could not be prepared: \(error)")
        }
        let safeURL = URLRedaction.withoutQuery(url)
        logger.debug("→ \(method.rawValue) \(safeURL) (object store)", metadata: ["request_id": "\(requestID)"])
        let response = try await transport.execute(request, kind: .objectStore, carriesCredentials: false, logger: logger)
        logger.debug("← \(response.status) \(method.rawValue) \(safeURL) (object store)", metadata: ["request_id": "\(requestID)"])
        guard (200..<300).contains(response.status) else {
            throw PixelError(
                code: .httpStatus, message: "The object store answered \(response.status).", method: method.rawValue, url: safeURL,
                status: response.status, requestID: requestID, detail: response.serverDetail)
        }
        return response
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Settings

/// The shared heart of a Pixel client: one connection pool (`HTTPTransport`), one Keycloak
/// token provider, the logger and the hooks. ``PixelAsyncClient`` and ``PixelClient`` are thin
/// facades over one core, so async and blocking callers share connections and the token.
///
/// Construction is synchronous and does **no I/O** (the token is fetched on the first call), so a
/// factory can build cores inside a lock. Every core must be closed exactly once with
/// ``close(gracePeriod:)`` — it waits for requests in flight, then shuts the pool down.
///
/// ```swift
/// let core = try PixelClientCore(settings: settings, options: PixelClientOptions(logger: logger))
/// let client = PixelAsyncClient(core: core)      // async face
/// let blocking = PixelClient(core: core)         // blocking face, same pool and token
/// print(try await client.me().email ?? "")
/// await core.close()
/// ```
public final class PixelClientCore: Sendable {
    /// The settings this core was built from.
    public let settings: PixelSettings
    /// The options this core was built with.
    public let options: PixelClientOptions
    let transport: HTTPTransport
    let tokens: TokenProvider
    let logger: Logger
    let retryPolicy: RetryPolicy
    /// Leases and forwarding for cores made by a ``PixelClientRegistry`` (see `CoreRouting`).
    let routing: CoreRouting

    /// Builds the pool and the token provider; no network traffic happens here.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` for an unusable proxy setting.
    public convenience init(settings: PixelSettings, options: PixelClientOptions = PixelClientOptions()) throws(PixelError) {
        try self.init(settings: settings, options: options, routing: CoreRouting())
    }

    /// A core whose calls follow `routing` (the registry's form).
    init(settings: PixelSettings, options: PixelClientOptions, routing: CoreRouting) throws(PixelError) {
        self.routing = routing
        self.settings = settings
        self.options = options
        self.logger = options.logger
        self.transport = try HTTPTransport(settings: settings, environment: options.environment)
        self.retryPolicy = RetryPolicy(
            maxAttempts: max(1, settings.retryAttempts), baseDelay: options.retryBaseDelay, maxDelay: options.retryMaxDelay)
        let endpoint = TokenEndpointClient(
            transport: transport, endpoint: settings.tokenEndpoint, username: settings.username,
            password: settings.password, logger: options.logger)
        self.tokens = TokenProvider(
            endpoint: endpoint, store: options.tokenStore, initialRefreshToken: options.initialRefreshToken,
            refreshMargin: options.tokenRefreshMargin, onEvent: options.eventHandler, logger: options.logger)
    }

    /// Requests being executed right now (API, token and object-store).
    public var inFlightRequestCount: Int { transport.inFlightCount }

    /// True once ``close(gracePeriod:)`` has started.
    public var isClosed: Bool { transport.isClosingOrClosed }

    /// Marks the core as replaced (the factory built a newer one). It keeps serving until closed.
    public func retire() { transport.retire() }

    /// Stops accepting calls (they fail with ``PixelError/Code/clientClosed``), waits up to
    /// `gracePeriod` for calls in flight, then shuts the connection pool down. Idempotent.
    public func close(gracePeriod: Duration = .seconds(10)) async {
        let wasOpen = !isClosed
        await tokens.close()
        await transport.close(gracePeriod: gracePeriod)
        if wasOpen { options.eventHandler?(.closed) }
    }

    // MARK: - Sending API requests

    /// Sends an API request with a bearer token, retries and the single 401 re-authentication, and
    /// returns a 2xx response (anything else is thrown as a ``PixelError``).
    package func send(_ request: APIRequest) async throws(PixelError) -> TransportResponse {
        try await send(request, hops: 0)
    }

    /// Leases this core for the whole call, or hands the call to the core that replaced it.
    private func send(_ request: APIRequest, hops: Int) async throws(PixelError) -> TransportResponse {
        switch routing.admit(transportClosed: isClosed) {
        case .forward(let successor):
            let next = try successor()
            guard next !== self, hops < 64 else { throw .clientClosed() }
            return try await next.send(request, hops: hops + 1)
        case .leased:
            defer { routing.release() }
            return try await sendLeased(request)
        }
    }

    private func sendLeased(_ request: APIRequest) async throws(PixelError) -> TransportResponse {
        let requestID = UUID().uuidString.lowercased()
        let url = request.url(base: settings.apiBaseURL)
        let method = request.method.rawValue
        let maxAttempts = RetryPolicy.isIdempotent(method) ? retryPolicy.maxAttempts : 1
        if !transport.allowInsecureHTTP, !TransportSecurity.isSafeForCredentials(url) {
            throw PixelError(
                code: .insecureTransport,
                message: "Refusing to send credentials over plain http:// to a non-loopback host. "
                    + "Use https://, or set PIXEL_ALLOW_INSECURE_HTTP=true if you really mean it.",
                method: method, url: url)
        }
        var attempt = 0
        var reauthenticated = false
        while true {
            attempt += 1
            let token = try await tokens.token()
            var http = HTTPClientRequest(url: url)
            http.method = request.method
            http.headers.add(name: "X-Request-ID", value: requestID)
            http.headers.add(name: "Authorization", value: "Bearer \(token.value.reveal())")
            http.headers.add(name: "Accept", value: "application/json")
            http.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            http.headers.add(name: "User-Agent", value: PixelUserAgent.value)
            if let body = request.body {
                http.headers.add(name: "Content-Type", value: "application/json")
                http.body = .bytes(body)
            } else if request.method == .POST || request.method == .PUT {
                http.headers.add(name: "Content-Length", value: "0")
            }
            logger.debug("→ \(method) \(url)", metadata: ["request_id": "\(requestID)", "attempt": "\(attempt)"])
            if let text = request.bodyForErrors { logger.trace("request body", metadata: ["body": "\(text)"]) }

            let response: TransportResponse
            do throws(PixelError) {
                response = try await transport.execute(http, kind: .api, carriesCredentials: true, logger: logger)
            } catch {
                var error = error
                error.requestBody = request.bodyForErrors
                if error.isConnectionFailure, attempt < maxAttempts {
                    logger.debug("retrying after a connection failure", metadata: ["request_id": "\(requestID)", "cause": "\(error.underlying ?? "")"])
                    try await backoff(after: attempt, retryAfter: nil, method: method, url: url, reason: "connection failure")
                    continue
                }
                throw error
            }
            logger.debug(
                "← \(response.status) \(method) \(url)",
                metadata: ["request_id": "\(requestID)", "bytes": "\(response.body.readableBytes)"])

            switch response.status {
            case 200..<300:
                return response
            case 401 where !reauthenticated:
                reauthenticated = true
                attempt -= 1
                logger.debug("401: replacing the access token and sending once more", metadata: ["request_id": "\(requestID)"])
                await tokens.invalidate(generation: token.generation)
                continue
            case 401:
                var error = httpError(response, request: request, url: url, requestID: requestID)
                error.code = .authentication
                error.message = "The API rejected a freshly issued access token (401 twice)."
                options.eventHandler?(.authenticationFailed(error))
                throw error
            case let status where RetryPolicy.retryableStatuses.contains(status) && attempt < maxAttempts:
                try await backoff(
                    after: attempt, retryAfter: response.headers.first(name: "Retry-After"), method: method, url: url,
                    reason: "status \(status)")
                continue
            default:
                throw httpError(response, request: request, url: url, requestID: requestID)
            }
        }
    }

    /// Sends and decodes the JSON response.
    package func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        let response = try await send(request)
        do {
            return try PixelJSON.makeDecoder().decode(Response.self, from: Data(buffer: response.body))
        } catch {
            throw PixelError(
                code: .decoding, message: "The response is not a valid \(Response.self).",
                method: request.method.rawValue, url: request.url(base: settings.apiBaseURL), status: response.status,
                underlying: Self.describe(decodingError: error))
        }
    }

    private func backoff(after attempt: Int, retryAfter: String?, method: String, url: String, reason: String) async throws(PixelError) {
        let delay = retryPolicy.delay(afterAttempt: attempt, retryAfter: retryAfter)
        logger.debug("retry \(method) \(url) in \(delay)", metadata: ["attempt": "\(attempt + 1)", "reason": "\(reason)"])
        options.eventHandler?(.requestRetried(method: method, url: url, attempt: attempt + 1, reason: reason))
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw .cancelled()
        }
    }

    private func httpError(_ response: TransportResponse, request: APIRequest, url: String, requestID: String) -> PixelError {
        let status = response.status
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        let message =
            (300..<400).contains(status)
            ? "The API answered with a redirect (\(status) \(reason)); redirects are not followed."
            : "The API answered \(status) \(reason)."
        return PixelError(
            code: .httpStatus, message: message, method: request.method.rawValue, url: url, status: status,
            requestID: requestID, detail: Self.serverDetail(response.body), requestBody: request.bodyForErrors)
    }

    /// `detail` from a FastAPI-style JSON body (compact JSON when it is not a string); the first
    /// 300 characters of a non-JSON body.
    static func serverDetail(_ body: ByteBuffer) -> String? {
        let data = Data(buffer: body)
        guard !data.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let detail = (object as? [String: Any])?["detail"] ?? object
            if let text = detail as? String { return text }
            if let encoded = try? JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys, .fragmentsAllowed]) {
                return String(decoding: encoded, as: UTF8.self)
            }
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    static func describe(decodingError error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)' at '\(path(context))'"
        case .typeMismatch(let type, let context): return "expected \(type) at '\(path(context))'"
        case .valueNotFound(let type, let context): return "null where \(type) was expected at '\(path(context))'"
        case .dataCorrupted(let context): return "\(context.debugDescription) at '\(path(context))'"
        @unknown default: return String(describing: decoding)
        }
    }
}

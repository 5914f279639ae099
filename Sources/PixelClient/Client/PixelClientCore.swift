import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Settings
import Tracing

/// The shared heart of a Pixel client: one connection pool, one Keycloak token provider, the
/// logger and the hooks, and one lifecycle. ``PixelAsyncClient`` and ``PixelClient`` are thin
/// facades over one core, so async and blocking callers share connections and the token.
///
/// Construction is synchronous and does **no I/O** (the token is fetched on the first call), so a
/// factory can build cores inside a lock. Every call, token fetch, object-store transfer and whole
/// upload holds a *lease* on the core while it runs; ``close(gracePeriod:)`` stops granting
/// leases, waits up to the grace period for the ones held, then shuts the pool down. Close every
/// core you build yourself exactly once (a second close waits for the first).
///
/// ```swift
/// let core = try PixelClientCore(settings: settings, hooks: PixelClientHooks(logger: logger))
/// let client = PixelAsyncClient(core: core)      // async face
/// let blocking = PixelClient(core: core)         // blocking face, same pool and token
/// print(try await client.me().email ?? "")
/// await core.close()
/// ```
public final class PixelClientCore: Sendable {
    /// The settings this core uses: the settings it was built from with its options applied.
    public let settings: PixelSettings
    /// The options this core was built with.
    public let options: PixelClientOptions
    /// The hooks this core reports to.
    public let hooks: PixelClientHooks
    let transport: HTTPTransport
    let tokens: TokenProvider
    let retryPolicy: RetryPolicy
    /// Leases, draining and closing: the core's one lifecycle.
    let lifecycle: CoreLifecycle
    /// Where this core's metrics and spans go.
    package let instrumentation: PixelInstrumentation

    var logger: Logger { hooks.logger }

    /// Builds the pool and the token provider; no network traffic happens here.
    ///
    /// - Parameters:
    ///   - settings: who to sign in as and where the API is.
    ///   - options: overrides and tuning; see ``PixelClientOptions``.
    ///   - hooks: logger, event handler, metrics and tracing, session store and proxy environment.
    /// - Throws: ``PixelError/Code/invalidInput`` for an unusable proxy setting.
    public init(settings: PixelSettings, options: PixelClientOptions = PixelClientOptions(), hooks: PixelClientHooks = PixelClientHooks())
        throws(PixelError)
    {
        let settings = options.applied(to: settings)
        self.settings = settings
        self.options = options
        self.hooks = hooks
        let instrumentation = PixelInstrumentation(hooks: hooks)
        self.instrumentation = instrumentation
        let lifecycle = CoreLifecycle(leaseMeter: instrumentation.leases)
        self.lifecycle = lifecycle
        self.transport = try HTTPTransport(
            settings: settings, environment: hooks.proxyEnvironment, proxyBypassesLoopback: hooks.proxyBypassesLoopback,
            tracer: instrumentation.tracer)
        self.retryPolicy = RetryPolicy(
            maxAttempts: max(1, settings.retryAttempts), baseDelay: options.retryBaseDelay, maxDelay: options.retryMaxDelay)
        let endpoint = TokenEndpointClient(
            transport: transport, endpoint: settings.tokenEndpoint, username: settings.username,
            password: settings.password, instrumentation: instrumentation, logger: hooks.logger)
        let eventHandler = hooks.eventHandler
        let session = hooks.sessionStore.map { store in
            SessionBinding(
                store: store, key: settings.fingerprint.hex, legacyKey: settings.legacySessionKey,
                subject: settings.username,
                onWarning: { warning in eventHandler?(.sessionStoreWarning(warning)) })
        }
        self.tokens = TokenProvider(
            endpoint: endpoint, session: session, lifecycle: lifecycle, refreshMargin: options.tokenRefreshMargin,
            onEvent: eventHandler, logger: hooks.logger)
    }

    /// Calls, transfers and uploads running on this core right now (the leases held).
    public var inFlightRequestCount: Int { lifecycle.leaseCount }

    /// Where a core is in its life.
    public enum LifecycleState: Sendable, Hashable {
        /// Taking calls.
        case open
        /// Taking no new calls; the calls, transfers and uploads already running finish (until
        /// the grace period ends), then the connections close. A registry's clients send their
        /// new calls to a newer core meanwhile; others get ``PixelError/Code/clientClosed``.
        case draining
        /// The connections are closed; every call fails with ``PixelError/Code/clientClosed``.
        case closed
    }

    /// Where the core is in its life: open, draining or closed.
    public var lifecycleState: LifecycleState {
        switch lifecycle.state {
        case .open: .open
        case .draining, .shuttingDown: .draining
        case .closed: .closed
        }
    }

    /// `true` once the core is closed: its connections are shut down.
    public var isClosed: Bool { lifecycleState == .closed }

    /// Stops taking new calls (they fail with ``PixelError/Code/clientClosed``), waits up to
    /// `gracePeriod` for the calls, transfers and uploads in flight, then shuts the connection
    /// pool down; whatever still runs then fails with `clientClosed`. Idempotent: a later or
    /// concurrent call returns once the core is closed.
    public func close(gracePeriod: Duration = .seconds(10)) async {
        _ = await finishClosing(gracePeriod: gracePeriod)
    }

    /// ``close(gracePeriod:)`` that says whether this call closed the core and whether it cut
    /// leases off; the registry reports it.
    func finishClosing(gracePeriod: Duration) async -> CoreLifecycle.CloseOutcome {
        let (tokens, transport) = (self.tokens, self.transport)
        let outcome = await lifecycle.close(gracePeriod: gracePeriod) {
            await tokens.close()
            await transport.shutDown()
        }
        if case .closed = outcome { hooks.eventHandler?(.closed) }
        return outcome
    }

    /// Stops granting leases without waiting (a registry retiring the core); returns the leases
    /// still held, or `nil` when the core was not open. Finish with ``finishClosing(gracePeriod:)``.
    @discardableResult
    func beginDraining() -> Int? {
        lifecycle.beginDraining()
    }

    /// The object-store side of this core (same pool, no auth, upload timeout). The caller holds
    /// a lease.
    package var objectStore: ObjectStoreClient { ObjectStoreClient(transport: transport, logger: logger) }

    /// Leases this core, sends one API request and decodes the response (package tools and tests).
    package func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        try await withLease { core async throws(PixelError) -> Response in try await core.perform(request) }
    }

    // MARK: - Sending API requests

    /// Sends an API request with a bearer token, retries and the single 401 re-authentication, and
    /// returns a 2xx response (anything else is thrown as a ``PixelError``). The caller holds a
    /// lease on this core.
    package func perform(_ request: APIRequest) async throws(PixelError) -> TransportResponse {
        try await sendLeased(request)
    }

    /// One API call in its span, counted and timed (see ``PixelMetricName``).
    private func sendLeased(_ request: APIRequest) async throws(PixelError) -> TransportResponse {
        let requestID = RequestID.make()
        guard instrumentation.isActive else {
            var retries = 0
            return try await sendAttempts(request, requestID: requestID, template: "", retries: &retries)
        }
        let method = request.method.rawValue
        let template = RouteTemplate.of(path: request.path)
        let started = ContinuousClock.now
        var lastStatus: Int?
        defer {
            instrumentation.requestFinished(
                method: method, template: template, status: lastStatus, duration: ContinuousClock.now - started)
        }
        return try await instrumentation.withSpan("\(method) \(template)") { span async throws(PixelError) -> TransportResponse in
            span.attributes["http.request.method"] = method
            span.attributes["url.template"] = template
            span.attributes["pixel.request_id"] = requestID
            var retries = 0
            defer { span.attributes["pixel.retry_count"] = retries }
            do throws(PixelError) {
                let response = try await sendAttempts(request, requestID: requestID, template: template, retries: &retries)
                lastStatus = response.status
                span.attributes["http.response.status_code"] = response.status
                return response
            } catch {
                lastStatus = error.status
                if let status = error.status { span.attributes["http.response.status_code"] = status }
                throw error
            }
        }
    }

    /// Sends `request` until it succeeds, fails for good or runs out of attempts; `retries` counts
    /// the repeated attempts. `template` names the route in retry metrics.
    private func sendAttempts(
        _ request: APIRequest, requestID: String, template: String, retries: inout Int
    ) async throws(PixelError) -> TransportResponse {
        let url = request.url(base: settings.apiBaseURL)
        let method = request.method.rawValue
        let maxAttempts = RetryPolicy.isIdempotent(method) ? retryPolicy.maxAttempts : 1
        var attempt = 0
        var reauthenticated = false
        while true {
            attempt += 1
            let token = try await tokens.token()
            var http = HTTPClientRequest(url: url)
            http.method = request.method
            var headers = APIRequestHeaders.constant
            headers.add(name: "X-Request-ID", value: requestID)
            headers.add(name: "Authorization", value: "Bearer \(token.value.reveal())")
            if let body = request.body {
                headers.add(name: "Content-Type", value: "application/json")
                http.body = .bytes(body)
            } else if request.method == .POST || request.method == .PUT {
                headers.add(name: "Content-Length", value: "0")
            }
            http.headers = headers
            logger.debug("→ \(method) \(url)", metadata: ["request_id": "\(requestID)", "attempt": "\(attempt)"])
            if let text = request.bodyForErrors { logger.trace("request body", metadata: ["body": "\(text)"]) }

            let response: TransportResponse
            do throws(PixelError) {
                response = try await transport.execute(http, kind: .api, carriesCredentials: true, logger: logger)
            } catch {
                var error = error
                error.requestBody = request.bodyForErrors
                if error.isConnectionFailure, attempt < maxAttempts {
                    logger.debug(
                        "retrying after a connection failure", metadata: ["request_id": "\(requestID)", "cause": "\(error.underlying ?? "")"])
                    retries += 1
                    instrumentation.retried(method: method, template: template, reason: "connection")
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
                hooks.eventHandler?(.authenticationFailed(error))
                throw error
            case let status where RetryPolicy.retryableStatuses.contains(status) && attempt < maxAttempts:
                retries += 1
                instrumentation.retried(method: method, template: template, reason: "status")
                try await backoff(
                    after: attempt, retryAfter: response.headers.first(name: "Retry-After"), method: method, url: url,
                    reason: "status \(status)")
                continue
            default:
                throw httpError(response, request: request, url: url, requestID: requestID)
            }
        }
    }

    /// ``perform(_:)`` and decodes the JSON response.
    package func perform<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        let response = try await perform(request)
        do {
            return try PixelJSON.decoder.decode(Response.self, from: Data(buffer: response.body))
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
        hooks.eventHandler?(.requestRetried(method: method, url: url, attempt: attempt + 1, reason: reason))
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
            requestID: requestID, detail: response.serverDetail, requestBody: request.bodyForErrors)
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

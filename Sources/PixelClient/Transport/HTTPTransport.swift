package import AsyncHTTPClient
import Foundation
package import Logging
package import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import Synchronization
package import Tracing

/// Which timeout and which rules apply to a request.
package enum TrafficKind: Sendable {
    /// Pixel API calls: `apiTimeout`, bearer token.
    case api
    /// The Keycloak token endpoint: `tokenTimeout`, never retried automatically.
    case token
    /// Presigned object-store URLs: `uploadTimeout`, never an Authorization header.
    case objectStore
}

/// The connection pools of a Pixel client: AsyncHTTPClient `HTTPClient`s on the shared NIO
/// singleton event-loop group, one for API and token traffic and one for the object store (each
/// with a proxied twin when a proxy is configured, so `NO_PROXY` hosts go direct).
///
/// The two differ where the traffic does. A response that stops mid-body fails once no byte has
/// arrived for the traffic's timeout (AsyncHTTPClient's read timeout, which starts when the
/// request has been sent, so a long upload is never cut by it; its deadline covers the request
/// up to the response head). With a tracer, API and token requests are traced (AsyncHTTPClient's
/// request spans, and the trace context injected into the headers), object-store requests never:
/// AsyncHTTPClient records the full URL and its query on its spans, and a presigned URL's query
/// is a credential.
///
/// Construction is synchronous and does no I/O. The transport has no lifecycle of its own: the
/// core's ``CoreLifecycle`` decides when work may start and when ``shutDown()`` runs; requests
/// still running then fail with ``PixelError/Code/clientClosed``. Redirects are not followed,
/// responses are decompressed, TLS certificates are verified, and credentials never go over plain
/// `http://` to a host that is not loopback.
package final class HTTPTransport: Sendable {
    /// The direct pool and one pool per proxy server in use (one when `HTTP_PROXY` and
    /// `HTTPS_PROXY` agree).
    private struct Pools: Sendable {
        let direct: HTTPClient
        let proxied: [ProxyServer: HTTPClient]

        init(configuration: HTTPClient.Configuration, proxy: ProxySettings?) {
            var configuration = configuration
            direct = HTTPClient(eventLoopGroupProvider: .shared(HTTPTransport.eventLoopGroup), configuration: configuration)
            var proxied: [ProxyServer: HTTPClient] = [:]
            for server in Set([proxy?.http, proxy?.https].compactMap { $0 }) {
                configuration.proxy = server.ahcProxy
                proxied[server] = HTTPClient(eventLoopGroupProvider: .shared(HTTPTransport.eventLoopGroup), configuration: configuration)
            }
            self.proxied = proxied
        }

        var all: [HTTPClient] { [direct] + proxied.values }
    }

    /// API and token traffic (traced when there is a tracer).
    private let pools: Pools
    /// Object-store traffic (never traced).
    private let objectStorePools: Pools
    private let proxy: ProxySettings?
    /// Set when ``shutDown()`` starts: failures after it are reported as `clientClosed`.
    private let shutDownStarted = Atomic<Bool>(false)
    let timeouts: (api: Duration, upload: Duration, token: Duration)
    let allowInsecureHTTP: Bool
    /// The API's and Keycloak's base URLs, each ending in `/`, that passed the credentials check
    /// once. A URL that starts with one of them has its scheme and host (the `/` ends the
    /// authority at the latest), so every API call and token fetch is vetted without parsing it.
    private let vettedCredentialPrefixes: [String]
    /// The largest response body read into memory (API responses are JSON lists, never files).
    let maxResponseBytes = 256 * 1024 * 1024

    /// The event loops every pool runs on: AHC's process-wide default group, never shut down by
    /// us. Upload bodies pace themselves on these same loops (``EventLoopPacer``), so both refer
    /// to this one definition.
    package static var eventLoopGroup: any EventLoopGroup { HTTPClient.defaultEventLoopGroup }

    /// Builds the pools. `environment` supplies the proxy variables (inject it; tests pass
    /// `[:]`). `proxyBypassesLoopback` is turned off only by tests whose proxy and server both run
    /// on loopback. `tracer` traces API and token requests (`nil` or a no-op tracer: none).
    package init(
        settings: PixelSettings, environment: [String: String], proxyBypassesLoopback: Bool = true, tracer: (any Tracer)? = nil
    ) throws(PixelError) {
        var proxy = try ProxySettings.resolve(settingsProxy: settings.proxy, environment: environment)
        proxy?.bypassesLoopback = proxyBypassesLoopback
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(200))
        let connect = TimeAmount(min(settings.apiTimeout, settings.tokenTimeout))
        configuration.timeout = .init(connect: connect, read: TimeAmount(max(settings.apiTimeout, settings.tokenTimeout)))
        configuration.tracing.tracer = tracer.flatMap { $0 is NoOpTracer ? nil : $0 }
        self.pools = Pools(configuration: configuration, proxy: proxy)
        configuration.timeout = .init(connect: connect, read: TimeAmount(settings.uploadTimeout))
        configuration.tracing.tracer = nil
        self.objectStorePools = Pools(configuration: configuration, proxy: proxy)
        self.proxy = proxy
        self.timeouts = (settings.apiTimeout, settings.uploadTimeout, settings.tokenTimeout)
        self.allowInsecureHTTP = settings.allowInsecureHTTP
        self.vettedCredentialPrefixes = [settings.apiBaseURL, settings.keycloakBaseURL]
            .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
            .filter(TransportSecurity.isSafeForCredentials)
    }

    /// A transport dropped without ``shutDown()`` (a registry or core released without closing,
    /// or a test that threw before it) starts its pools' shutdown here instead of leaking their
    /// connections; nothing waits for it. Without this, AsyncHTTPClient's debug builds stop the
    /// whole process when a running client is deallocated.
    deinit {
        guard !shutDownStarted.load(ordering: .acquiring) else { return }
        for client in pools.all + objectStorePools.all { client.shutdown { _ in } }
    }

    /// Sends `request` and collects the whole response. The caller holds a lease on the core.
    ///
    /// Refuses to send credentials (`Authorization` header or a token form) over plain `http://` to
    /// a non-loopback host unless `allowInsecureHTTP` is set: the one place that rule is checked.
    package func execute(
        _ request: HTTPClientRequest, kind: TrafficKind, carriesCredentials: Bool, logger: Logger
    ) async throws(PixelError) -> TransportResponse {
        if carriesCredentials, !allowInsecureHTTP, !mayCarryCredentials(request.url) {
            throw PixelError(
                code: .insecureTransport,
                message: "Refusing to send credentials over plain http:// to a non-loopback host. "
                    + "Use https://, or set PIXEL_ALLOW_INSECURE_HTTP=true if you really mean it.",
                method: request.method.rawValue, url: request.url)
        }
        let (client, proxy) = self.client(for: request.url, kind: kind)
        let timeout: Duration
        switch kind {
        case .api: timeout = timeouts.api
        case .token: timeout = timeouts.token
        case .objectStore: timeout = timeouts.upload
        }
        do {
            let response = try await client.execute(request, timeout: .init(timeout), logger: logger)
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: maxResponseBytes)
            } catch is NIOTooManyBytesError {
                // Not a network failure: the same request would get the same answer, so it is
                // neither retried nor reported as "no response".
                throw PixelError(
                    code: .decoding,
                    message: "The response body is larger than the limit of \(maxResponseBytes / (1024 * 1024)) MiB; it was not read.",
                    method: request.method.rawValue, url: kind == .objectStore ? URLRedaction.withoutQuery(request.url) : request.url,
                    status: Int(response.status.code), requestID: request.headers.first(name: "X-Request-ID"))
            }
            return TransportResponse(status: Int(response.status.code), headers: response.headers, body: body)
        } catch {
            throw mapError(error, request: request, kind: kind, timeout: timeout, proxy: proxy)
        }
    }

    /// `https://`, or `http://` to a loopback host: by prefix for the configured base URLs, else parsed.
    private func mayCarryCredentials(_ url: String) -> Bool {
        vettedCredentialPrefixes.contains { url.utf8.starts(with: $0.utf8) } || TransportSecurity.isSafeForCredentials(url)
    }

    /// The pool for `url` and `kind`, and the proxy it goes through (`nil`: direct).
    private func client(for url: String, kind: TrafficKind) -> (HTTPClient, ProxyServer?) {
        let pools = kind == .objectStore ? objectStorePools : self.pools
        guard let server = proxy?.server(for: url), let client = pools.proxied[server] else { return (pools.direct, nil) }
        return (client, server)
    }

    private func mapError(
        _ error: any Error, request: HTTPClientRequest, kind: TrafficKind, timeout: Duration, proxy: ProxyServer?
    ) -> PixelError {
        let route = proxy.map { " through the proxy \($0.displayName)" } ?? ""
        let url = kind == .objectStore ? URLRedaction.withoutQuery(request.url) : request.url
        let method = request.method.rawValue
        let requestID = request.headers.first(name: "X-Request-ID")
        if let pixel = error as? PixelError { return pixel }
        if error is CancellationError || Task.isCancelled {
            var cancelled = PixelError.cancelled()
            cancelled.method = method
            cancelled.url = url
            cancelled.requestID = requestID
            return cancelled
        }
        let description = String(describing: error)
        if let http = error as? HTTPClientError {
            switch http {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return PixelError(
                    code: .timeout, message: "The request did not complete within \(timeout)\(route).",
                    method: method, url: url, requestID: requestID, underlying: description)
            case .proxyAuthenticationRequired, .invalidProxyResponse:
                var refused = PixelError(
                    code: .transport,
                    message: "The proxy\(proxy.map { " \($0.displayName)" } ?? "") refused the connection "
                        + "(most often 407 Proxy Authentication Required: missing or wrong proxy credentials).",
                    method: method, url: url, requestID: requestID, underlying: description)
                refused.isConnectionFailure = false
                return refused
            case .alreadyShutdown, .cancelled:
                if shutDownStarted.load(ordering: .acquiring) {
                    var closed = PixelError.clientClosed()
                    closed.method = method
                    closed.url = url
                    closed.requestID = requestID
                    return closed
                }
            default:
                break
            }
        }
        var transport = PixelError(
            code: .transport, message: "The request failed before a response arrived\(route).",
            method: method, url: url, requestID: requestID, underlying: description)
        transport.isConnectionFailure = true
        return transport
    }

    /// Shuts the pools down; requests still running fail with `clientClosed`. Called once, by the
    /// core's lifecycle, when the core closes.
    package func shutDown() async {
        shutDownStarted.store(true, ordering: .releasing)
        for client in pools.all + objectStorePools.all { try? await client.shutdown() }
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Which timeout and which rules apply to a request.
package enum TrafficKind: Sendable {
    /// Pixel API calls: `apiTimeout`, bearer token.
    case api
    /// The Keycloak token endpoint: `tokenTimeout`, never retried automatically.
    case token
    /// Presigned object-store URLs: `uploadTimeout`, never an Authorization header.
    case objectStore
}

/// A fully received response.
package struct TransportResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: ByteBuffer
}

/// The lifecycle of a transport: `open` → `retired` (still serves, the factory routes new work
/// elsewhere) → `closing` (refuses new requests, drains) → `closed`.
package enum TransportLifecycle: Sendable, Equatable {
    case open, retired, closing, closed
}

/// The one connection pool of a Pixel client: an AsyncHTTPClient `HTTPClient` on the shared NIO
/// singleton event-loop group (plus a proxied twin when a proxy is configured, so `NO_PROXY`
/// hosts go direct).
///
/// Construction is synchronous and does no I/O. It counts requests in flight; ``close(gracePeriod:)``
/// is idempotent, waits for them up to the grace period, then shuts the pool down (forcing
/// in-flight requests to fail). Requests after close fail with ``PixelError/Code/clientClosed``.
/// Redirects are not followed, responses are decompressed, TLS certificates are verified.
package final class HTTPTransport: Sendable {
    private struct State {
        var lifecycle: TransportLifecycle = .open
        var inFlight = 0
        var nextWaiterID = 0
        var idleWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let direct: HTTPClient
    private let proxied: HTTPClient?
    private let proxy: ProxySettings?
    private let state = Mutex(State())
    /// Mirrors "lifecycle is closing or closed" for lock-free reads on the factory's hit path,
    /// where every thread asks whether the core it is about to hand out was closed.
    private let closingFlag = Atomic<Bool>(false)
    let timeouts: (api: Duration, upload: Duration, token: Duration)
    let allowInsecureHTTP: Bool
    /// The largest response body read into memory (API responses are JSON lists, never files).
    let maxResponseBytes = 256 * 1024 * 1024

    /// The event loops every pool runs on: AHC's process-wide default group, never shut down by
    /// us. Upload bodies pace themselves on these same loops (``EventLoopPacer``), so both refer
    /// to this one definition.
    package static var eventLoopGroup: any EventLoopGroup { HTTPClient.defaultEventLoopGroup }

    /// Builds the pools. `environment` supplies `HTTPS_PROXY`/`NO_PROXY` (inject it; tests pass `[:]`).
    package init(settings: PixelSettings, environment: [String: String]) throws(PixelError) {
        let proxy = try ProxySettings.resolve(settingsProxy: settings.proxy, environment: environment)
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(200))
        configuration.timeout = .init(connect: .init(min(settings.apiTimeout, settings.tokenTimeout)), read: nil)
        self.direct = HTTPClient(eventLoopGroupProvider: .shared(Self.eventLoopGroup), configuration: configuration)
        if let proxy {
            configuration.proxy = proxy.ahcProxy
            self.proxied = HTTPClient(eventLoopGroupProvider: .shared(Self.eventLoopGroup), configuration: configuration)
        } else {
            self.proxied = nil
        }
        self.proxy = proxy
        self.timeouts = (settings.apiTimeout, settings.uploadTimeout, settings.tokenTimeout)
        self.allowInsecureHTTP = settings.allowInsecureHTTP
    }

    /// Requests currently being executed.
    /// A transport dropped without ``close(gracePeriod:)`` (a registry or core released without
    /// `shutdown()`, or a test that threw before it) starts its pools' shutdown here instead of
    /// leaking their connections; nothing waits for it. Without this, AsyncHTTPClient's debug
    /// builds stop the whole process when a running client is deallocated.
    deinit {
        // `close` holds `self` until it has shut the pools down, so a transport being
        // deallocated was either closed completely or never closed.
        guard !closingFlag.load(ordering: .acquiring) else { return }
        direct.shutdown { _ in }
        proxied?.shutdown { _ in }
    }

    package var inFlightCount: Int { state.withLock { $0.inFlight } }

    /// The current lifecycle state.
    package var lifecycle: TransportLifecycle { state.withLock { $0.lifecycle } }

    /// `true` once ``close(gracePeriod:)`` has started; one atomic load, no lock.
    package var isClosingOrClosed: Bool { closingFlag.load(ordering: .acquiring) }

    /// Marks the transport as replaced; it keeps serving until ``close(gracePeriod:)``.
    package func retire() {
        state.withLock { if $0.lifecycle == .open { $0.lifecycle = .retired } }
    }

    /// Sends `request` and collects the whole response. Fails fast with `clientClosed` after close.
    ///
    /// Refuses to send credentials (`Authorization` header or a token form) over plain `http://` to
    /// a non-loopback host unless `allowInsecureHTTP` is set.
    package func execute(
        _ request: HTTPClientRequest, kind: TrafficKind, carriesCredentials: Bool, logger: Logger
    ) async throws(PixelError) -> TransportResponse {
        if carriesCredentials, !allowInsecureHTTP, !TransportSecurity.isSafeForCredentials(request.url) {
            throw PixelError(
                code: .insecureTransport,
                message: "Refusing to send credentials over plain http:// to a non-loopback host. "
                    + "Use https://, or set PIXEL_ALLOW_INSECURE_HTTP=true if you really mean it.",
                method: request.method.rawValue, url: request.url)
        }
        try enter()
        defer { leave() }
        let client = self.client(for: request.url)
        let timeout: Duration
        switch kind {
        case .api: timeout = timeouts.api
        case .token: timeout = timeouts.token
        case .objectStore: timeout = timeouts.upload
        }
        do {
            let response = try await client.execute(request, timeout: .init(timeout), logger: logger)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return TransportResponse(status: Int(response.status.code), headers: response.headers, body: body)
        } catch {
            throw mapError(error, request: request, kind: kind, timeout: timeout)
        }
    }

    private func client(for url: String) -> HTTPClient {
        guard let proxied, let proxy, let host = URLComponents(string: url)?.host, proxy.applies(toHost: host) else {
            return direct
        }
        return proxied
    }

    private func enter() throws(PixelError) {
        let accepted = state.withLock { state -> Bool in
            switch state.lifecycle {
            case .open, .retired:
                state.inFlight += 1
                return true
            case .closing, .closed:
                return false
            }
        }
        if !accepted { throw .clientClosed() }
    }

    private func leave() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.inFlight -= 1
            guard state.inFlight == 0 else { return [] }
            defer { state.idleWaiters.removeAll() }
            return Array(state.idleWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    private func mapError(_ error: any Error, request: HTTPClientRequest, kind: TrafficKind, timeout: Duration) -> PixelError {
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
                    code: .timeout, message: "The request did not complete within \(timeout).",
                    method: method, url: url, requestID: requestID, underlying: description)
            case .alreadyShutdown, .cancelled:
                if lifecycle != .open && lifecycle != .retired {
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
            code: .transport, message: "The request failed before a response arrived.",
            method: method, url: url, requestID: requestID, underlying: description)
        transport.isConnectionFailure = true
        return transport
    }

    /// Stops accepting requests, waits up to `gracePeriod` for those in flight, then shuts the
    /// pools down (requests still running then fail). Idempotent; concurrent callers all return
    /// once the transport is closed.
    package func close(gracePeriod: Duration = .seconds(10)) async {
        enum Step { case closeNow, waitForOther, done }
        let step = state.withLock { state -> Step in
            switch state.lifecycle {
            case .open, .retired:
                state.lifecycle = .closing
                closingFlag.store(true, ordering: .releasing)
                return .closeNow
            case .closing: return .waitForOther
            case .closed: return .done
            }
        }
        switch step {
        case .done:
            return
        case .waitForOther:
            await withCheckedContinuation { continuation in
                let finished = state.withLock { state -> Bool in
                    if state.lifecycle == .closed { return true }
                    state.closeWaiters.append(continuation)
                    return false
                }
                if finished { continuation.resume() }
            }
        case .closeNow:
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.waitUntilIdle() }
                group.addTask { try? await Task.sleep(for: gracePeriod) }
                await group.next()
                group.cancelAll()
            }
            try? await direct.shutdown()
            try? await proxied?.shutdown()
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.lifecycle = .closed
                defer { state.closeWaiters.removeAll() }
                return state.closeWaiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Returns when no request is in flight, or when the calling task is cancelled.
    private func waitUntilIdle() async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.inFlight == 0 || Task.isCancelled { return true }
                    state.idleWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.idleWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}

import Logging
import NIOConcurrencyHelpers
import Settings

/// Hands out Keycloak access tokens: fetched lazily, single-flight, refreshed ahead of expiry.
///
/// How it behaves:
/// - `empty` → first caller starts **one** fetch in an unstructured `Task` stored in the state;
///   every concurrent caller waits for that fetch (100 callers → one password grant).
/// - `valid` → served as is; once *stale* (inside the refresh margin) it is still served while one
///   background refresh runs; once *expired* callers wait for the refresh.
/// - A failure is delivered to the waiters and **not** stored: the next call tries again.
/// - A waiter's cancellation only ends that waiter's wait; the shared fetch keeps going.
/// - Refresh uses the `refresh_token` grant (from memory or the session store) and falls back to
///   the password grant when Keycloak rejects it.
/// - Every fetch holds a joining lease on the core's lifecycle, so a background refresh is work
///   the core waits for before it closes; once the core stops granting leases, fetches fail
///   with `clientClosed`.
/// - A token that is neither stale nor expired is served without entering the actor: the actor
///   publishes its current valid token to a lock-guarded copy whenever its state changes, so the
///   common call costs one lock instead of an executor hop.
package actor TokenProvider {
    private enum State {
        case empty
        case valid(AccessToken)
        /// A fetch is running; `current` is a still-usable token served meanwhile (background refresh).
        case fetching(current: AccessToken?)
    }

    private let endpoint: TokenEndpointClient
    private let session: SessionBinding?
    private let lifecycle: CoreLifecycle
    private let refreshMargin: Duration?
    private let onEvent: PixelEventHandler?
    private let logger: Logger
    private let clock = ContinuousClock()

    private var state = State.empty {
        didSet {
            if case .valid(let token) = state {
                published.withLockedValue { $0 = token }
            } else {
                published.withLockedValue { $0 = nil }
            }
        }
    }
    /// The token of `state` while it is `.valid`, readable without entering the actor.
    private nonisolated let published = NIOLockedValueBox<AccessToken?>(nil)
    private var fetchTask: Task<Void, Never>?
    private var refreshToken: Secret<String>?
    private var generation = 0
    private var nextWaiterID = 0
    private var waiters: [Int: CheckedContinuation<AccessToken, any Error>] = [:]
    private var closed = false

    init(
        endpoint: TokenEndpointClient, session: SessionBinding?, lifecycle: CoreLifecycle,
        refreshMargin: Duration?, onEvent: PixelEventHandler?, logger: Logger
    ) {
        self.endpoint = endpoint
        self.session = session
        self.lifecycle = lifecycle
        self.refreshMargin = refreshMargin
        self.onEvent = onEvent
        self.logger = logger
    }

    /// A usable access token, fetching or refreshing it when needed.
    package nonisolated func token() async throws(PixelError) -> AccessToken {
        if let token = published.withLockedValue({ $0 }), clock.now < token.staleAt { return token }
        return try await currentOrFetchedToken()
    }

    private func currentOrFetchedToken() async throws(PixelError) -> AccessToken {
        if closed { throw .clientClosed() }
        let now = clock.now
        switch state {
        case .valid(let token) where now < token.staleAt:
            return token
        case .valid(let token) where now < token.expiresAt:
            startFetch(current: token)
            return token
        case .fetching(let current?) where now < current.expiresAt:
            return current
        case .valid, .empty:
            startFetch(current: nil)
        case .fetching:
            break
        }
        do {
            return try await waitForFetch()
        } catch {
            throw PixelError.wrapping(error)
        }
    }

    /// Drops `generation` if it is still the current token (a 401 answered a request that used
    /// it). A 401 for an older token changes nothing: a newer token is already there.
    package func invalidate(generation: Int) {
        if case .valid(let token) = state, token.generation == generation {
            logger.debug("access token rejected by the API; it will be replaced", metadata: ["generation": "\(generation)"])
            state = .empty
        }
    }

    /// Fails current and future callers with `clientClosed` and stops a running fetch.
    package func close() {
        closed = true
        fetchTask?.cancel()
        fetchTask = nil
        state = .empty
        let pending = waiters
        waiters.removeAll()
        for waiter in pending.values { waiter.resume(throwing: PixelError.clientClosed()) }
    }

    // MARK: - Fetching

    private func startFetch(current: AccessToken?) {
        if case .fetching = state { return }
        state = .fetching(current: current)
        let endpoint = self.endpoint
        let session = self.session
        let remembered = self.refreshToken
        let logger = self.logger
        let onEvent = self.onEvent
        let lifecycle = self.lifecycle
        fetchTask = Task {
            let result: Result<TokenEndpointClient.Grant, PixelError>
            if lifecycle.acquire(.joining) {
                do throws(PixelError) {
                    let grant = try await Self.obtain(endpoint: endpoint, session: session, remembered: remembered, logger: logger)
                    if let newRefresh = grant.refreshToken { await session?.saveRefreshToken(newRefresh) }
                    onEvent?(.tokenRefreshed(grant: grant.grant, expiresIn: grant.expiresIn))
                    result = .success(grant)
                } catch {
                    if error.code != .clientClosed && error.code != .cancelled { onEvent?(.authenticationFailed(error)) }
                    result = .failure(error)
                }
                lifecycle.release()
            } else {
                result = .failure(.clientClosed())
            }
            self.finishFetch(result)
        }
    }

    /// Refresh grant first (stored token preferred: another process may have rotated it), then
    /// the password grant if Keycloak rejects the refresh token.
    private static func obtain(
        endpoint: TokenEndpointClient, session: SessionBinding?, remembered: Secret<String>?, logger: Logger
    ) async throws(PixelError) -> TokenEndpointClient.Grant {
        let refresh: Secret<String>?
        if let stored = await session?.loadRefreshToken() { refresh = stored } else { refresh = remembered }
        if let refresh {
            do throws(PixelError) {
                return try await endpoint.refreshGrant(refresh)
            } catch  where error.code == .authentication {
                logger.debug("refresh token rejected; falling back to the password grant")
            }
        }
        return try await endpoint.passwordGrant()
    }

    private func finishFetch(_ result: Result<TokenEndpointClient.Grant, PixelError>) {
        fetchTask = nil
        guard !closed else { return }
        let outcome: Result<AccessToken, PixelError>
        switch result {
        case .success(let grant):
            generation += 1
            if let newRefresh = grant.refreshToken { refreshToken = newRefresh }
            let now = clock.now
            let margin = refreshMargin ?? min(.seconds(30), grant.expiresIn / 4)
            let hardMargin = min(.seconds(5), grant.expiresIn / 10)
            let token = AccessToken(
                value: grant.accessToken, generation: generation,
                staleAt: now + grant.expiresIn - margin, expiresAt: now + grant.expiresIn - hardMargin)
            state = .valid(token)
            logger.debug(
                "access token issued",
                metadata: ["grant": "\(grant.grant.rawValue)", "expires_in": "\(grant.expiresIn)", "generation": "\(generation)"])
            outcome = .success(token)
        case .failure(let error):
            // Not cached: keep a still-usable token from before, otherwise start from scratch.
            if case .fetching(let current?) = state, clock.now < current.expiresAt {
                state = .valid(current)
            } else {
                state = .empty
            }
            logger.debug("token fetch failed", metadata: ["code": "\(error.code)"])
            outcome = .failure(error)
        }
        let pending = waiters
        waiters.removeAll()
        for waiter in pending.values { waiter.resume(with: outcome.mapError { $0 as any Error }) }
    }

    private func waitForFetch() async throws -> AccessToken {
        nextWaiterID += 1
        let id = nextWaiterID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: PixelError.cancelled())
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(throwing: PixelError.cancelled())
    }
}

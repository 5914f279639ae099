import NIOConcurrencyHelpers
import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

/// The next grant reported on `grants`, or `nil` when none comes within the event limit (a
/// refresh that failed reports no grant; the test then fails instead of waiting forever).
private func nextGrant(_ grants: AsyncStream<PixelTokenGrant>) async -> PixelTokenGrant? {
    await withTimeLimit { await grants.first { _ in true } } ?? nil
}

@Suite struct AuthTests {
    @Test func hundredConcurrentFirstCallsMakeExactlyOnePasswordGrant() async throws {
        // A hundred calls queue for the pool's connections behind the one grant; on a machine
        // busy with other work that can take longer than the default timeouts, which this test
        // is not about.
        let patient: (inout PixelSettings) -> Void = { settings in
            settings.apiTimeout = TestTime.eventLimit
            settings.tokenTimeout = TestTime.eventLimit
        }
        try await withClient(settings: patient) { emulator, client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 { group.addTask { _ = try await client.me() } }
                try await group.waitForAll()
            }
            #expect(emulator.stats.grantCount(.password) == 1)
            #expect(emulator.stats.grantCount(.refreshToken) == 0)
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/users/me") == 100)
        }
    }

    @Test func noTokenIsFetchedBeforeTheFirstCall() async throws {
        try await withClient { emulator, client in
            #expect(emulator.stats.tokensIssued == 0)
            _ = try await client.getPlugins()
            #expect(emulator.stats.tokensIssued == 1)
        }
    }

    @Test func staleTokenIsRefreshedWithTheRefreshTokenGrant() async throws {
        let recorder = EventRecorder()
        let refreshed = AsyncStream.makeStream(of: PixelTokenGrant.self)
        // A margin longer than the lifetime makes every token stale at once (but not expired).
        let options = PixelClientOptions.testing { $0.tokenRefreshMargin = .seconds(600) }
        let hooks = PixelClientHooks.testing {
            $0.eventHandler = { event in
                recorder.handler(event)
                if case .tokenRefreshed(let grant, _) = event { refreshed.continuation.yield(grant) }
            }
        }
        try await withClient(options: options, hooks: hooks) { emulator, client in
            _ = try await client.me()
            #expect(await nextGrant(refreshed.stream) == .password)
            _ = try await client.me()  // stale: served, and one background refresh starts
            #expect(await nextGrant(refreshed.stream) == .refreshToken)
            #expect(emulator.stats.grantCount(.password) == 1)
            #expect(emulator.stats.grantCount(.refreshToken) == 1)
        }
    }

    @Test func revokedRefreshTokenFallsBackToThePasswordGrant() async throws {
        let refreshed = AsyncStream.makeStream(of: PixelTokenGrant.self)
        let options = PixelClientOptions.testing { $0.tokenRefreshMargin = .seconds(600) }
        let hooks = PixelClientHooks.testing {
            $0.eventHandler = { event in
                if case .tokenRefreshed(let grant, _) = event { refreshed.continuation.yield(grant) }
            }
        }
        try await withClient(options: options, hooks: hooks) { emulator, client in
            _ = try await client.me()
            #expect(await nextGrant(refreshed.stream) == .password)
            emulator.faults.revokeRefreshTokens()
            _ = try await client.me()
            #expect(await nextGrant(refreshed.stream) == .password)
            #expect(emulator.stats.grantCount(.password) == 2)
            #expect(emulator.stats.grantCount(.refreshToken) == 0)
        }
    }

    @Test func expiredTokenGets401ThenOneRetryWithANewToken() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.expireAllAccessTokens()
            let user = try await client.me()
            #expect(user.email == "demo@example.com")
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/users/me") == 3)
            #expect(emulator.stats.tokensIssued == 2)
        }
    }

    @Test func secondConsecutive401IsAnAuthenticationError() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.failNext(2, method: "GET", pathPrefix: "/demo/projects/", with: .status(401))
            let error = try await #require(throws: PixelError.self) { try await client.listProjects() }
            #expect(error.code == .authentication)
            #expect(error.status == 401)
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/projects/") == 2)
            // The next call works again (the failure was not cached).
            _ = try await client.listProjects()
        }
    }

    @Test func a401OnPostIsRetriedOnceBecauseTheBodyIsReplayable() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.failNext(1, method: "POST", pathPrefix: "/demo/projects/", with: .status(401))
            let project = try await client.createProject(name: "Replayed", description: "", areaOfInterest: testArea)
            #expect(project.name == "Replayed")
            #expect(emulator.stats.requestCount(method: "POST", path: "/demo/projects/") == 2)
        }
    }

    @Test func wrongPasswordIsAnAuthenticationErrorAndIsNotCached() async throws {
        try await withClient(password: "wrong") { emulator, client in
            let first = try await #require(throws: PixelError.self) { try await client.me() }
            #expect(first.code == .authentication)
            #expect(first.status == 401 || first.status == 400)
            _ = try await #require(throws: PixelError.self) { try await client.me() }
            #expect(emulator.stats.routeCount("POST /token") == 2)
        }
    }

    @Test func cancellingOneWaiterDoesNotCancelTheSharedFetch() async throws {
        try await withClient { emulator, client in
            emulator.faults.failNext(1, pathPrefix: "/realms/", with: .delay(TestTime.scaled(.milliseconds(300))))
            let cancelled = Task { try await client.me() }
            let patient = Task { try await client.me() }
            cancelled.cancel()
            let error = await #expect(throws: PixelError.self) { try await cancelled.value }
            #expect(error?.code == .cancelled)
            _ = try await patient.value
            #expect(emulator.stats.grantCount(.password) == 1)
        }
    }

    @Test func theSessionStoreIsReadBeforeRefreshAndToldAboutNewRefreshTokens() async throws {
        let store = RecordingSessionStore()
        try await withClient(hooks: .testing { $0.sessionStore = store }) { emulator, client in
            _ = try await client.me()
            #expect(store.saved.withLockedValue { $0.count } == 1)
            #expect(store.loads.withLockedValue { $0 } == 1)
            emulator.faults.expireAllAccessTokens()
            _ = try await client.me()  // 401 → refresh grant with the stored token
            #expect(emulator.stats.grantCount(.refreshToken) == 1)
            #expect(store.saved.withLockedValue { $0.count } == 2)
        }
    }
}

/// A session store that records what the client loads and saves.
final class RecordingSessionStore: SessionStore {
    let saved = NIOLockedValueBox<[Secret<String>]>([])
    let keys = NIOLockedValueBox<Set<String>>([])
    let loads = NIOLockedValueBox(0)

    func load(key: String) async -> StoredSession? {
        loads.withLockedValue { $0 += 1 }
        keys.withLockedValue { _ = $0.insert(key) }
        return saved.withLockedValue { $0.last.map { StoredSession(refreshToken: $0) } }
    }

    func save(_ session: StoredSession, key: String) async {
        keys.withLockedValue { _ = $0.insert(key) }
        saved.withLockedValue { $0.append(session.refreshToken) }
    }

    func remove(key: String) async {}
}

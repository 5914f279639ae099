/// An issued access or refresh token.
struct IssuedToken: Sendable {
    var username: String
    var tenant: String
    var expiresAt: ContinuousClock.Instant
    var generation: Int
}

/// All mutable emulator state, serialised by one actor. Handlers pass closures that run inside it,
/// so each API call is one atomic transaction; file I/O happens outside.
actor EmulatorState {
    private var tenants: [String: TenantData] = [:]
    private var store: ObjectStoreState
    private var accessTokens: [String: IssuedToken] = [:]
    private var refreshTokens: [String: IssuedToken] = [:]

    init(store: ObjectStoreState, tenants: [String]) {
        self.store = store
        for tenant in tenants { self.tenants[tenant] = TenantData(tenant: tenant) }
    }

    func setBaseURL(_ url: String) {
        store.baseURL = url
    }

    func hasTenant(_ tenant: String) -> Bool {
        tenants[tenant] != nil
    }

    /// Runs `body` on one tenant's data and the object store, atomically.
    func withTenant<R: Sendable>(
        _ tenant: String, _ body: @Sendable (inout TenantData, inout ObjectStoreState) throws -> R
    ) throws -> R {
        guard tenants[tenant] != nil else { throw APIError.notFound("Tenant \(tenant)") }
        return try body(&tenants[tenant, default: TenantData(tenant: tenant)], &store)
    }

    /// Runs `body` on the object store alone.
    func withStore<R: Sendable>(_ body: @Sendable (inout ObjectStoreState) throws -> R) rethrows -> R {
        try body(&store)
    }

    // MARK: Tokens

    func issue(username: String, tenant: String, accessLifetime: Duration, refreshLifetime: Duration, generations: (Int, Int))
        -> (access: String, refresh: String)
    {
        let now = ContinuousClock.now
        purgeExpired(now: now)
        let access = RandomToken.make()
        let refresh = RandomToken.make()
        accessTokens[access] = IssuedToken(username: username, tenant: tenant, expiresAt: now + accessLifetime, generation: generations.0)
        refreshTokens[refresh] = IssuedToken(username: username, tenant: tenant, expiresAt: now + refreshLifetime, generation: generations.1)
        return (access, refresh)
    }

    func validAccessToken(_ token: String, generation: Int) -> IssuedToken? {
        guard let issued = accessTokens[token], issued.generation == generation, ContinuousClock.now < issued.expiresAt else { return nil }
        return issued
    }

    /// Consumes a refresh token (rotation: each refresh token works once).
    func redeemRefreshToken(_ token: String, generation: Int) -> IssuedToken? {
        guard let issued = refreshTokens.removeValue(forKey: token), issued.generation == generation,
            ContinuousClock.now < issued.expiresAt
        else { return nil }
        return issued
    }

    private func purgeExpired(now: ContinuousClock.Instant) {
        guard accessTokens.count + refreshTokens.count > 10_000 else { return }
        accessTokens = accessTokens.filter { $0.value.expiresAt > now }
        refreshTokens = refreshTokens.filter { $0.value.expiresAt > now }
    }

    // MARK: Inspection

    func storedObjects() -> [StoredObject] {
        store.objects.values.sorted { $0.key < $1.key }
    }
}

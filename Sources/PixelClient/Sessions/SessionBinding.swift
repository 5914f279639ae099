package import Settings

/// One client's place in a ``SessionStore``: the key its refresh token is kept under and the user
/// it must belong to. The token provider loads the token before each refresh (another process may
/// have rotated it) and saves every new one.
///
/// A stored session of another user, or one known to have expired, is not used; the first case is
/// reported as a warning. Warnings the store raises during these calls (a corrupt file, a failed
/// write) reach `onWarning` too, through ``SessionStoreWarning/taskHandler``.
package struct SessionBinding: Sendable {
    package let store: any SessionStore
    /// The settings fingerprint (hex) the session is stored under.
    package let key: String
    /// The user name the session must belong to.
    package let subject: String
    /// An older name of the same session (the fingerprint before it was keyed); a session found
    /// there is moved to ``key`` on the first load.
    package let legacyKey: String?
    let onWarning: SessionStoreWarningHandler?

    package init(
        store: any SessionStore, key: String, legacyKey: String? = nil, subject: String,
        onWarning: SessionStoreWarningHandler? = nil
    ) {
        self.store = store
        self.key = key
        self.legacyKey = legacyKey
        self.subject = subject
        self.onWarning = onWarning
    }

    package func loadRefreshToken() async -> Secret<String>? {
        let loaded = await SessionStoreWarning.$taskHandler.withValue(onWarning) {
            if let legacyKey { await store.moveSession(from: legacyKey, to: key) }
            return await store.load(key: key)
        }
        guard let session = loaded else { return nil }
        if let owner = session.subject, owner != subject {
            onWarning?(SessionStoreWarning(path: key, reason: .mismatch("stored for another user")))
            return nil
        }
        return session.isExpired() ? nil : session.refreshToken
    }

    package func saveRefreshToken(_ token: Secret<String>) async {
        await SessionStoreWarning.$taskHandler.withValue(onWarning) {
            await store.save(StoredSession(refreshToken: token, subject: subject), key: key)
        }
    }
}

import Foundation
public import Settings

/// Plugs a keyed ``SessionStore`` into one client as its ``PixelTokenStore``: the client's token
/// provider loads the refresh token before each refresh and saves every new one under `key`.
///
/// A stored session for another subject, or one known to have expired, is not used (and is
/// reported to `onWarning` when it belongs to someone else). Warnings the store itself raises
/// during these calls (a corrupt file, a failed write) reach `onWarning` too, through
/// ``SessionStoreWarning/taskHandler``.
///
/// ```swift
/// let sessions = FileSessionStore()
/// var options = PixelClientOptions()
/// options.tokenStore = SessionTokenStore(store: sessions, key: resolved.fingerprint.hex, subject: settings.username)
/// ```
public struct SessionTokenStore: PixelTokenStore {
    /// Where sessions are kept.
    public let store: any SessionStore
    /// The settings fingerprint this client's session is stored under.
    public let key: String
    /// An older name of the same session (the fingerprint before it was keyed); a session found
    /// there is moved to ``key`` on the first load.
    public let legacyKey: String?
    /// The user name the session must belong to; `nil` skips the check.
    public let subject: String?
    private let onWarning: SessionStoreWarningHandler?

    /// Creates the adapter for one registry key.
    public init(
        store: any SessionStore, key: String, legacyKey: String? = nil, subject: String?, onWarning: SessionStoreWarningHandler? = nil
    ) {
        self.store = store
        self.key = key
        self.legacyKey = legacyKey
        self.subject = subject
        self.onWarning = onWarning
    }

    public func loadRefreshToken() async -> Secret<String>? {
        let loaded = await SessionStoreWarning.$taskHandler.withValue(onWarning) {
            if let legacyKey { await store.moveSession(from: legacyKey, to: key) }
            return await store.load(key: key)
        }
        guard let session = loaded else { return nil }
        if let subject, let owner = session.subject, owner != subject {
            onWarning?(SessionStoreWarning(path: key, reason: .mismatch("stored for another user")))
            return nil
        }
        return session.isExpired() ? nil : session.refreshToken
    }

    public func saveRefreshToken(_ token: Secret<String>) async {
        await SessionStoreWarning.$taskHandler.withValue(onWarning) {
            await store.save(StoredSession(refreshToken: token, subject: subject), key: key)
        }
    }
}

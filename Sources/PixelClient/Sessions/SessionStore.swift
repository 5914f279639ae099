import Foundation

/// Keeps Keycloak sessions (refresh tokens) between runs, keyed by settings fingerprint.
///
/// A store never throws at its caller: a session that cannot be read is reported as a
/// ``SessionStoreWarning`` (through the store's warning handler) and treated as absent, and a
/// failed save is reported the same way. Only refresh tokens are stored — never passwords, never
/// access tokens. Give a store to a client with ``PixelClientHooks/sessionStore``, or to a registry with
/// ``PixelClientRegistry/Configuration/hooks``: the client then loads the refresh token under its
/// settings fingerprint before each refresh and saves every new one.
///
/// ```swift
/// let store: any SessionStore = FileSessionStore(onWarning: { print($0) })
/// let key = resolved.fingerprint.hex
/// if let session = await store.load(key: key) { print(session) }   // refresh token redacted
/// await store.save(StoredSession(refreshToken: newToken, subject: "me@example.com"), key: key)
/// ```
public protocol SessionStore: Sendable {
    /// The session stored under `key`, or `nil` when there is none or it is unusable.
    func load(key: String) async -> StoredSession?
    /// Stores `session` under `key`, replacing what was there.
    func save(_ session: StoredSession, key: String) async
    /// Forgets the session under `key` (nothing happens when there is none).
    func remove(key: String) async
}

import NIOConcurrencyHelpers

/// The default ``SessionStore``: sessions live as long as the process (or this value).
///
/// ```swift
/// let store = InMemorySessionStore()
/// await store.save(StoredSession(refreshToken: token), key: key)
/// let again = await store.load(key: key)   // the same session
/// ```
public final class InMemorySessionStore: SessionStore {
    private let sessions = NIOLockedValueBox<[String: StoredSession]>([:])

    /// Creates an empty store.
    public init() {}

    public func load(key: String) async -> StoredSession? {
        sessions.withLockedValue { $0[key] }
    }

    public func save(_ session: StoredSession, key: String) async {
        sessions.withLockedValue { $0[key] = session }
    }

    public func remove(key: String) async {
        _ = sessions.withLockedValue { $0.removeValue(forKey: key) }
    }

    /// The keys that currently hold a session.
    public var keys: Set<String> {
        sessions.withLockedValue { Set($0.keys) }
    }
}

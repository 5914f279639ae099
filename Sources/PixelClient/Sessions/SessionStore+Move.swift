extension SessionStore {
    /// Moves the session stored under `oldKey` to `newKey`, unless `newKey` already has one.
    ///
    /// Sessions are stored under settings fingerprints; when the way fingerprints are computed
    /// changes (as when they became keyed), this carries a session over to its new name. The old
    /// entry is removed only once the new one reads back, so a failed save loses nothing.
    ///
    /// ```swift
    /// await store.moveSession(from: oldFingerprint.hex, to: settings.fingerprint.hex)
    /// ```
    ///
    /// - Returns: whether a session was moved.
    @discardableResult
    public func moveSession(from oldKey: String, to newKey: String) async -> Bool {
        guard oldKey != newKey, await load(key: newKey) == nil, let session = await load(key: oldKey) else { return false }
        await save(session, key: newKey)
        guard await load(key: newKey) != nil else { return false }
        await remove(key: oldKey)
        return true
    }
}

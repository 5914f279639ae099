import NIOConcurrencyHelpers

extension FingerprintKey {
    /// The key this process fingerprints with: the one given to ``useForProcess(_:)``, or, if
    /// none was given before the first fingerprint, a random key kept for the rest of the process.
    ///
    /// With a random key, fingerprints are equal within the process (cache keys, change
    /// detection) but differ in every other process: anything that outlives the process under a
    /// fingerprint (a session file, a printed fingerprint to compare later) needs a persistent key
    /// installed at startup.
    public static var process: FingerprintKey { ProcessFingerprintKey.shared.current }

    /// Makes `key` the key of this process. Call it once at startup, before anything is
    /// fingerprinted.
    ///
    /// ```swift
    /// try FingerprintKey.useForProcess(FingerprintKey.loadOrCreate(atPath: path))
    /// ```
    ///
    /// - Throws: ``FingerprintKeyError/Reason/alreadyInUse`` when this process has already
    ///   fingerprinted with a different key (installing the same key again is fine).
    public static func useForProcess(_ key: FingerprintKey) throws(FingerprintKeyError) {
        try ProcessFingerprintKey.shared.use(key)
    }
}

/// The process-wide key behind ``FingerprintKey/process``: set at most once, by the first
/// installation or the first fingerprint, whichever comes first.
final class ProcessFingerprintKey: Sendable {
    static let shared = ProcessFingerprintKey()

    private let state = NIOLockedValueBox<FingerprintKey?>(nil)

    /// The key; the first call without an installed key fixes a random one (made outside the
    /// lock, so no work happens under it).
    var current: FingerprintKey {
        if let key = state.withLockedValue({ $0 }) { return key }
        let random = FingerprintKey.random()
        return state.withLockedValue { key in
            if let key { return key }
            key = random
            return random
        }
    }

    /// Installs `key` unless another key is already in use.
    func use(_ key: FingerprintKey) throws(FingerprintKeyError) {
        let accepted = state.withLockedValue { current -> Bool in
            guard let installed = current else {
                current = key
                return true
            }
            return installed.hasSameSecret(as: key)
        }
        guard accepted else { throw FingerprintKeyError(path: nil, reason: .alreadyInUse) }
    }
}

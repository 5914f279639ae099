import PixelClient
import Settings

/// The user's fingerprint key for this run: installed before any settings are resolved, so that
/// `pixel config fingerprint` prints the same value in every run and the session store finds its
/// files again.
enum FingerprintKeySetup {
    /// The installed key, or why there is none (the run then fingerprints with a random key).
    static let outcome = Result { () throws(FingerprintKeyError) in try PixelSettings.useUserFingerprintKey() }

    /// Installs the key; only the first call does any work.
    static func install() {
        _ = outcome
    }

    /// Why this run's fingerprints are not the user's, if they are not.
    static var problem: FingerprintKeyError? {
        guard case .failure(let error) = outcome else { return nil }
        return error
    }
}

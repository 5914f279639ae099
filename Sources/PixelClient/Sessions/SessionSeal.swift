import Crypto
import Foundation
import Settings

/// AES-256-GCM under a key derived (HKDF-SHA256) from the user's fingerprint key, with the name a
/// session is stored under as associated data: a sealed session opens only where that key is, and
/// only under its own name.
struct SessionSeal: Sendable {
    private let key: SymmetricKey

    init(fingerprintKey: FingerprintKey) {
        key = fingerprintKey.derivedKey(purpose: "pixel-client session file v2")
    }

    private static func associatedData(_ name: String) -> [UInt8] {
        Array("pixel-client session v2 stored under \(name)".utf8)
    }

    struct SealingFailed: Error {}

    func seal(_ plaintext: Data, storedUnder name: String) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Self.associatedData(name))
        guard let combined = box.combined else { throw SealingFailed() }
        return combined
    }

    /// The plaintext, or `nil` when `sealed` was altered, sealed under another name or another key.
    func open(_ sealed: Data, storedUnder name: String) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
        return try? AES.GCM.open(box, using: key, authenticating: Self.associatedData(name))
    }
}

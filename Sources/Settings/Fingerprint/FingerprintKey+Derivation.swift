public import Crypto

extension FingerprintKey {
    /// A key for another purpose, derived from this one with HKDF-SHA256.
    ///
    /// Use it to protect something that should be readable only where this key is, such as a file
    /// kept under a fingerprint: different `purpose` texts give unrelated keys, and none of them
    /// reveals this key or the fingerprints made with it.
    ///
    /// ```swift
    /// let sealing = FingerprintKey.process.derivedKey(purpose: "my-app session files v1")
    /// let box = try AES.GCM.seal(plaintext, using: sealing)
    /// ```
    ///
    /// - Parameters:
    ///   - purpose: names what the key is for (the HKDF `info`); keep it fixed per use.
    ///   - byteCount: the derived key's length, 32 bytes (AES-256) unless told.
    public func derivedKey(purpose: String, byteCount: Int = 32) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, salt: Array("settings-fingerprint-key derivation".utf8), info: Array(purpose.utf8),
            outputByteCount: byteCount)
    }
}

import Foundation
import Settings

/// The JSON shape of a session file (format version 2): the session — refresh token, subject and
/// dates — sealed with AES-256-GCM, next to the key it was stored under.
///
/// `{"cipher":"AES-256-GCM","key":"3f2a…","sealed":"<base64 of nonce, ciphertext and tag>","version":2}`
struct SealedSessionFileRecord: Codable, CustomStringConvertible {
    static let version = 2
    static let cipherName = "AES-256-GCM"

    var version: Int
    var key: String
    var cipher: String
    var sealed: Data

    var description: String { "SealedSessionFileRecord(version: \(version), key: \(key), \(sealed.count) sealed bytes)" }

    /// What is sealed: the session itself.
    private struct Contents: Codable {
        var refreshToken: String
        var refreshTokenExpiresAt: Date?
        var subject: String?
        var savedAt: Date
    }

    /// The file's bytes for `session` stored under `key`.
    static func encode(_ session: StoredSession, key: String, seal: SessionSeal) throws -> [UInt8] {
        let contents = Contents(
            refreshToken: session.refreshToken.reveal(), refreshTokenExpiresAt: session.refreshTokenExpiresAt,
            subject: session.subject, savedAt: session.savedAt)
        let plaintext = try SessionFileRecord.encoder().encode(contents)
        let record = SealedSessionFileRecord(
            version: version, key: key, cipher: cipherName, sealed: try seal.seal(plaintext, storedUnder: key))
        return Array(try SessionFileRecord.encoder().encode(record)) + [UInt8(ascii: "\n")]
    }

    static func decode(_ data: Data, expectedKey: String, seal: SessionSeal) -> SessionFileRecord.Decoded {
        let record: SealedSessionFileRecord
        switch SessionFileRecord.decodeChecked(SealedSessionFileRecord.self, from: data) {
        case .success(let decoded): record = decoded
        case .failure(let rejection): return .rejected(rejection.reason)
        }
        guard record.cipher == cipherName else { return .rejected(.corrupt("unknown cipher")) }
        guard record.key == expectedKey else { return .rejected(.mismatch("written for key \(record.key.prefix(12))…")) }
        guard let plaintext = seal.open(record.sealed, storedUnder: expectedKey) else {
            return .rejected(
                .corrupt(
                    "the sealed session does not open with this user's fingerprint key: altered, moved from another name, or sealed under another key"
                ))
        }
        let contents: Contents
        switch SessionFileRecord.decodeChecked(Contents.self, from: plaintext) {
        case .success(let decoded): contents = decoded
        case .failure(let rejection): return .rejected(rejection.reason)
        }
        return SessionFileRecord.checkedSession(
            contents.refreshToken, expiresAt: contents.refreshTokenExpiresAt, subject: contents.subject, savedAt: contents.savedAt)
    }
}

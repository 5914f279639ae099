import Crypto
import Foundation
import Settings

/// The JSON shape of a session file before sessions were sealed (format version 1): the refresh
/// token in plain text. Still read, so sessions survive the upgrade; the next save replaces the
/// file with a sealed one. The token is a plain `String` here only between decoding and wrapping
/// it in a `Secret`; `description` never shows it.
struct SessionFileRecord: Codable, CustomStringConvertible {
    static let plaintextVersion = 1

    var version: Int
    var key: String
    var refreshToken: String
    var refreshTokenExpiresAt: Date?
    var subject: String?
    var savedAt: Date

    /// Just the version, read first so a newer format is reported as such, not as corrupt.
    private struct VersionProbe: Decodable {
        var version: Int
    }

    var description: String { "SessionFileRecord(version: \(version), key: \(key), refreshToken: \(Secret<String>.redacted))" }

    /// What a file's bytes turned out to be.
    enum Decoded {
        case session(StoredSession)
        case rejected(SessionStoreWarning.Reason)
    }

    /// Decodes and checks a file's bytes, opening a sealed one with `seal`; a rejection says why
    /// in words that never quote the file.
    static func decode(_ bytes: [UInt8], expectedKey: String, seal: SessionSeal) -> Decoded {
        let data = Data(bytes)
        let decoder = Self.decoder()
        guard let probe = try? decoder.decode(VersionProbe.self, from: data) else {
            return .rejected(.corrupt(bytes.isEmpty ? "empty file" : "not JSON with a numeric \"version\""))
        }
        switch probe.version {
        case SealedSessionFileRecord.version:
            return SealedSessionFileRecord.decode(data, expectedKey: expectedKey, seal: seal)
        case plaintextVersion:
            return decodePlaintext(data, expectedKey: expectedKey)
        default:
            return .rejected(.unsupportedVersion(probe.version))
        }
    }

    private static func decodePlaintext(_ data: Data, expectedKey: String) -> Decoded {
        let record: SessionFileRecord
        switch decodeChecked(SessionFileRecord.self, from: data) {
        case .success(let decoded): record = decoded
        case .failure(let rejection): return .rejected(rejection.reason)
        }
        guard record.key == expectedKey else { return .rejected(.mismatch("written for key \(record.key.prefix(12))…")) }
        return checkedSession(record.refreshToken, expiresAt: record.refreshTokenExpiresAt, subject: record.subject, savedAt: record.savedAt)
    }

    /// The session a file's fields describe, or why they do not make one (both formats).
    static func checkedSession(_ refreshToken: String, expiresAt: Date?, subject: String?, savedAt: Date) -> Decoded {
        guard !refreshToken.isEmpty else { return .rejected(.corrupt("empty refresh token")) }
        return .session(StoredSession(refreshToken: Secret(refreshToken), refreshTokenExpiresAt: expiresAt, subject: subject, savedAt: savedAt))
    }

    /// A decoding failure in words that name the field, never its value.
    struct Rejection: Error {
        var reason: SessionStoreWarning.Reason
    }

    static func decodeChecked<T: Decodable>(_ type: T.Type, from data: Data) -> Result<T, Rejection> {
        do {
            return .success(try decoder().decode(type, from: data))
        } catch let error as DecodingError {
            return .failure(Rejection(reason: .corrupt(explain(error))))
        } catch {
            return .failure(Rejection(reason: .corrupt("undecodable")))
        }
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Names the field and the problem, never the value (it could be the token).
    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "field \"\(key.stringValue)\" is missing"
        case .valueNotFound(_, let context): return "field \"\(path(context))\" is null"
        case .typeMismatch(_, let context): return "field \"\(path(context))\" has the wrong type"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "invalid JSON" : "field \"\(path(context))\" is malformed"
        @unknown default: return "undecodable"
        }
    }
}

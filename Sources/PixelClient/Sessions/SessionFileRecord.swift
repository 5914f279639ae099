import Foundation
import Settings

/// The JSON shape of one session file (format version 1). The token is a plain `String` here
/// only between decoding and wrapping it in a `Secret`; `description` never shows it.
struct SessionFileRecord: Codable, CustomStringConvertible {
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

    init(session: StoredSession, key: String) {
        version = FileSessionStore.formatVersion
        self.key = key
        refreshToken = session.refreshToken.reveal()
        refreshTokenExpiresAt = session.refreshTokenExpiresAt
        subject = session.subject
        savedAt = session.savedAt
    }

    var description: String { "SessionFileRecord(version: \(version), key: \(key), refreshToken: \(Secret<String>.redacted))" }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// What a file's bytes turned out to be.
    enum Decoded {
        case session(StoredSession)
        case rejected(SessionStoreWarning.Reason)
    }

    /// Decodes and checks a file's bytes; a rejection says why in words that never quote the file.
    static func decode(_ bytes: [UInt8], expectedKey: String) -> Decoded {
        let data = Data(bytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let probe = try? decoder.decode(VersionProbe.self, from: data) else {
            return .rejected(.corrupt(bytes.isEmpty ? "empty file" : "not JSON with a numeric \"version\""))
        }
        guard probe.version == FileSessionStore.formatVersion else { return .rejected(.unsupportedVersion(probe.version)) }
        let record: SessionFileRecord
        do {
            record = try decoder.decode(SessionFileRecord.self, from: data)
        } catch let error as DecodingError {
            return .rejected(.corrupt(Self.explain(error)))
        } catch {
            return .rejected(.corrupt("undecodable"))
        }
        guard record.key == expectedKey else { return .rejected(.mismatch("written for key \(record.key.prefix(12))…")) }
        guard !record.refreshToken.isEmpty else { return .rejected(.corrupt("empty refresh token")) }
        return .session(
            StoredSession(
                refreshToken: Secret(record.refreshToken), refreshTokenExpiresAt: record.refreshTokenExpiresAt,
                subject: record.subject, savedAt: record.savedAt))
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

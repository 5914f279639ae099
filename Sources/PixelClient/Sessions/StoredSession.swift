public import Foundation
public import Settings

/// One stored session: the refresh token and what is needed to check it is still the right one.
///
/// `description` shows the subject and dates, never the token.
public struct StoredSession: Sendable, Hashable, CustomStringConvertible {
    /// The Keycloak refresh token.
    public var refreshToken: Secret<String>
    /// When Keycloak said the refresh token stops working (`refresh_expires_in`), if known.
    public var refreshTokenExpiresAt: Date?
    /// The user the token belongs to, for a sanity check on load.
    public var subject: String?
    /// When the session was saved.
    public var savedAt: Date

    /// Creates a session record.
    public init(refreshToken: Secret<String>, refreshTokenExpiresAt: Date? = nil, subject: String? = nil, savedAt: Date = Date()) {
        self.refreshToken = refreshToken
        self.refreshTokenExpiresAt = refreshTokenExpiresAt
        self.subject = subject
        self.savedAt = savedAt
    }

    /// Whether the refresh token is known to have expired at `now`.
    public func isExpired(at now: Date = Date()) -> Bool {
        refreshTokenExpiresAt.map { $0 <= now } ?? false
    }

    public var description: String {
        var text = "StoredSession(refreshToken: \(refreshToken)"
        if let subject { text += ", subject: \(subject)" }
        if let refreshTokenExpiresAt { text += ", expires: \(refreshTokenExpiresAt.formatted(.iso8601))" }
        return text + ", saved: \(savedAt.formatted(.iso8601)))"
    }
}

import Foundation

/// When and how long to wait before sending an idempotent request again.
///
/// GET, PUT and DELETE are retried on connection failures and on 429, 502, 503 and 504; POST never
/// is (it may have had an effect). Delays grow exponentially with full jitter, and a server's
/// `Retry-After` (seconds or an HTTP date) is honoured up to `maxDelay`.
struct RetryPolicy: Sendable {
    var maxAttempts: Int
    var baseDelay: Duration
    var maxDelay: Duration

    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    static func isIdempotent(_ method: String) -> Bool {
        ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"].contains(method)
    }

    /// The wait after failed attempt number `attempt` (1-based).
    func delay(afterAttempt attempt: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Self.parseRetryAfter(retryAfter) {
            return min(maxDelay, .milliseconds(Int64(max(0, seconds) * 1000)))
        }
        let exponent = min(max(attempt - 1, 0), 20)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        let ceilingMilliseconds = max(1, Int64(ceiling / .milliseconds(1)))
        return .milliseconds(Int64.random(in: 0...ceilingMilliseconds))
    }

    /// `Retry-After: 3` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` → seconds from now.
    static func parseRetryAfter(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { $0.timeIntervalSinceNow }
    }
}

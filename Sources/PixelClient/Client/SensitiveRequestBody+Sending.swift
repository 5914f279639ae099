import NIOHTTP1

import Foundation
import Settings

// Sending a ``SensitiveRequestBody`` (declared with the models) and blanking its secrets out of errors.

extension PixelError {
    /// This error with every occurrence of `secrets` (as text and as a JSON string body)
    /// replaced by `<redacted>` in each text it carries.
    package func redacting(_ secrets: [String]) -> PixelError {
        let needles = secrets.filter { !$0.isEmpty }.flatMap { secret in [secret, Self.jsonEscaped(secret)] }
        guard !needles.isEmpty else { return self }
        func scrub(_ text: String?) -> String? {
            guard var text else { return nil }
            for needle in needles where !needle.isEmpty { text = text.replacingOccurrences(of: needle, with: "<redacted>") }
            return text
        }
        var copy = self
        copy.message = scrub(message) ?? message
        copy.detail = scrub(detail)
        copy.url = scrub(url)
        copy.requestBody = scrub(requestBody)
        copy.underlying = scrub(underlying)
        return copy
    }

    /// How `text` appears inside a JSON string (quotes, backslashes and control characters escaped).
    private static func jsonEscaped(_ text: String) -> String {
        guard let data = try? JSONEncoder().encode(text), let quoted = String(data: data, encoding: .utf8), quoted.count >= 2 else { return text }
        return String(quoted.dropFirst().dropLast())
    }
}

extension PixelAsyncClient {
    /// Sends a body with secrets: nothing of it is logged or kept, and its secrets are blanked out
    /// of the error if the call fails.
    func sendSensitive<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: some SensitiveRequestBody, as type: Response.Type = Response.self
    ) async throws(PixelError) -> Response {
        do {
            return try await send(APIRequest(method, path).withJSONBody(body, sensitive: true))
        } catch {
            throw error.redacting(body.secretValues)
        }
    }
}

extension OIDCUserCreate: SensitiveRequestBody {
    var secretValues: [String] { [password.reveal()] }
}

extension OIDCUserUpdate: SensitiveRequestBody {
    var secretValues: [String] { password.map { [$0.reveal()] } ?? [] }
}

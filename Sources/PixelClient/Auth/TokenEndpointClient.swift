import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Settings
import Tracing

/// Talks to Keycloak's token endpoint: the password grant and the refresh-token grant.
///
/// Never retried automatically, never routed through the API's 401 handling (so a failing grant
/// cannot recurse), and never logs or reports the form body: it holds the password or a token.
struct TokenEndpointClient: Sendable {
    let transport: HTTPTransport
    let endpoint: String
    let username: String
    let password: Secret<String>
    let instrumentation: PixelInstrumentation
    let logger: Logger

    struct Grant: Sendable {
        var accessToken: Secret<String>
        var expiresIn: Duration
        var refreshToken: Secret<String>?
        var grant: PixelTokenGrant
    }

    func passwordGrant() async throws(PixelError) -> Grant {
        try await request(
            grant: .password,
            form: [
                ("client_id", PixelSettings.clientID), ("username", username), ("password", password.reveal()),
                ("scope", "openid email profile"), ("grant_type", "password"),
            ])
    }

    func refreshGrant(_ refreshToken: Secret<String>) async throws(PixelError) -> Grant {
        try await request(
            grant: .refreshToken,
            form: [
                ("client_id", PixelSettings.clientID), ("refresh_token", refreshToken.reveal()),
                ("grant_type", "refresh_token"),
            ])
    }

    /// One grant in its span (no attribute holds the form), counted by grant type and outcome.
    private func request(grant: PixelTokenGrant, form: [(String, String)]) async throws(PixelError) -> Grant {
        let requestID = RequestID.make()
        do throws(PixelError) {
            let result = try await instrumentation.withSpan("token \(grant.rawValue) grant") { span async throws(PixelError) -> Grant in
                span.attributes["pixel.request_id"] = requestID
                span.attributes["grant_type"] = grant.rawValue
                return try await send(grant: grant, form: form, requestID: requestID)
            }
            instrumentation.tokenGrant(grant, succeeded: true)
            return result
        } catch {
            if error.code != .cancelled && error.code != .clientClosed { instrumentation.tokenGrant(grant, succeeded: false) }
            throw error
        }
    }

    private func send(grant: PixelTokenGrant, form: [(String, String)], requestID: String) async throws(PixelError) -> Grant {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "X-Request-ID", value: requestID)
        request.headers.add(name: "User-Agent", value: PixelUserAgent.value)
        let body = form.map { "\(QueryItems.escape($0.0))=\(QueryItems.escape($0.1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        logger.debug(
            "token request", metadata: ["grant": "\(grant.rawValue)", "url": "\(endpoint)", "request_id": "\(requestID)"])
        let response = try await transport.execute(request, kind: .token, carriesCredentials: true, logger: logger)
        logger.debug(
            "token response", metadata: ["grant": "\(grant.rawValue)", "status": "\(response.status)", "request_id": "\(requestID)"])
        guard (200..<300).contains(response.status) else {
            let oauth = try? JSONDecoder.snakeCase.decode(TokenEndpointError.self, from: Data(buffer: response.body))
            let detail = [oauth?.error, oauth?.errorDescription].compactMap { $0 }.joined(separator: ": ")
            let rejected = response.status == 400 || response.status == 401
            throw PixelError(
                code: rejected ? .authentication : .httpStatus,
                message: rejected
                    ? "Keycloak rejected the \(grant.rawValue) grant for user \(username)."
                    : "The Keycloak token endpoint answered with an error.",
                method: "POST", url: endpoint, status: response.status, requestID: requestID,
                detail: detail.isEmpty ? nil : detail)
        }
        do {
            let decoded = try JSONDecoder.snakeCase.decode(TokenEndpointResponse.self, from: Data(buffer: response.body))
            return Grant(
                accessToken: Secret(decoded.accessToken), expiresIn: .seconds(decoded.expiresIn ?? 300),
                refreshToken: decoded.refreshToken.map(Secret.init), grant: grant)
        } catch {
            // The body holds tokens: report only the shape problem, never the text.
            throw PixelError(
                code: .decoding, message: "The token endpoint's response is not a valid token response.",
                method: "POST", url: endpoint, status: response.status, requestID: requestID)
        }
    }
}

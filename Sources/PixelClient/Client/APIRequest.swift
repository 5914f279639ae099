import Foundation
package import NIOCore
package import NIOHTTP1

/// One Pixel API call before it is sent: method, path relative to the API base URL (leading `/`,
/// trailing slash exactly as the API wants it), query and optional JSON body.
package struct APIRequest: Sendable {
    package var method: HTTPMethod
    package var path: String
    package var query: QueryItems
    package var body: ByteBuffer?
    /// The body as text for error messages; `nil` for sensitive calls (OIDC users).
    package var bodyForErrors: String?
    package var sensitive: Bool

    package init(_ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems()) {
        self.method = method
        self.path = path
        self.query = query
        self.body = nil
        self.bodyForErrors = nil
        self.sensitive = false
    }

    /// Adds a JSON body (snake_case keys). Sensitive bodies are never kept for errors or logs.
    package func withJSONBody(_ value: some Encodable & Sendable, sensitive: Bool = false) throws(PixelError) -> APIRequest {
        var copy = self
        do {
            let data = try PixelJSON.encoder.encode(value)
            copy.body = ByteBuffer(bytes: data)
            copy.sensitive = sensitive
            copy.bodyForErrors = sensitive ? nil : String(decoding: data, as: UTF8.self)
        } catch {
            throw .invalidInput("The request body could not be encoded as JSON: \(error)")
        }
        return copy
    }

    /// `base` + `path` + `?query`: concatenated, so the tenant segment of the base survives.
    package func url(base: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let query = query.encoded
        return trimmed + path + (query.isEmpty ? "" : "?" + query)
    }
}

import Hummingbird

/// An error answer: a status plus a JSON body, FastAPI-style `{"detail": …}` for the API and
/// OAuth2-style `{"error", "error_description"}` for the token endpoint.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var body: JSONValue
    var headers: HTTPFields = [:]

    /// `{"detail": message}`.
    static func detail(_ status: HTTPResponse.Status, _ message: String) -> APIError {
        APIError(status: status, body: ["detail": .string(message)])
    }

    static func notFound(_ what: String) -> APIError {
        .detail(.notFound, "\(what) not found")
    }

    static func badRequest(_ message: String) -> APIError {
        .detail(.badRequest, message)
    }

    /// FastAPI's 422: `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`.
    static func validation(_ location: [String], _ message: String, type: String = "value_error") -> APIError {
        APIError(
            status: .unprocessableContent,
            body: ["detail": [["loc": .array(location.map(JSONValue.string)), "msg": .string(message), "type": .string(type)]]]
        )
    }

    static func missing(_ location: [String]) -> APIError {
        .validation(location, "Field required", type: "missing")
    }

    static let notAuthenticated = APIError(
        status: .unauthorized,
        body: ["detail": "Not authenticated"],
        headers: [.wwwAuthenticate: "Bearer"]
    )

    /// OAuth2 token-endpoint error.
    static func oauth(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> APIError {
        APIError(status: status, body: ["error": .string(error), "error_description": .string(description)])
    }
}

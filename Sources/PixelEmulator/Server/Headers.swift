import Foundation
import Hummingbird

/// Header names the emulator uses beyond the standard set.
enum Header {
    typealias Name = HTTPFields.Element.Name
    static let requestID = Name("X-Request-ID")
    static let contentMD5 = Name("Content-MD5")
    static let eTag = Name("ETag")
}

extension Response {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = (try? jsonEncoder.encode(value)) ?? Data("null".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An S3-style XML error, as the object store answers.
    static func s3Error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message></Error>"
        return Response(status: status, headers: [.contentType: "application/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    /// A plain-text response (non-JSON 5xx bodies for the client's second error path).
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    init(_ error: APIError) {
        self = .json(error.body, status: error.status, headers: error.headers)
    }
}

private let jsonEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}()

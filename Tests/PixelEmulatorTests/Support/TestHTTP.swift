import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import PixelEmulator

/// HTTP methods the tests use (kept local so the tests need no NIOHTTP1 import).
enum HTTPMethod: String, Sendable {
    case GET, POST, PUT, DELETE, PATCH
}

/// Response headers, looked up case-insensitively.
struct ReplyHeaders: Sendable {
    var fields: [(String, String)]

    subscript(name: String) -> [String] {
        fields.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }
}

/// A decoded HTTP answer.
struct Reply: Sendable {
    var status: Int
    var headers: ReplyHeaders
    var body: [UInt8]

    var json: JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(body))) ?? .null
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Raw HTTP against an emulator, plus a cached bearer token for the demo account.
struct TestHTTP: Sendable {
    let client: HTTPClient
    let emulator: PixelEmulator

    static let username = "demo@example.com"
    static let password = "demo-password"

    func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method.rawValue)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(120))
        let collected = try await response.body.collect(upTo: 64 << 20)
        return Reply(
            status: Int(response.status.code), headers: ReplyHeaders(fields: response.headers.map { ($0.name, $0.value) }),
            body: Array(buffer: collected))
    }

    /// The token endpoint of the demo realm.
    var tokenURL: String { emulator.baseURL + "/realms/Demo/protocol/openid-connect/token" }

    func tokenRequest(_ form: [(String, String)], realm: String = "Demo") async throws -> Reply {
        let encoded = form.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        return try await send(
            .POST, emulator.baseURL + "/realms/\(realm)/protocol/openid-connect/token",
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(encoded.utf8))
    }

    func passwordGrant(username: String = username, password: String = password, clientID: String = "frontend") async throws -> Reply {
        try await tokenRequest([
            ("client_id", clientID), ("username", username), ("password", password), ("scope", "openid email profile"),
            ("grant_type", "password"),
        ])
    }

    func token() async throws -> String {
        let reply = try await passwordGrant()
        guard let token = reply.json["access_token"]?.stringValue else { throw TestFailure("no access token: \(reply.text)") }
        return token
    }

    /// An API call under `/demo` with a fresh token (or the given one; "" for none).
    func api(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, token: String? = nil, headers: [(String, String)] = []
    ) async throws -> Reply {
        let bearer: String
        if let token { bearer = token } else { bearer = try await self.token() }
        var allHeaders = headers
        if !bearer.isEmpty { allHeaders.append(("Authorization", "Bearer \(bearer)")) }
        var body: [UInt8]? = nil
        if let json {
            body = Array(try JSONEncoder().encode(json))
            allHeaders.append(("Content-Type", "application/json"))
        }
        return try await send(method, emulator.apiURL(tenant: "demo") + path, headers: allHeaders, body: body)
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Starts an emulator and an HTTP client, runs `body`, and always shuts both down.
func withEmulator<T: Sendable>(
    _ configuration: EmulatorConfiguration = .init(), _ body: (TestHTTP) async throws -> T
) async throws -> T {
    try await PixelEmulator.withRunning(configuration) { emulator in
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(TestHTTP(client: client, emulator: emulator))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// Base64 MD5, as the Pixel API declares digests.
func md5Base64(_ bytes: [UInt8]) -> String {
    Data(Insecure.MD5.hash(data: bytes)).base64EncodedString()
}

/// Deterministic pseudo-random bytes.
func testBytes(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

/// A `multipart/form-data` body: fields in order, then `file` (what S3 presigned POST expects).
func formData(fields: [(String, String)], file: [UInt8]?, boundary: String = "----pixel-test-boundary-7MA4YWxk") -> (
    contentType: String, body: [UInt8]
) {
    var body: [UInt8] = []
    for (name, value) in fields {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        body += file
        body += Array("\r\n".utf8)
    }
    body += Array("--\(boundary)--\r\n".utf8)
    return ("multipart/form-data; boundary=\(boundary)", body)
}

extension TestHTTP {
    /// Uploads through a presigned POST description (`url` + fields object).
    func presignedPost(url: String, fields: JSONValue?, file: [UInt8]) async throws -> Reply {
        let pairs = (fields?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value.stringValue ?? "") }
        let form = formData(fields: pairs, file: file)
        return try await send(.POST, url, headers: [("Content-Type", form.contentType)], body: form.body)
    }

    /// Creates a project and a data collection of `type`; returns their ids.
    func makeCollection(type: String, token: String) async throws -> (project: Int, collection: Int) {
        let project = try await api(.POST, "/projects/", json: ["name": "P", "description": "d", "area_of_interest": square(0, 0, 1)], token: token)
        guard let projectID = project.json["id"]?.intValue else { throw TestFailure("project: \(project.text)") }
        let collection = try await api(
            .POST, "/projects/\(projectID)/data_collections/", json: ["name": "C", "description": "", "data_collection_type": .string(type)],
            token: token)
        guard let collectionID = collection.json["id"]?.intValue else { throw TestFailure("collection: \(collection.text)") }
        return (projectID, collectionID)
    }

    /// Polls a job until it completes; returns the number of polls that said `completed: false`.
    func waitForJob(_ jobID: Int, token: String, group: Bool = false) async throws -> (incomplete: Int, final: JSONValue) {
        var incomplete = 0
        for _ in 0..<50 {
            let reply = try await api(.GET, group ? "/jobs/groups/\(jobID)" : "/jobs/\(jobID)", token: token)
            guard reply.status == 200 else { throw TestFailure("job poll: \(reply.status) \(reply.text)") }
            if reply.json["completed"]?.boolValue == true { return (incomplete, reply.json) }
            incomplete += 1
        }
        throw TestFailure("job \(jobID) never completed")
    }
}

/// A GeoJSON square polygon.
func square(_ x: Double, _ y: Double, _ size: Double) -> JSONValue {
    [
        "type": "Polygon",
        "coordinates": [
            [
                [.double(x), .double(y)], [.double(x + size), .double(y)], [.double(x + size), .double(y + size)], [.double(x), .double(y + size)],
                [.double(x), .double(y)],
            ]
        ],
    ]
}

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
@testable import PixelEmulator

/// The emulator's API driven through HummingbirdTesting's router framework: every request goes
/// straight to the router, no socket. Holds a bearer token for the demo account.
struct RouterAPI: Sendable {
    let client: any TestClientProtocol
    let emulator: PixelEmulator
    let token: String

    /// An API call under `/demo` with this client's token (`""` for none, or another one).
    func call(_ method: HTTPRequest.Method, _ path: String, json: JSONValue? = nil, token: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [:]
        let bearer = token ?? self.token
        if !bearer.isEmpty { headers[.authorization] = "Bearer \(bearer)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(data: try JSONEncoder().encode(json))
            headers[.contentType] = "application/json"
        }
        let response = try await client.execute(uri: "/demo" + path, method: method, headers: headers, body: body)
        return Reply(response)
    }

    func get(_ path: String) async throws -> Reply { try await call(.get, path) }
    func post(_ path: String, _ json: JSONValue? = nil) async throws -> Reply { try await call(.post, path, json: json) }
    func put(_ path: String, _ json: JSONValue? = nil) async throws -> Reply { try await call(.put, path, json: json) }
    func patch(_ path: String, _ json: JSONValue? = nil) async throws -> Reply { try await call(.patch, path, json: json) }
    func delete(_ path: String) async throws -> Reply { try await call(.delete, path) }

    /// The JSON of a call that must answer 200.
    func ok(_ method: HTTPRequest.Method, _ path: String, _ json: JSONValue? = nil) async throws -> JSONValue {
        let reply = try await call(method, path, json: json)
        guard reply.status == 200 else { throw TestFailure("\(method) \(path): \(reply.status) \(reply.text)") }
        return reply.json
    }

    /// Creates a project and a data collection of `type`; returns the data-collection path.
    func makeCollection(type: String) async throws -> String {
        let project = try await ok(.post, "/projects/", ["name": "P", "description": "d", "area_of_interest": square(0, 0, 1)])
        let projectID = try project.requiredInt("id")
        let collection = try await ok(
            .post, "/projects/\(projectID)/data_collections/", ["name": "C", "description": "", "data_collection_type": .string(type)])
        return "/projects/\(projectID)/data_collections/\(try collection.requiredInt("id"))"
    }

    /// Polls `/jobs/{id}` (or `/jobs/groups/{id}`) until it completes; returns the final answer.
    func waitForJob(_ id: Int, group: Bool = false) async throws -> JSONValue {
        for _ in 0..<50 {
            let job = try await ok(.get, group ? "/jobs/groups/\(id)" : "/jobs/\(id)")
            if job["completed"] == true { return job }
        }
        throw TestFailure("job \(id) never completed")
    }
}

extension Reply {
    init(_ response: TestResponse) {
        self.init(
            status: Int(response.status.code),
            headers: ReplyHeaders(fields: response.headers.map { ($0.name.rawName, $0.value) }),
            body: Array(buffer: response.body))
    }
}

extension JSONValue {
    /// The integer member `key`, or a test failure naming what was there instead.
    func requiredInt(_ key: String) throws -> Int {
        guard let value = self[key]?.intValue else { throw TestFailure("no integer \(key) in \(self)") }
        return value
    }
}

/// Runs `body` against a fresh emulator's router (no listener) with a signed-in demo client.
func withRouter<T: Sendable>(
    _ configuration: EmulatorConfiguration = .init(), _ body: @escaping @Sendable (RouterAPI) async throws -> T
) async throws -> T {
    let emulator = PixelEmulator(configuration: configuration)
    do {
        let result = try await emulator.makeApplication().test(.router) { client in
            let form =
                "client_id=frontend&grant_type=password&username=\(TestHTTP.formEncode(TestHTTP.username))&password=\(TestHTTP.formEncode(TestHTTP.password))"
            let reply = Reply(
                try await client.execute(
                    uri: "/realms/Demo/protocol/openid-connect/token", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)))
            guard let token = reply.json["access_token"]?.stringValue else { throw TestFailure("token: \(reply.status) \(reply.text)") }
            return try await body(RouterAPI(client: client, emulator: emulator, token: token))
        }
        await emulator.cleanUp()
        return result
    } catch {
        await emulator.cleanUp()
        throw error
    }
}

extension RouterAPI {
    /// Uploads `bytes` as `name` into the data collection at `dc` through the presigned POST and
    /// waits for validation; returns the new resource's id.
    func upload(_ name: String, _ bytes: [UInt8], into dc: String) async throws -> Int {
        let jobs = try await ok(.post, dc + "/upload_jobs/", ["files": [["name": .string(name), "md5": .string(md5Base64(bytes))]]])
        guard let job = jobs.arrayValue?.first, let url = job["url"]?.stringValue else { throw TestFailure("upload job: \(jobs)") }
        let pairs = (job["upload_fields"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value.stringValue ?? "") }
        let form = formData(fields: pairs, file: bytes)
        let posted = try await client.execute(
            uri: url, method: .post, headers: [.contentType: form.contentType], body: ByteBuffer(bytes: form.body))
        guard posted.status == .noContent else { throw TestFailure("presigned POST: \(posted.status)") }
        let uploadJobID = try job.requiredInt("id")
        let finished = try await ok(.put, dc + "/upload_jobs/\(uploadJobID)/uploadFinished")
        _ = try await waitForJob(try (finished["job"] ?? .null).requiredInt("job_id"))
        let state = try await ok(.get, dc + "/upload_jobs/?ids=\(uploadJobID)")
        return try (state.arrayValue?.first?["result"] ?? .null).requiredInt("resource_id")
    }
}

extension Reply {
    /// `loc` of the first FastAPI validation error, e.g. `["body", "email"]`.
    var errorLocation: JSONValue? {
        json["detail"]?.arrayValue?.first?["loc"]
    }
}

extension JSONValue {
    /// The integer `key` of every object in this array, in order.
    ///
    /// Tests use these rather than closures inside `#expect`: Swift 6.3.1 miscompiles a closure
    /// that follows an `#expect` containing a closure within the same enclosing closure (the
    /// later closure runs the earlier one's body).
    func ints(_ key: String) -> [Int] {
        (arrayValue ?? []).compactMap { $0[key]?.intValue }
    }

    /// The string `key` of every object in this array, in order.
    func strings(_ key: String) -> [String] {
        (arrayValue ?? []).compactMap { $0[key]?.stringValue }
    }
}

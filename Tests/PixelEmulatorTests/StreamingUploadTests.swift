import AsyncHTTPClient
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import PixelEmulator
import Testing

/// Bytes handed out in fixed-size chunks, so multipart delimiters straddle chunk borders.
struct ChunkedBytes: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let bytes: [UInt8]
    let chunkSize: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8]
        let chunkSize: Int
        var offset = 0

        mutating func next() async -> ByteBuffer? {
            guard offset < bytes.count else { return nil }
            let end = Swift.min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return ByteBuffer(bytes: bytes[offset..<end])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, chunkSize: chunkSize) }
}

struct StreamingUploadTests {
    @Test(arguments: [1, 7, 41, 65_536])
    func presignedPostParsesBodiesArrivingInAnyChunkSize(chunkSize: Int) async throws {
        try await withEmulator { http in
            let token = try await http.token()
            // Bytes that look like a delimiter prefix ("\r\n--") stress the boundary search.
            let file = Array("\r\n--\r\n-".utf8) + testBytes(chunkSize == 1 ? 3_000 : 200_000, seed: UInt64(chunkSize)) + Array("\r\n-".utf8)
            let (project, collection) = try await http.makeCollection(type: "image", token: token)
            let dc = "/projects/\(project)/data_collections/\(collection)"
            let job = try #require(
                try await http.api(.POST, dc + "/upload_jobs/", json: ["files": [["name": "s.jpg", "md5": .string(md5Base64(file))]]], token: token)
                    .json.arrayValue?.first)
            let fields = (job["upload_fields"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value.stringValue ?? "") }
            let form = formData(fields: fields, file: file)
            var request = HTTPClientRequest(url: try #require(job["url"]?.stringValue))
            request.method = .POST
            request.headers.add(name: "Content-Type", value: form.contentType)
            request.body = .stream(ChunkedBytes(bytes: form.body, chunkSize: chunkSize), length: .known(Int64(form.body.count)))
            let response = try await http.client.execute(request, timeout: .seconds(60))
            #expect(response.status.code == 204)
            let id = try #require(job["id"]?.intValue)
            let finished = try await http.api(.PUT, dc + "/upload_jobs/\(id)/uploadFinished", token: token)
            _ = try await http.waitForJob(try #require(finished.json["job"]?["job_id"]?.intValue), token: token)
            let state = try #require(try await http.api(.GET, dc + "/upload_jobs/?ids=\(id)", token: token).json.arrayValue?.first)
            #expect(state["status"] == "validated_and_moved")
            let imageID = try #require(state["result"]?["resource_id"]?.intValue)
            #expect(try await http.emulator.storedObjectMD5(resourceType: "image", id: imageID) == md5Base64(file))
        }
    }
}

struct PresignedPostLimitTests {
    @Test(arguments: [
        ("a part header of 40 KB", formData(fields: [("key\"; pad=\"" + String(repeating: "a", count: 40_000), "v")], file: [1])),
        ("65 form fields", formData(fields: (0..<65).map { ("field\($0)", "v") }, file: [1])),
        ("a 70 KB form field", formData(fields: [("key", String(repeating: "k", count: 70_000))], file: [1])),
    ])
    func presignedPostRefusesOversizedHeadersAndFields(what: String, form: (contentType: String, body: [UInt8])) async throws {
        try await withRouter { api in
            let dc = try await api.makeCollection(type: "image")
            let jobs = try await api.ok(.post, dc + "/upload_jobs/", ["files": [["name": "a.jpg", "md5": .string(md5Base64([1]))]]])
            let url = try #require(jobs.arrayValue?.first?["url"]?.stringValue)
            let reply = Reply(
                try await api.client.execute(uri: url, method: .post, headers: [.contentType: form.contentType], body: ByteBuffer(bytes: form.body)))
            #expect(reply.status == 400, "\(what)")
            #expect(reply.text.contains("EntityTooLarge"), "\(what): \(reply.text)")
        }
    }
}

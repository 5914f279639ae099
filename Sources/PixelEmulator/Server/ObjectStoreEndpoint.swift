import Crypto
import Hummingbird
import NIOCore

/// The fake S3 on the emulator's listener: presigned POST (`/_store/post/{token}`, form fields first,
/// then `file`) and presigned part PUT (`/_store/part/{token}`, `Content-MD5` checked). Bytes stream
/// to a temporary file while being hashed, then are renamed into place; nothing holds a whole upload.
struct ObjectStoreEndpoint {
    let server: EmulatorServer

    static let postPath: RouterPath = "_store/post/{token}"
    static let partPath: RouterPath = "_store/part/{token}"

    func register(on router: Router<EmulatorRequestContext>) {
        router.post(Self.postPath) { request, context in
            server.stats.recordRoute("POST /_store/post")
            return await presignedPost(request, token: context.parameters.get("token") ?? "")
        }
        router.put(Self.partPath) { request, context in
            server.stats.recordRoute("PUT /_store/part")
            return await partPut(request, token: context.parameters.get("token") ?? "")
        }
        for (path, method) in [(Self.postPath, HTTPRequest.Method.post), (Self.partPath, .put)] {
            router.answerOtherMethods(on: path, serving: [method]) {
                .s3Error(.methodNotAllowed, code: "MethodNotAllowed", message: "The specified method is not allowed against this resource.")
            }
        }
    }

    private enum SlotLookup {
        case found(ObjectSlot)
        case rejected(Response)
    }

    private func lookupSlot(_ token: String) async -> SlotLookup {
        guard let slot = await server.state.withStore({ $0.slots[token] }) else {
            return .rejected(.s3Error(.notFound, code: "NoSuchUpload", message: "The presigned URL is unknown."))
        }
        guard ContinuousClock.now < slot.expiresAt else {
            return .rejected(.s3Error(.forbidden, code: "AccessDenied", message: "Request has expired"))
        }
        return .found(slot)
    }

    private func presignedPost(_ request: Request, token: String) async -> Response {
        let slot: ObjectSlot
        switch await lookupSlot(token) {
        case .found(let found): slot = found
        case .rejected(let response): return response
        }
        if case .uploadPart = slot.purpose {
            return .s3Error(.badRequest, code: "InvalidRequest", message: "This URL takes a part PUT, not a POST.")
        }
        guard let boundary = MultipartFormReader.boundary(fromContentType: request.headers[.contentType]) else {
            return .s3Error(.badRequest, code: "InvalidArgument", message: "Content-Type must be multipart/form-data with a boundary")
        }
        var reader = MultipartFormReader(body: request.body, boundary: boundary)
        let temporary = slot.path + ".incoming-" + RandomToken.make(bytes: 8)
        do {
            try await reader.readPreamble()
            var fields: [String: String] = [:]
            var received: ReceivedObject?
            while let part = try await reader.nextPart() {
                if part.name == "file" {
                    if let failure = policyFailure(fields, slot: slot) {
                        try await reader.drain()
                        return failure
                    }
                    received = try await stream(into: temporary, limit: nil) { sink in try await reader.streamPart(sink) }
                    break  // S3 ignores everything after the file.
                }
                guard fields.count < MultipartFormReader.maxFields else {
                    throw MultipartFormReader.Failure.tooLarge("more than \(MultipartFormReader.maxFields) form fields")
                }
                fields[part.name] = try await reader.readFieldValue()
            }
            try await reader.drain()
            guard let received else {
                return .s3Error(.badRequest, code: "InvalidArgument", message: "POST requires exactly one file upload per request.")
            }
            try await server.files.rename(temporary, to: slot.path)
            await server.state.withStore { $0.recordReceived(token: token, md5: received.md5, size: received.size) }
            return Response(status: .noContent)
        } catch let failure as MultipartFormReader.Failure {
            await server.files.remove(temporary)
            switch failure {
            case .malformed(let message): return .s3Error(.badRequest, code: "MalformedPOSTRequest", message: message)
            case .tooLarge(let message): return .s3Error(.badRequest, code: "EntityTooLarge", message: message)
            }
        } catch {
            await server.files.remove(temporary)
            return .s3Error(.badRequest, code: "IncompleteBody", message: "The upload did not complete: \(error)")
        }
    }

    /// S3 rejects a POST whose policy fields are missing or altered; so do we.
    private func policyFailure(_ fields: [String: String], slot: ObjectSlot) -> Response? {
        guard let key = fields["key"] else {
            return .s3Error(
                .badRequest, code: "InvalidArgument",
                message: "Bucket POST must contain a field named 'key'. If it is specified, please check the order of the fields.")
        }
        guard key == slot.key, fields["x-amz-signature"] == slot.signature else {
            return .s3Error(.forbidden, code: "AccessDenied", message: "Invalid according to Policy: Policy Condition failed")
        }
        return nil
    }

    private func partPut(_ request: Request, token: String) async -> Response {
        let slot: ObjectSlot
        switch await lookupSlot(token) {
        case .found(let found): slot = found
        case .rejected(let response): return response
        }
        guard case .uploadPart = slot.purpose, let expectedMD5 = slot.expectedMD5, let expectedLength = slot.expectedLength else {
            return .s3Error(.badRequest, code: "InvalidRequest", message: "This URL takes a form POST, not a part PUT.")
        }
        guard let name = Header.contentMD5, let declared = request.headers[name] else {
            return .s3Error(.badRequest, code: "InvalidDigest", message: "Missing Content-MD5 header")
        }
        guard declared == expectedMD5 else {
            return .s3Error(.badRequest, code: "InvalidDigest", message: "The Content-MD5 you specified does not match the presigned part.")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length != expectedLength {
            return .s3Error(
                .badRequest, code: "IncompleteBody", message: "Content-Length \(length) differs from the declared content_length \(expectedLength)")
        }
        let temporary = slot.path + ".incoming-" + RandomToken.make(bytes: 8)
        do {
            let body = request.body
            let received = try await stream(into: temporary, limit: expectedLength) { sink in
                for try await chunk in body { try await sink(chunk) }
            }
            guard received.size == expectedLength else {
                await server.files.remove(temporary)
                return .s3Error(.badRequest, code: "IncompleteBody", message: "Received \(received.size) bytes, declared \(expectedLength)")
            }
            guard received.md5 == expectedMD5 else {
                await server.files.remove(temporary)
                return .s3Error(.badRequest, code: "BadDigest", message: "The Content-MD5 you specified did not match what we received.")
            }
            try await server.files.rename(temporary, to: slot.path)
            await server.state.withStore { $0.recordReceived(token: token, md5: received.md5, size: received.size) }
            var headers: HTTPFields = [.contentType: "application/xml"]
            if let eTag = Header.eTag { headers[eTag] = "\"\(MD5Digest.hex(fromBase64: received.md5) ?? "")\"" }
            return Response(status: .ok, headers: headers)
        } catch {
            await server.files.remove(temporary)
            return .s3Error(.badRequest, code: "IncompleteBody", message: "The upload did not complete or exceeded its declared size.")
        }
    }

    struct TooLarge: Error {}

    /// Writes what `produce` emits to `path`, hashing as it goes; throws past `limit` bytes.
    private func stream(
        into path: String, limit: Int?, _ produce: ((ByteBuffer) async throws -> Void) async throws -> Void
    ) async throws -> ReceivedObject {
        let files = server.files
        let handle = try await files.openForWriting(path)
        var hasher = Insecure.MD5()
        var size = 0
        do {
            try await produce { chunk in
                size += chunk.readableBytes
                if let limit, size > limit { throw TooLarge() }
                chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                try await files.write(chunk, to: handle)
            }
        } catch {
            await files.close(handle)
            throw error
        }
        await files.close(handle)
        return ReceivedObject(md5: MD5Digest.base64(hasher.finalize()), size: size)
    }
}

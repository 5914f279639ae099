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
        guard let boundary = PresignedPostForm.boundary(fromContentType: request.headers[.contentType]) else {
            return .s3Error(.badRequest, code: "InvalidArgument", message: "Content-Type must be multipart/form-data with a boundary")
        }
        var form = PresignedPostForm(boundary: boundary)
        let temporary = slot.path + ".incoming-" + RandomToken.make(bytes: 8)
        var writer: ObjectWriter?
        do {
            var refusal: Response?
            let outcome = try await form.read(request.body) { fields in
                refusal = policyFailure(fields, slot: slot)
                return refusal == nil
            } sink: { chunk in
                if writer == nil { writer = try await ObjectWriter(path: temporary, files: server.files) }
                try await writer?.write(chunk)
            }
            switch outcome {
            case .refused:
                return refusal ?? .s3Error(.forbidden, code: "AccessDenied", message: "Invalid according to Policy")
            case .noFile:
                return .s3Error(.badRequest, code: "InvalidArgument", message: "POST requires exactly one file upload per request.")
            case .received:
                break
            }
            // An empty file part never reached the sink; it is still an object.
            let complete: ObjectWriter
            if let writer { complete = writer } else { complete = try await ObjectWriter(path: temporary, files: server.files) }
            writer = nil
            let received = await complete.finish()
            try await server.files.rename(temporary, to: slot.path)
            await server.state.withStore { $0.recordReceived(token: token, md5: received.md5, size: received.size) }
            return Response(status: .noContent)
        } catch let failure as PresignedPostForm.Failure {
            await writer?.abandon()
            await server.files.remove(temporary)
            switch failure {
            case .malformed(let message): return .s3Error(.badRequest, code: "MalformedPOSTRequest", message: message)
            case .tooLarge(let message): return .s3Error(.badRequest, code: "EntityTooLarge", message: message)
            }
        } catch {
            await writer?.abandon()
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
            var writer = try await ObjectWriter(path: temporary, files: server.files, limit: expectedLength)
            do {
                for try await chunk in request.body { try await writer.write(chunk) }
            } catch {
                await writer.abandon()
                throw error
            }
            let received = await writer.finish()
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
}

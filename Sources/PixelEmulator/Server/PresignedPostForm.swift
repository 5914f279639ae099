import Hummingbird
import MultipartKit
import NIOCore

/// Reads an S3-style presigned POST (`multipart/form-data`: policy fields first, then `file`) with
/// MultipartKit's streaming parser, so memory stays bounded by one body chunk whatever the upload
/// size: text fields are collected (each at most ``maxFieldBytes``, at most ``maxFields`` of them),
/// the `file` part goes to a sink chunk by chunk, and whatever follows the file is read and
/// ignored, as S3 does.
///
/// The parser looks at every byte through generic code: some 330 MB/s in a release build, but
/// about 1 MB/s in a debug build, where a single-part upload of tens of megabytes takes tens of
/// seconds. Multipart part PUTs do not go through it.
struct PresignedPostForm {
    /// Why a body could not be read as a presigned POST.
    enum Failure: Error, Sendable {
        case malformed(String)
        case tooLarge(String)
    }

    /// How reading ended.
    enum Outcome: Sendable {
        /// The form ended without a `file` part.
        case noFile
        /// `accept` turned the fields down when the `file` part began; the body was drained.
        case refused
        /// The `file` part went to the sink completely.
        case received
    }

    static let maxFieldBytes = 64 * 1024
    static let maxFields = 64
    /// Input the parser may swallow without producing anything (part headers, preamble).
    static let maxHeaderBytes = 16 * 1024

    /// The boundary of a `multipart/form-data; boundary=…` content type, or `nil` for anything else.
    static func boundary(fromContentType contentType: String?) -> String? {
        guard let contentType, let mediaType = MediaType(from: contentType), mediaType.isType(.multipartForm),
            let parameter = mediaType.parameter, parameter.name.lowercased() == "boundary",
            !parameter.value.isEmpty, parameter.value.utf8.count <= 200
        else { return nil }
        return parameter.value
    }

    private enum Event {
        case header(name: String, value: String)
        case body(ByteBuffer)
        case partEnd
    }

    private enum Part {
        case field(name: String, value: ByteBuffer)
        case file
    }

    let boundary: String

    /// Reads `body`. The form fields seen before `file` are in ``fields`` afterwards.
    /// - Parameters:
    ///   - accept: asked once, when the `file` part begins, with the fields so far.
    ///   - sink: receives the file's bytes in order, at most one body chunk at a time.
    mutating func read(
        _ body: RequestBody, accept: ([String: String]) -> Bool, sink: (ByteBuffer) async throws -> Void
    ) async throws -> Outcome {
        let parser = MultipartParser(boundary: boundary)
        var events: [Event] = []
        parser.onHeader = { events.append(.header(name: $0, value: $1)) }
        parser.onBody = { events.append(.body($0)) }
        parser.onPartComplete = { events.append(.partEnd) }

        var headers = HTTPHeaders()
        var part: Part?
        var silentBytes = 0
        var tail = ByteBuffer()
        var iterator = body.makeAsyncIterator()
        while let chunk = try await iterator.next() {
            do {
                try parser.execute(chunk)
            } catch {
                throw Failure.malformed("the body is not valid multipart/form-data")
            }
            silentBytes = events.isEmpty ? silentBytes + chunk.readableBytes : 0
            guard silentBytes <= Self.maxHeaderBytes else { throw Failure.tooLarge("part headers exceed \(Self.maxHeaderBytes) bytes") }
            Self.keepTail(of: chunk, in: &tail, length: boundary.utf8.count + 8)
            // The parser cuts bodies at every CR; the file's pieces of one chunk go out as one write.
            var fileBytes = ByteBuffer()
            for event in events {
                if case .header(let name, let value) = event {
                    headers.add(name: name, value: value)
                    continue
                }
                if part == nil {
                    guard let started = try begin(headers, accept: accept) else {
                        try await Self.drain(&iterator)
                        return .refused
                    }
                    part = started
                }
                switch (event, part) {
                case (.body(var bytes), .field(let name, var value)?):
                    guard value.readableBytes + bytes.readableBytes <= Self.maxFieldBytes else {
                        throw Failure.tooLarge("a form field exceeds \(Self.maxFieldBytes) bytes")
                    }
                    value.writeBuffer(&bytes)
                    part = .field(name: name, value: value)
                case (.body(var bytes), .file?):
                    fileBytes.writeBuffer(&bytes)
                case (.partEnd, .field(let name, let value)?):
                    fields[name] = String(buffer: value)
                    headers = HTTPHeaders()
                    part = nil
                case (.partEnd, .file?):
                    if fileBytes.readableBytes > 0 { try await sink(fileBytes) }
                    try await Self.drain(&iterator)
                    return .received
                case (.header, _), (_, nil):
                    break
                }
            }
            events.removeAll(keepingCapacity: true)
            if fileBytes.readableBytes > 0 { try await sink(fileBytes) }
        }
        guard part == nil, headers.isEmpty, tail.readableBytesView.firstRange(of: Array("--\(boundary)--".utf8)) != nil else {
            throw Failure.malformed("body ended before the closing boundary")
        }
        return .noFile
    }

    /// The fields read so far, by name (a repeated name keeps its last value).
    private(set) var fields: [String: String] = [:]

    /// Starts the part whose headers are complete; `nil` when `accept` refused the file.
    private func begin(_ headers: HTTPHeaders, accept: ([String: String]) -> Bool) throws -> Part? {
        guard let name = MultipartPart(headers: headers, body: ByteBuffer()).name else {
            throw Failure.malformed("a part has no Content-Disposition name")
        }
        guard name == "file" else {
            guard fields.count < Self.maxFields else { throw Failure.tooLarge("more than \(Self.maxFields) form fields") }
            return .field(name: name, value: ByteBuffer())
        }
        return accept(fields) ? .file : nil
    }

    private static func drain(_ iterator: inout RequestBody.AsyncIterator) async throws {
        while try await iterator.next() != nil {}
    }

    /// Keeps the last `length` input bytes, to tell a closed form from a truncated one.
    private static func keepTail(of chunk: ByteBuffer, in tail: inout ByteBuffer, length: Int) {
        let take = min(length, chunk.readableBytes)
        guard var last = chunk.getSlice(at: chunk.writerIndex - take, length: take) else { return }
        tail.writeBuffer(&last)
        if tail.readableBytes > length {
            tail.moveReaderIndex(forwardBy: tail.readableBytes - length)
            tail.discardReadBytes()
        }
    }
}

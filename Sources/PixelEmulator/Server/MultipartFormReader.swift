import Foundation
import Hummingbird
import NIOCore

/// A streaming `multipart/form-data` reader for presigned POSTs: small text fields are collected
/// (bounded), the `file` part is handed out chunk by chunk, so memory stays bounded whatever the
/// upload size. Only one chunk plus a delimiter-sized tail is ever buffered.
struct MultipartFormReader {
    enum Failure: Error, Sendable {
        case malformed(String)
        case tooLarge(String)
    }

    struct PartHeaders: Sendable {
        var name: String
        var filename: String?
    }

    static let maxHeaderBytes = 16 * 1024
    static let maxFieldBytes = 64 * 1024
    static let maxFields = 64

    private var iterator: RequestBody.AsyncIterator
    private var buffer = ByteBuffer()
    private var finished = false
    private let delimiter: [UInt8]

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(fromContentType contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.utf8.count > 200 ? nil : value
        }
        return nil
    }

    init(body: RequestBody, boundary: String) {
        self.iterator = body.makeAsyncIterator()
        self.delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Reads up to and including the first boundary line.
    mutating func readPreamble() async throws {
        // The body starts with "--boundary"; prefixing CRLF lets one delimiter search cover it.
        var prefixed = ByteBuffer(bytes: [13, 10])
        prefixed.writeBuffer(&buffer)
        buffer = prefixed
        try await skip(toDelimiterWithin: Self.maxHeaderBytes)
    }

    /// Headers of the next part, or `nil` after the closing boundary.
    mutating func nextPart() async throws -> PartHeaders? {
        try await require(2)
        let marker = buffer.readBytes(length: 2) ?? []
        if marker == [45, 45] { return nil }  // "--": closing boundary
        guard marker == [13, 10] else { throw Failure.malformed("expected CRLF after boundary") }
        let headerEnd: [UInt8] = [13, 10, 13, 10]
        while true {
            // Headers may be empty: "\r\n" straight away means no headers; we still need a name.
            if let index = find(headerEnd) {
                let headerText = buffer.readString(length: index) ?? ""
                buffer.moveReaderIndex(forwardBy: 4)
                return try Self.parseHeaders(headerText)
            }
            guard buffer.readableBytes <= Self.maxHeaderBytes else { throw Failure.tooLarge("part headers exceed \(Self.maxHeaderBytes) bytes") }
            guard try await fill() else { throw Failure.malformed("body ended inside part headers") }
        }
    }

    /// The body of the current part as text (bounded), consuming the following delimiter.
    mutating func readFieldValue() async throws -> String {
        var collected = ByteBuffer()
        try await streamPart { chunk in
            var chunk = chunk
            guard collected.readableBytes + chunk.readableBytes <= Self.maxFieldBytes else {
                throw Failure.tooLarge("a form field exceeds \(Self.maxFieldBytes) bytes")
            }
            collected.writeBuffer(&chunk)
        }
        return String(buffer: collected)
    }

    /// Streams the body of the current part to `sink`, consuming the following delimiter.
    mutating func streamPart(_ sink: (ByteBuffer) async throws -> Void) async throws {
        while true {
            if let index = find(delimiter) {
                if index > 0, let slice = buffer.readSlice(length: index) { try await sink(slice) }
                buffer.moveReaderIndex(forwardBy: delimiter.count)
                return
            }
            let safe = buffer.readableBytes - (delimiter.count - 1)
            if safe > 0, let slice = buffer.readSlice(length: safe) { try await sink(slice) }
            guard try await fill() else { throw Failure.malformed("body ended before the closing boundary") }
        }
    }

    /// Reads and drops the rest of the body.
    mutating func drain() async throws {
        buffer = ByteBuffer()
        while !finished {
            guard try await iterator.next() != nil else { finished = true; break }
        }
    }

    // MARK: Internals

    private mutating func skip(toDelimiterWithin limit: Int) async throws {
        while true {
            if let index = find(delimiter) {
                buffer.moveReaderIndex(forwardBy: index + delimiter.count)
                return
            }
            guard buffer.readableBytes <= limit else { throw Failure.malformed("no multipart boundary found") }
            guard try await fill() else { throw Failure.malformed("no multipart boundary found") }
        }
    }

    private mutating func require(_ count: Int) async throws {
        while buffer.readableBytes < count {
            guard try await fill() else { throw Failure.malformed("body ended early") }
        }
    }

    /// Appends the next body chunk; `false` at end of body.
    private mutating func fill() async throws -> Bool {
        guard !finished, var chunk = try await iterator.next() else {
            finished = true
            return false
        }
        if buffer.readableBytes == 0 {
            buffer = chunk
        } else {
            var merged = ByteBuffer()
            merged.reserveCapacity(buffer.readableBytes + chunk.readableBytes)
            merged.writeBuffer(&buffer)
            merged.writeBuffer(&chunk)
            buffer = merged
        }
        return true
    }

    /// Offset of `needle` in the readable bytes.
    private func find(_ needle: [UInt8]) -> Int? {
        buffer.withUnsafeReadableBytes { haystack -> Int? in
            guard haystack.count >= needle.count, let base = haystack.baseAddress, let first = needle.first else { return nil }
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                let same = needle.withUnsafeBytes { pattern -> Bool in
                    guard let patternBase = pattern.baseAddress else { return false }
                    return memcmp(base + offset, patternBase, needle.count) == 0
                }
                if same { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    static func parseHeaders(_ text: String) throws -> PartHeaders {
        var name: String?
        var filename: String?
        for line in text.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-disposition" else { continue }
            for parameter in pair[1].split(separator: ";") {
                let item = parameter.split(separator: "=", maxSplits: 1)
                guard item.count == 2 else { continue }
                let key = item[0].trimmingCharacters(in: .whitespaces).lowercased()
                var value = item[1].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                if key == "name" { name = value }
                if key == "filename" { filename = value }
            }
        }
        guard let name else { throw Failure.malformed("a part has no Content-Disposition name") }
        return PartHeaders(name: name, filename: filename)
    }
}

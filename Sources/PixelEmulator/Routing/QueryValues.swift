import Foundation
import Hummingbird
import HummingbirdCore

/// The query string of an API call, decoded by Hummingbird, with typed reads that fail the way
/// FastAPI does (422 naming `["query", key]`).
///
/// List values are accepted both comma-joined (`ids=1%2C2`) and repeated (`ids=1&ids=2`); the
/// Python client sends the first from its list models and the second from raw keyword arguments.
struct QueryValues: Sendable {
    private let parameters: Parameters

    init(_ uri: URI) {
        // Form encoding (httpx, browsers) writes a space as `+`; Hummingbird decodes queries the
        // RFC 3986 way and keeps `+`, so spell it as `%20` first. A real `+` arrives as `%2B`.
        let query = uri.query.map { $0.replacingOccurrences(of: "+", with: "%20") } ?? ""
        parameters = URI("/?" + query).queryParameters
    }

    /// The last value of `key`.
    subscript(key: String) -> String? {
        parameters.getAll(key).last
    }

    /// All values of `key`, each split on commas, empty pieces dropped; `nil` when absent.
    func list(_ key: String) -> [String]? {
        let values = parameters.getAll(key)
        guard !values.isEmpty else { return nil }
        return values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
    }

    func int(_ key: String) throws(APIError) -> Int? {
        guard let raw = self[key] else { return nil }
        guard let value = Int(raw) else {
            throw .validation(["query", key], "Input should be a valid integer, unable to parse string as an integer", type: "int_parsing")
        }
        return value
    }

    func requiredInt(_ key: String) throws(APIError) -> Int {
        guard let value = try int(key) else { throw .missing(["query", key]) }
        return value
    }

    func required(_ key: String) throws(APIError) -> String {
        guard let value = self[key] else { throw .missing(["query", key]) }
        return value
    }

    /// Pydantic's lenient booleans: `true/false`, `1/0`, `yes/no`, `on/off`, any case.
    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let raw = self[key] else { return nil }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw .validation(["query", key], "Input should be a valid boolean", type: "bool_parsing")
        }
    }

    func intList(_ key: String) throws(APIError) -> [Int]? {
        guard let values = list(key) else { return nil }
        var result: [Int] = []
        for value in values {
            guard let id = Int(value) else {
                throw .validation(["query", key], "Input should be a valid integer, unable to parse string as an integer", type: "int_parsing")
            }
            result.append(id)
        }
        return result
    }

    /// `key` when it is one of `allowed` (FastAPI's enum check).
    func oneOf(_ key: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let value = self[key] else { return nil }
        guard allowed.contains(value) else { throw .validation(["query", key], "Input should be \(allowed.quotedList)", type: "enum") }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

extension [String] {
    /// `'a', 'b' or 'c'`, as pydantic words enum errors.
    var quotedList: String {
        let quoted = map { "'\($0)'" }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
    }
}

/// Decoded `application/x-www-form-urlencoded` pairs (query strings and token-endpoint bodies).
///
/// List values are accepted both comma-joined (`ids=1%2C2`) and repeated (`ids=1&ids=2`).
struct QueryParameters: Sendable {
    private(set) var pairs: [(String, String)] = []

    init(_ raw: String?) {
        guard let raw, !raw.isEmpty else { return }
        for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            pairs.append((key, value))
        }
    }

    /// The last value of `key`.
    subscript(key: String) -> String? {
        pairs.last(where: { $0.0 == key })?.1
    }

    /// All values of `key`, each split on commas, empty pieces dropped.
    func list(_ key: String) -> [String]? {
        let values = pairs.filter { $0.0 == key }.map(\.1)
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

    /// Percent-decoding with `+` as space; invalid escapes are kept literally.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
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

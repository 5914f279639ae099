/// Query parameters encoded the way pixel-client does: booleans as `true`/`false`, lists
/// comma-joined into one value, `nil` left out, spaces as `+`, UTF-8 percent-encoding.
///
/// ```swift
/// var query = QueryItems()
/// query["extended"] = true
/// query["ids"] = [1, 2, 3]          // ids=1%2C2%2C3
/// query["name"] = nil as String?    // left out
/// ```
package struct QueryItems: Sendable, Equatable {
    package private(set) var items: [(name: String, value: String)] = []

    package init() {}

    package static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }

    package mutating func set(_ name: String, _ value: String?) {
        items.removeAll { $0.name == name }
        if let value { items.append((name, value)) }
    }

    package subscript(name: String) -> String? {
        get { items.first { $0.name == name }?.value }
        set { set(name, newValue) }
    }

    package subscript(name: String) -> Bool? {
        get { nil }
        set { set(name, newValue.map { $0 ? "true" : "false" }) }
    }

    package subscript(name: String) -> Int? {
        get { nil }
        set { set(name, newValue.map(String.init)) }
    }

    /// Lists are one comma-joined value; an empty list is left out (never `ids=`).
    package subscript<Element: CustomStringConvertible>(name: String) -> [Element]? {
        get { nil }
        set {
            guard let newValue, !newValue.isEmpty else { return set(name, nil) }
            set(name, newValue.map(\.description).joined(separator: ","))
        }
    }

    /// `name=a+b&ids=1%2C2` (form encoding of each name and value).
    package var encoded: String {
        items.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    /// Form encoding of one name or value: unreserved ASCII (`A–Z a–z 0–9 - . _ ~`) as is, a space
    /// as `+`, every other UTF-8 byte as `%XX` (upper-case hex). Text with nothing to encode comes
    /// back as is.
    package static func escape(_ text: String) -> String {
        if text.utf8.allSatisfy({ isUnreserved($0) }) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}

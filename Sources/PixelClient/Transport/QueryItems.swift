import Foundation

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

    private static let unreserved: CharacterSet = {
        CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~ ")
    }()

    static func escape(_ text: String) -> String {
        (text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text).replacingOccurrences(of: " ", with: "+")
    }
}

public import Foundation

/// A search filter in the API's filter grammar: comparisons `{"op": [{"var": field}, value]}` combined with
/// `{"and": […]}` / `{"or": […]}`, nested without limit.
///
/// Build filters with ``field(_:)`` and Swift operators; `&&` and `||` flatten chains:
/// ```swift
/// let filter: SearchFilter = .field("name").like("%bridge%") && .field("created_at") >= "2023-01-01T00:00:00Z"
/// // {"and":[{"~":[{"var":"name"},"%bridge%"]},{">=":[{"var":"created_at"},"2023-01-01T00:00:00Z"]}]}
/// let either: SearchFilter = .field("id").isIn([1, 2, 3]) || .field("tags").contains("roads")
/// ```
public indirect enum SearchFilter: Hashable, Sendable, Encodable {
    case comparison(SearchOperator, field: String, value: SearchValue)
    case and([SearchFilter])
    case or([SearchFilter])

    /// Starts a comparison on `name`.
    public static func field(_ name: String) -> SearchField { SearchField(name) }

    /// The filter as JSON.
    public var json: JSONValue {
        switch self {
        case .comparison(let op, let field, let value): [op.rawValue: [["var": .string(field)], value.json]]
        case .and(let filters): ["and": .array(filters.map(\.json))]
        case .or(let filters): ["or": .array(filters.map(\.json))]
        }
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }

    public static func && (lhs: SearchFilter, rhs: SearchFilter) -> SearchFilter {
        switch (lhs, rhs) {
        case (.and(let left), .and(let right)): .and(left + right)
        case (.and(let left), _): .and(left + [rhs])
        case (_, .and(let right)): .and([lhs] + right)
        default: .and([lhs, rhs])
        }
    }

    public static func || (lhs: SearchFilter, rhs: SearchFilter) -> SearchFilter {
        switch (lhs, rhs) {
        case (.or(let left), .or(let right)): .or(left + right)
        case (.or(let left), _): .or(left + [rhs])
        case (_, .or(let right)): .or([lhs] + right)
        default: .or([lhs, rhs])
        }
    }
}

/// The twelve comparison operators.
public enum SearchOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// SQL LIKE with `%` as the wildcard.
    case like = "~"
    case notLike = "!~"
    case contains = "contains"
    case notContains = "!contains"
    case `in` = "in"
    case notIn = "!in"
}

/// A comparison value: string, number, date (sent as ISO-8601), null, or a non-empty array.
public enum SearchValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral
{
    case string(String)
    case int(Int)
    case double(Double)
    case date(Date)
    case null
    case array([SearchValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: SearchValue...) { self = .array(elements) }

    var json: JSONValue {
        switch self {
        case .string(let value): .string(value)
        case .int(let value): .number(Double(value))
        case .double(let value): .number(value)
        case .date(let value): .string(ISO8601DateFormatter().string(from: value))
        case .null: .null
        case .array(let values): .array(values.map(\.json))
        }
    }
}

/// The left side of a comparison: a field name. Compare it with operators or the named methods.
public struct SearchField: Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }

    /// Lets `.field("x") >= 3` resolve inside operator expressions.
    public static func field(_ name: String) -> SearchField { SearchField(name) }

    private func compare(_ op: SearchOperator, _ value: SearchValue) -> SearchFilter {
        .comparison(op, field: name, value: value)
    }

    public func equals(_ value: SearchValue) -> SearchFilter { compare(.equal, value) }
    public func notEquals(_ value: SearchValue) -> SearchFilter { compare(.notEqual, value) }
    /// SQL LIKE (`~`), `%` is the wildcard.
    public func like(_ pattern: String) -> SearchFilter { compare(.like, .string(pattern)) }
    public func notLike(_ pattern: String) -> SearchFilter { compare(.notLike, .string(pattern)) }
    public func contains(_ value: SearchValue) -> SearchFilter { compare(.contains, value) }
    public func notContains(_ value: SearchValue) -> SearchFilter { compare(.notContains, value) }
    /// `in`: the value list must not be empty (the API rejects `[]`).
    public func isIn(_ values: [SearchValue]) -> SearchFilter { compare(.in, .array(values)) }
    public func notIn(_ values: [SearchValue]) -> SearchFilter { compare(.notIn, .array(values)) }

    public static func == (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.equal, rhs) }
    public static func != (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.notEqual, rhs) }
    public static func < (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.less, rhs) }
    public static func <= (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.lessOrEqual, rhs) }
    public static func > (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.greater, rhs) }
    public static func >= (lhs: SearchField, rhs: SearchValue) -> SearchFilter { lhs.compare(.greaterOrEqual, rhs) }
}

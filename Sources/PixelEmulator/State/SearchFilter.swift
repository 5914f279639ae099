/// The search filter grammar: JSON-Logic-like comparisons (`{"op": [{"var": field}, value]}`) with the
/// 12 operators, combined by `and`/`or` to any depth.
///
/// Semantics chosen by the emulator:
/// - `==`/`!=` compare JSON values, numbers numerically (`1 == 1.0`), `null` equals only `null`/missing.
/// - `<`, `<=`, `>`, `>=` compare numbers numerically and strings lexically (ISO-8601 dates work);
///   mixed or missing values never match.
/// - `~`/`!~` are SQL `LIKE` (case-sensitive, `%` any run, `_` one character).
/// - `contains`/`!contains`: array field holds the value, or string field contains the substring.
/// - `in`/`!in`: the field equals one of the array's values.
/// - `var` may be a dotted path into nested objects (`fields.name`).
indirect enum SearchFilter: Sendable {
    case all([SearchFilter])
    case any([SearchFilter])
    case compare(String, field: String, value: JSONValue)

    static let operators: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "~", "!~", "contains", "!contains", "in", "!in"]

    static func parse(_ value: JSONValue, location: [String]) throws(APIError) -> SearchFilter {
        guard let object = value.objectValue, object.count == 1, let entry = object.first else {
            throw .validation(location, "A filter is an object with exactly one operator key")
        }
        let (key, operand) = (entry.key, entry.value)
        switch key {
        case "and", "or":
            guard let items = operand.arrayValue, !items.isEmpty else {
                throw .validation(location + [key], "'\(key)' takes a non-empty array of filters")
            }
            var parsed: [SearchFilter] = []
            for (index, item) in items.enumerated() {
                parsed.append(try parse(item, location: location + [key, String(index)]))
            }
            return key == "and" ? .all(parsed) : .any(parsed)
        case let op where operators.contains(op):
            guard let pair = operand.arrayValue, pair.count == 2, let field = pair[0]["var"]?.stringValue, !field.isEmpty else {
                throw .validation(location + [op], "'\(op)' takes [{\"var\": \"<field>\"}, value]")
            }
            let value = pair[1]
            if op == "in" || op == "!in" {
                guard let items = value.arrayValue, !items.isEmpty else {
                    throw .validation(location + [op], "'\(op)' needs a non-empty array value")
                }
            }
            if op == "~" || op == "!~", value.stringValue == nil {
                throw .validation(location + [op], "'\(op)' needs a string pattern")
            }
            if case .array(let items) = value, items.isEmpty {
                throw .validation(location + [op], "array values must not be empty")
            }
            return .compare(op, field: field, value: value)
        default:
            throw .validation(location, "Unknown filter operator '\(key)'")
        }
    }

    func matches(_ object: JSONObject) -> Bool {
        switch self {
        case .all(let filters): return filters.allSatisfy { $0.matches(object) }
        case .any(let filters): return filters.contains { $0.matches(object) }
        case .compare(let op, let field, let value):
            let actual = Self.lookup(field, in: object)
            switch op {
            case "==": return Self.equal(actual, value)
            case "!=": return !Self.equal(actual, value)
            case "<": return Self.order(actual, value).map { $0 < 0 } ?? false
            case "<=": return Self.order(actual, value).map { $0 <= 0 } ?? false
            case ">": return Self.order(actual, value).map { $0 > 0 } ?? false
            case ">=": return Self.order(actual, value).map { $0 >= 0 } ?? false
            case "~": return Self.like(actual, value)
            case "!~": return !Self.like(actual, value)
            case "contains": return Self.contains(actual, value)
            case "!contains": return !Self.contains(actual, value)
            case "in": return (value.arrayValue ?? []).contains { Self.equal(actual, $0) }
            case "!in": return !(value.arrayValue ?? []).contains { Self.equal(actual, $0) }
            default: return false
            }
        }
    }

    static func lookup(_ path: String, in object: JSONObject) -> JSONValue {
        var current: JSONValue = .object(object)
        for key in path.split(separator: ".") {
            guard let next = current[String(key)] else { return .null }
            current = next
        }
        return current
    }

    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }

    static func order(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left < right ? -1 : left > right ? 1 : 0 }
        if let left = lhs.stringValue, let right = rhs.stringValue { return left < right ? -1 : left > right ? 1 : 0 }
        return nil
    }

    static func contains(_ haystack: JSONValue, _ needle: JSONValue) -> Bool {
        switch haystack {
        case .array(let items): return items.contains { equal($0, needle) }
        case .string(let text): return needle.stringValue.map(text.contains) ?? false
        default: return false
        }
    }

    static func like(_ value: JSONValue, _ pattern: JSONValue) -> Bool {
        guard let text = value.stringValue, let pattern = pattern.stringValue else { return false }
        return likeMatch(Array(text.unicodeScalars)[...], Array(pattern.unicodeScalars)[...])
    }

    /// Iterative SQL LIKE with backtracking on the last `%`.
    static func likeMatch(_ text: ArraySlice<Unicode.Scalar>, _ pattern: ArraySlice<Unicode.Scalar>) -> Bool {
        var t = text.startIndex
        var p = pattern.startIndex
        var star: Int? = nil
        var mark = t
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == "_" || (pattern[p] != "%" && pattern[p] == text[t]) {
                t += 1
                p += 1
            } else if p < pattern.endIndex, pattern[p] == "%" {
                star = p
                mark = t
                p += 1
            } else if let starIndex = star {
                p = starIndex + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "%" { p += 1 }
        return p == pattern.endIndex
    }
}

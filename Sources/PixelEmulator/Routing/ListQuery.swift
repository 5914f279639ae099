/// Page-size rules for list and search requests.
struct PageLimits: Sendable {
    var defaultLimit: Int
    var maxLimit: Int?

    /// The effective limit: the requested one (or the default), capped by `maxLimit`.
    func limit(_ requested: Int?) -> Int {
        let wanted = requested ?? defaultLimit
        if let maxLimit { return min(wanted, maxLimit) }
        return wanted
    }
}

/// The list query parameters (`ListParams`) applied to stored objects: `ids`, `name`, `tags`, extra equality filters,
/// then `offset`/`limit`, in id order.
enum ListQuery {
    static func apply(
        _ items: [JSONObject],
        query: QueryValues,
        limits: PageLimits,
        equalityKeys: [String] = []
    ) throws(APIError) -> JSONValue {
        var selected = items.sorted { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }
        if let ids = try query.intList("ids") {
            let wanted = Set(ids)
            selected = selected.filter { $0["id"]?.intValue.map(wanted.contains) ?? false }
        }
        if let name = query["name"], !name.isEmpty {
            selected = selected.filter { ($0["name"]?.stringValue ?? "").lowercased().contains(name.lowercased()) }
        }
        if let tags = query.list("tags"), !tags.isEmpty {
            let wanted = Set(tags)
            selected = selected.filter { item in
                let have = (item["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
                return have.contains(where: wanted.contains)
            }
        }
        for key in equalityKeys {
            guard let wanted = query[key] else { continue }
            selected = selected.filter { item in
                switch item[key] {
                case .string(let text)?: text == wanted
                case .int(let number)?: String(number) == wanted
                default: false
                }
            }
        }
        _ = try query.bool("extended")
        let offset = try query.int("offset") ?? 0
        let requestedLimit = try query.int("limit")
        guard offset >= 0 else { throw .validation(["query", "offset"], "Input should be greater than or equal to 0", type: "greater_than_equal") }
        if let requestedLimit, requestedLimit < 0 {
            throw .validation(["query", "limit"], "Input should be greater than or equal to 0", type: "greater_than_equal")
        }
        let limit = limits.limit(requestedLimit)
        let page = selected.dropFirst(offset).prefix(limit)
        return .array(page.map(JSONValue.object))
    }
}

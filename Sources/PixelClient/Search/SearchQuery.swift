/// A search request (`POST /search/`). `distinct`, `limit` and `offset` are always sent;
/// everything else only when set.
///
/// ```swift
/// var query = SearchQuery(on: .images, filter: .field("name").like("%DJI%"))
/// query.sort = [SearchSort("created_at", .descending)]
/// let page = try await client.search(query)
/// ```
public struct SearchQuery: Encodable, Hashable, Sendable {
    public var on: SearchTarget
    /// A WKT geometry in EPSG:4326.
    public var intersects: String?
    public var filter: SearchFilter?
    /// Full-text search.
    public var search: String?
    public var outFields: [String]?
    public var sort: [SearchSort]?
    public var distinct: Bool
    public var limit: Int
    public var offset: Int

    public init(
        on: SearchTarget, intersects: String? = nil, filter: SearchFilter? = nil, search: String? = nil,
        outFields: [String]? = nil, sort: [SearchSort]? = nil, distinct: Bool = false, limit: Int = 100, offset: Int = 0
    ) {
        self.on = on
        self.intersects = intersects
        self.filter = filter
        self.search = search
        self.outFields = outFields
        self.sort = sort
        self.distinct = distinct
        self.limit = limit
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case on, intersects, filter, search, sort, distinct, limit, offset, outFields = "out_fields"
    }
}

/// One sort key of a search.
public struct SearchSort: Codable, Hashable, Sendable {
    public enum Direction: String, Codable, Hashable, Sendable {
        case ascending = "asc"
        case descending = "desc"
    }
    public var field: String
    public var direction: Direction

    public init(_ field: String, _ direction: Direction = .ascending) {
        self.field = field
        self.direction = direction
    }
}

/// One page of search results: `count` in this page, `total_count` overall.
public struct SearchResponse: Codable, Hashable, Sendable {
    public var count: Int
    /// Result objects; their fields depend on `on` and `out_fields`.
    public var results: [JSONValue]
    public var totalCount: Int?

    enum CodingKeys: String, CodingKey { case count, results, totalCount = "total_count" }
}

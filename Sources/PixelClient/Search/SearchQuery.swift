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
///
/// `Result` is the model of the searched objects (``Image`` for `.images`, ``Project`` for
/// `.projects`, …) or ``JSONValue`` when `out_fields` trims them (``SearchResponse``).
public struct SearchPage<Result: Sendable>: Sendable {
    public var count: Int
    public var results: [Result]
    public var totalCount: Int?

    public init(count: Int, results: [Result], totalCount: Int?) {
        self.count = count
        self.results = results
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey { case count, results, totalCount = "total_count" }
}

extension SearchPage: Decodable where Result: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = try c.decode([Result].self, forKey: .results)
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? results.count
        totalCount = try c.decodeIfPresent(Int.self, forKey: .totalCount)
    }
}

extension SearchPage: Encodable where Result: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(results, forKey: .results)
        try c.encodeIfPresent(totalCount, forKey: .totalCount)
    }
}

extension SearchPage: Equatable where Result: Equatable {}
extension SearchPage: Hashable where Result: Hashable {}

/// A page of search results as JSON objects, whatever their fields.
public typealias SearchResponse = SearchPage<JSONValue>

/// What a search target offers (`GET /search/info?on=`): the fields it can filter on and
/// return, the filter operators and the server's capabilities.
///
/// The API does not document this object, so every member is optional and the whole answer is
/// kept in ``json``.
public struct SearchInfo: Codable, Hashable, Sendable {
    public var on: SearchTarget?
    public var operators: [String]?
    public var filterableFields: [String]?
    public var outputFields: [String]?
    public var capabilities: [String: JSONValue]?
    /// The answer as sent.
    public var json: JSONValue

    /// The member `key` of the answer.
    public subscript(key: String) -> JSONValue? { json[key] }

    enum CodingKeys: String, CodingKey {
        case on, operators, capabilities, filterableFields = "filterable_fields", outputFields = "output_fields"
    }

    public init(from decoder: any Decoder) throws {
        json = try JSONValue(from: decoder)
        let c = try? decoder.container(keyedBy: CodingKeys.self)
        on = try? c?.decodeIfPresent(SearchTarget.self, forKey: .on)
        operators = try? c?.decodeIfPresent([String].self, forKey: .operators)
        filterableFields = try? c?.decodeIfPresent([String].self, forKey: .filterableFields)
        outputFields = try? c?.decodeIfPresent([String].self, forKey: .outputFields)
        capabilities = try? c?.decodeIfPresent([String: JSONValue].self, forKey: .capabilities)
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

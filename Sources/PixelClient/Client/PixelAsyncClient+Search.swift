// Search.
import NIOHTTP1
extension PixelAsyncClient {
    /// What can be searched, filtered and returned for `target` (`GET /search/info?on=`).
    public func searchInfo(on target: SearchTarget) async throws(PixelError) -> SearchInfo {
        var query = QueryItems()
        query["on"] = target.rawValue
        return try await get("/search/info", query: query)
    }

    /// One page of search results as JSON (`POST /search/`); ``search(_:as:)`` decodes them.
    ///
    /// ```swift
    /// let page = try await client.search(SearchQuery(on: .projects, filter: .field("name") == "Bridges"))
    /// print(page.totalCount ?? 0)
    /// ```
    public func search(_ query: SearchQuery) async throws(PixelError) -> SearchResponse {
        try await search(query, as: JSONValue.self)
    }

    /// One page of search results decoded as `type`: the model of the searched objects, or a
    /// type of your own when `outFields` trims them.
    ///
    /// ```swift
    /// let images = try await client.search(SearchQuery(on: .images, filter: .field("name").like("DJI%")), as: Image.self)
    /// for image in images.results { print(image.id) }
    /// ```
    public func search<Result: Decodable & Sendable>(_ query: SearchQuery, as type: Result.Type) async throws(PixelError) -> SearchPage<Result> {
        try await send(.POST, "/search/", body: query)
    }

    /// Every search result as JSON, `pageSize` at a time, starting at the query's own `offset`.
    /// Stops exactly at `total_count`.
    public func paginateSearch(_ query: SearchQuery, pageSize: Int = 100) -> PixelPages<JSONValue> {
        paginateSearch(query, as: JSONValue.self, pageSize: pageSize)
    }

    /// Every search result decoded as `type`, `pageSize` at a time.
    ///
    /// ```swift
    /// for try await project in client.paginateSearch(SearchQuery(on: .projects), as: Project.self) { print(project.name) }
    /// ```
    public func paginateSearch<Result: Decodable & Sendable>(_ query: SearchQuery, as type: Result.Type, pageSize: Int = 100) -> PixelPages<Result> {
        PixelPages(pageSize: pageSize, startOffset: query.offset) { offset, limit in
            var page = query
            page.offset = offset
            page.limit = limit
            let response = try await search(page, as: type)
            return FetchedPage(items: response.results, totalCount: response.totalCount)
        }
    }
}

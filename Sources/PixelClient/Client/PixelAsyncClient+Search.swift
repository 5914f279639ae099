// Search.
extension PixelAsyncClient {
    /// What can be searched and filtered for `target` (`GET /search/info?on=`); the shape is not
    /// documented, so it comes back as JSON.
    public func searchInfo(on target: SearchTarget) async throws(PixelError) -> JSONValue {
        var query = QueryItems()
        query["on"] = target.rawValue
        return try await get("/search/info", query: query)
    }

    /// One page of search results (`POST /search/`).
    ///
    /// ```swift
    /// let page = try await client.search(SearchQuery(on: .projects, filter: .field("name") == "Bridges"))
    /// print(page.totalCount ?? 0)
    /// ```
    public func search(_ query: SearchQuery) async throws(PixelError) -> SearchResponse {
        try await send(.POST, "/search/", body: query)
    }

    /// Every search result, `pageSize` at a time, starting at the query's own `offset`. Stops
    /// exactly at `total_count`.
    public func paginateSearch(_ query: SearchQuery, pageSize: Int = 100) -> PixelPages<JSONValue> {
        PixelPages(pageSize: pageSize, startOffset: query.offset) { offset, limit in
            var page = query
            page.offset = offset
            page.limit = limit
            let response = try await search(page)
            return FetchedPage(items: response.results, totalCount: response.totalCount)
        }
    }
}

/// Decides when a paginated listing ends.
///
/// Stopping at the first page shorter than `page_size` would end too early when the server caps
/// `limit` lower. This planner:
/// - uses `total_count` when the server sends it (search): stops exactly;
/// - otherwise advances by the number of items actually received, stops on an empty page, and
///   stops on a page shorter than one the server has already delivered (so a server cap is
///   learned from the first short page, at the price of one extra request to confirm it).
package struct PagePlanner: Sendable {
    package let pageSize: Int
    package private(set) var offset: Int
    package private(set) var finished = false
    private var largestPage = 0

    package init(pageSize: Int, startOffset: Int = 0) {
        self.pageSize = pageSize
        self.offset = startOffset
    }

    package mutating func record(pageCount: Int, totalCount: Int?) {
        defer { largestPage = max(largestPage, pageCount) }
        offset += pageCount
        if pageCount == 0 {
            finished = true
        } else if let totalCount {
            finished = offset >= totalCount
        } else if pageCount >= pageSize {
            finished = false
        } else {
            finished = pageCount < largestPage
        }
    }
}

/// One fetched page: its items and, when the server says, the total number of matches.
struct FetchedPage<Element: Sendable>: Sendable {
    var items: [Element]
    var totalCount: Int?
}

/// An `AsyncSequence` over every item of a paginated listing, fetching pages lazily.
///
/// ```swift
/// for try await image in client.paginateImages(project: 1, dataCollection: 2, pageSize: 100) {
///     print(image.id)
/// }
/// ```
/// Errors are ``PixelError``s; iteration stops at the first one.
public struct PixelPages<Element: Sendable>: AsyncSequence, Sendable {
    let pageSize: Int
    let startOffset: Int
    let fetch: @Sendable (_ offset: Int, _ limit: Int) async throws -> FetchedPage<Element>

    init(pageSize: Int, startOffset: Int = 0, fetch: @escaping @Sendable (Int, Int) async throws -> FetchedPage<Element>) {
        self.pageSize = pageSize
        self.startOffset = startOffset
        self.fetch = fetch
    }

    /// Pages of any listing that takes an offset and a limit: `fetch` is asked for `limit`
    /// items from `offset` on, and iteration ends on an empty page or, once the server has shown
    /// how many it sends at most, on a shorter one.
    ///
    /// ```swift
    /// let projects = try await PixelPages(pageSize: 50) { offset, limit in
    ///     try await client.listProjects(ProjectListParams(offset: offset, limit: limit))
    /// }.collect()
    /// ```
    public init(pageSize: Int, listing fetch: @escaping @Sendable (_ offset: Int, _ limit: Int) async throws -> [Element]) {
        self.init(pageSize: pageSize) { offset, limit in FetchedPage(items: try await fetch(offset, limit)) }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(planner: PagePlanner(pageSize: pageSize, startOffset: startOffset), fetch: fetch)
    }

    /// Fetches pages on demand and hands out their items one by one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var planner: PagePlanner
        let fetch: @Sendable (Int, Int) async throws -> FetchedPage<Element>
        var buffer: [Element] = []
        var index = 0

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                if planner.finished { return nil }
                guard planner.pageSize > 0 else {
                    throw PixelError.invalidInput("The page size must be at least 1.")
                }
                let page = try await fetch(planner.offset, planner.pageSize)
                planner.record(pageCount: page.items.count, totalCount: page.totalCount)
                buffer = page.items
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// Collects every item into an array.
    public func collect() async throws -> [Element] {
        var all: [Element] = []
        for try await item in self { all.append(item) }
        return all
    }
}

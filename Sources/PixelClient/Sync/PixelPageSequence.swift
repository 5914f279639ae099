/// The blocking counterpart of ``PixelPages``: a `Sequence` that fetches pages as it is iterated.
///
/// A `Sequence` cannot throw, so each element is a `Result`; after a failure the sequence ends.
/// ```swift
/// for result in client.paginateImages(project: 1, dataCollection: 2) {
///     let image = try result.get()
///     print(image.id)
/// }
/// let all = try client.paginateProjects().collect()   // or collect everything, throwing
/// ```
public struct PixelPageSequence<Item: Sendable>: Sequence, Sendable {
    let pages: PixelPages<Item>
    /// The async method to name when iterated inside a task (blocking and async share names).
    let asyncMethod: String

    init(pages: PixelPages<Item>, asyncMethod: String = #function) {
        self.pages = pages
        self.asyncMethod = asyncMethod
    }

    public func makeIterator() -> Iterator {
        Iterator(planner: PagePlanner(pageSize: pages.pageSize, startOffset: pages.startOffset), fetch: pages.fetch, asyncMethod: asyncMethod)
    }

    /// Fetches every page and returns all items, or throws the first error.
    @available(*, noasync, message: "Use the PixelAsyncClient paginate method and `for try await`")
    public func collect() throws(PixelError) -> [Item] {
        var items: [Item] = []
        for result in self { items.append(try result.get()) }
        return items
    }

    /// Blocks the calling thread for each page fetch.
    public struct Iterator: IteratorProtocol {
        var planner: PagePlanner
        let fetch: @Sendable (Int, Int) async throws -> FetchedPage<Item>
        let asyncMethod: String
        var buffer: [Item] = []
        var index = 0
        var failed = false

        public mutating func next() -> Result<Item, PixelError>? {
            while index >= buffer.count {
                if planner.finished || failed { return nil }
                guard planner.pageSize > 0 else {
                    failed = true
                    return .failure(.invalidInput("The page size must be at least 1."))
                }
                let (offset, limit, fetch) = (planner.offset, planner.pageSize, self.fetch)
                do throws(PixelError) {
                    let page = try BlockingBridge.run(asyncMethod: asyncMethod) { () async throws(PixelError) in
                        do { return try await fetch(offset, limit) } catch { throw PixelError.wrapping(error) }
                    }
                    planner.record(pageCount: page.items.count, totalCount: page.totalCount)
                    buffer = page.items
                    index = 0
                } catch {
                    failed = true
                    return .failure(error)
                }
            }
            defer { index += 1 }
            return .success(buffer[index])
        }
    }
}

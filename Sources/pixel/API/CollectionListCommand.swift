import ArgumentParser
import PixelClient

/// A `list` command of things in one data collection (images, optimized copies, harvest
/// services): `--project --collection`, the common filters and one page or `--all`. A command
/// only says how to fetch one page; fetching, paging and printing are shared.
protocol CollectionListCommand: AsyncParsableCommand {
    associatedtype Item: TableRow
    var client: ClientOptions { get }
    var output: OutputOptions { get }
    var location: CollectionArguments { get }
    var filters: FilterOptions { get }
    var pages: PageOptions { get }
    /// One page: the items of `dataCollection` matching `filters`, from `offset`, at most `limit`.
    static func page(
        _ client: PixelAsyncClient, _ project: ProjectID, _ dataCollection: DataCollectionID, _ filters: Filters, offset: Int?, limit: Int?
    ) async throws -> [Item]
}

extension CollectionListCommand {
    func run() async throws {
        let ((project, collection), filters, paging) = (location.ids, filters.filters, pages.paging)
        let items = try await ClientSession.run(client) { client, _ in
            try await paging.fetch { offset, limit in try await Self.page(client, project, collection, filters, offset: offset, limit: limit) }
        }
        try Render.list(items, json: output.json)
    }
}

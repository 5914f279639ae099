import ArgumentParser
import PixelClient

/// `--offset --limit --all --page-size`: how much of a listing every list command fetches.
struct PageOptions: ParsableArguments {
    @Option(help: "Skip this many.") var offset: Int?
    @Option(help: "At most this many.") var limit: Int?
    @Flag(help: "Fetch every page, --page-size items per request.") var all = false
    @Option(help: ArgumentHelp("Items per request with --all.", valueName: "n")) var pageSize: Int = 100

    func validate() throws {
        if all, offset != nil || limit != nil { throw ValidationError("--all fetches everything; leave out --offset and --limit.") }
        if pageSize < 1 { throw ValidationError("--page-size must be at least 1.") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative.") }
        if let offset, offset < 0 { throw ValidationError("--offset must not be negative.") }
    }

    /// The choice as a value closures can capture.
    var paging: Paging { Paging(all: all, pageSize: pageSize, offset: offset, limit: limit) }
}

/// One page (`offset`, `limit`) or every page of a listing.
struct Paging: Sendable {
    var all: Bool
    var pageSize: Int
    var offset: Int?
    var limit: Int?

    /// Calls `list` once with the chosen offset and limit, or page by page until the end.
    func fetch<Item: Sendable>(_ list: @escaping @Sendable (_ offset: Int?, _ limit: Int?) async throws -> [Item]) async throws -> [Item] {
        guard all else { return try await list(offset, limit) }
        return try await PixelPages(pageSize: pageSize, listing: { offset, limit in try await list(offset, limit) }).collect()
    }
}

/// `--name --tag --id`: the common filters of the API's list models.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only items with this name.") var name: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("Only items with this tag (repeatable).", valueName: "tag")) var tags: [String] = []
    @Option(name: .customLong("id"), help: ArgumentHelp("Only the item with this id (repeatable).", valueName: "id")) var ids: [Int] = []

    /// The filters as a value closures can capture.
    var filters: Filters { Filters(name: name, tags: tags, ids: ids) }
}

/// What ``FilterOptions`` chose, `Sendable`.
struct Filters: Sendable {
    var name: String?
    var tags: [String]
    var ids: [Int]

    /// These filters for ids of type `PixelID<Tag>`, with `offset` and `limit`.
    func params<Tag>(offset: Int?, limit: Int?) -> ListParams<PixelID<Tag>> {
        ListParams(name: name, ids: ids.isEmpty ? nil : ids.map { PixelID($0) }, tags: tags.isEmpty ? nil : tags, offset: offset, limit: limit)
    }
}

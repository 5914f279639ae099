import ArgumentParser
import PixelClient

/// `pixel collections list|get|create|update|delete|restore|move` (data collections).
struct CollectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collections",
        abstract: "List, read, create, change, delete, restore and move data collections.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self, Restore.self, Move.self]
    )

    /// `--project P` and the collection id: where one data collection is.
    struct Location: ParsableArguments {
        @Option(help: "The project id.") var project: Int
        @Argument(help: "The data collection id.") var id: Int

        var ids: (ProjectID, DataCollectionID) { (ProjectID(project), DataCollectionID(id)) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the data collections of a project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The project id.") var project: Int
        @Option(help: ArgumentHelp("Only collections of this type.", valueName: "type")) var type: CollectionTypeArgument?
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions
        @Flag(help: "List deleted (restorable) collections instead.") var deleted = false

        func run() async throws {
            let (project, deleted, type, filters, paging) = (ProjectID(project), deleted, type?.type, filters.filters, pages.paging)
            let collections = try await ClientSession.run(client) { client, _ in
                try await paging.fetch { offset, limit in
                    let params = DataCollectionListParams(filters.params(offset: offset, limit: limit), dataCollectionType: type)
                    if deleted { return try await client.listDeletedDataCollections(project: project, params) }
                    return try await client.listDataCollections(project: project, params)
                }
            }
            try Render.list(collections, json: output.json)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one data collection.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: Location

        func run() async throws {
            let (project, id) = location.ids
            let collection = try await ClientSession.run(client) { client, _ in try await client.getDataCollection(project: project, id: id) }
            try Render.one(collection, json: output.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a data collection in a project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The project id.") var project: Int
        @Option(help: "The collection name.") var name: String
        @Option(help: ArgumentHelp("What it holds: image, raster, RGB, DTM, DSM or point_cloud.", valueName: "type"))
        var type: CollectionTypeArgument
        @Option(help: "A description.") var description: String = ""
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []

        func run() async throws {
            let create = DataCollectionCreate(name: name, description: description, dataCollectionType: type.type, tags: tags.isEmpty ? nil : tags)
            let project = ProjectID(project)
            let collection = try await ClientSession.run(client) { client, _ in try await client.createDataCollection(project: project, create) }
            try Render.one(collection, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a data collection's name, description or tags.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: Location
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @OptionGroup var tags: TagChanges

        func run() async throws {
            let update = DataCollectionUpdate(name: name, description: description, addTags: tags.additions, removeTags: tags.removals)
            let (project, id) = location.ids
            let collection = try await ClientSession.run(client) { client, _ in
                try await client.updateDataCollection(project: project, id: id, update)
            }
            try Render.one(collection, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a data collection (it can be restored).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: Location

        func run() async throws {
            let (project, id) = location.ids
            let result = try await ClientSession.run(client) { client, _ in try await client.deleteDataCollection(project: project, id: id) }
            try Render.deleted("data collection \(id)", result, json: output.json)
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Restore a deleted data collection.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: Location

        func run() async throws {
            let (project, id) = location.ids
            let collection = try await ClientSession.run(client) { client, _ in try await client.restoreDataCollection(project: project, id: id) }
            try Render.one(collection, json: output.json)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a data collection to another project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: Location
        @Option(name: .customLong("to-project"), help: "The destination project.") var destination: Int

        func run() async throws {
            let (project, id) = location.ids
            let target = ProjectID(destination)
            let collection = try await ClientSession.run(client) { client, _ in
                try await client.moveDataCollection(project: project, id: id, to: target)
            }
            try Render.one(collection, json: output.json)
        }
    }
}

import ArgumentParser
import Foundation
import PixelClient

/// What differs between `pixel images`, `pixel rasters` and `pixel point-clouds`: names, the
/// resource type and how a move destination is given. Every command is shared
/// (``ResourceCommand``) and calls the client's generic operations.
protocol ResourceCommandKind: Sendable {
    associatedtype Resource: DataCollectionResource & TableRow
    static var commandName: String { get }
    static var plural: String { get }
    /// Commands only this kind has.
    static var extraSubcommands: [any ParsableCommand.Type] { get }
    /// Help for `move`'s options.
    static var moveHelp: String { get }
    /// The destination `--to-collection` (and `--to-project`, when the kind takes one) name.
    static func destination(project: ProjectID?, collection: DataCollectionID, from current: ProjectID) throws -> Resource.MoveDestination
}

enum ImagesKind: ResourceCommandKind {
    typealias Resource = Image
    static let commandName = "images"
    static let plural = "images"
    static var extraSubcommands: [any ParsableCommand.Type] { [ImageMetadataCommand.self] }
    static let moveHelp = "Moves it to --to-collection in --to-project (default: the same project)."
    static func destination(project: ProjectID?, collection: DataCollectionID, from current: ProjectID) -> CollectionLocation {
        CollectionLocation(project: project ?? current, dataCollection: collection)
    }
}

enum RastersKind: ResourceCommandKind {
    typealias Resource = Raster
    static let commandName = "rasters"
    static let plural = "rasters"
    static var extraSubcommands: [any ParsableCommand.Type] { [] }
    static let moveHelp = ImagesKind.moveHelp
    static func destination(project: ProjectID?, collection: DataCollectionID, from current: ProjectID) -> CollectionLocation {
        CollectionLocation(project: project ?? current, dataCollection: collection)
    }
}

enum PointCloudsKind: ResourceCommandKind {
    typealias Resource = PointCloud
    static let commandName = "point-clouds"
    static let plural = "point clouds"
    static var extraSubcommands: [any ParsableCommand.Type] { [] }
    static let moveHelp = "Moves it to --to-collection; its project follows from that collection (--to-project is not taken)."
    static func destination(project: ProjectID?, collection: DataCollectionID, from current: ProjectID) throws -> DataCollectionID {
        if project != nil { throw ValidationError("Point clouds move by data collection only; leave out --to-project.") }
        return collection
    }
}

/// `--project P --collection C`: the data collection a resource command works in.
struct CollectionArguments: ParsableArguments {
    @Option(help: "The project id.") var project: Int
    @Option(help: "The data collection id.") var collection: Int

    var ids: (ProjectID, DataCollectionID) { (ProjectID(project), DataCollectionID(collection)) }
}

/// `pixel images|rasters|point-clouds list|get|update|move|delete|upload` (and `metadata` for images).
struct ResourceCommand<Kind: ResourceCommandKind>: AsyncParsableCommand {
    typealias Resource = Kind.Resource

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Kind.commandName,
            abstract: "List, read, tag, move, delete and upload \(Kind.plural).",
            subcommands: [List.self, Get.self, Update.self, Move.self, Delete.self, Upload.self] + Kind.extraSubcommands)
    }

    init() {}

    struct List: CollectionListCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "List the \(Kind.plural) of a data collection.") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions

        init() {}

        static func page(
            _ client: PixelAsyncClient, _ project: ProjectID, _ dataCollection: DataCollectionID, _ filters: Filters, offset: Int?, limit: Int?
        ) async throws -> [Resource] {
            try await client.list(
                Resource.self, project: project, dataCollection: dataCollection, Resource.ListFilter(filters.params(offset: offset, limit: limit)))
        }
    }

    struct Get: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Show one of the \(Kind.plural).") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The id.") var id: Int

        init() {}

        func run() async throws {
            let ((project, collection), id) = (location.ids, Resource.ID(id))
            let item = try await ClientSession.run(client) { client, _ in
                try await client.get(Resource.self, project: project, dataCollection: collection, id: id)
            }
            try Render.one(item, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Add or remove tags and set JSON metadata (--metadata key=value, a number or null when it parses as one).")
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The id.") var id: Int
        @OptionGroup var tags: TagChanges
        @Option(name: .customLong("metadata"), help: ArgumentHelp("Set a JSON metadata entry (repeatable).", valueName: "key=value"))
        var metadata: [MetadataEntry] = []

        init() {}

        func validate() throws {
            if tags.additions == nil, tags.removals == nil, metadata.isEmpty {
                throw ValidationError("Give at least one of --add-tag, --remove-tag or --metadata.")
            }
        }

        func run() async throws {
            let ((project, collection), id) = (location.ids, Resource.ID(id))
            let json = metadata.isEmpty ? nil : Dictionary(metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let update = ResourceUpdate(addTags: tags.additions, removeTags: tags.removals, jsonMetadata: json)
            let item = try await ClientSession.run(client) { client, _ in
                try await client.update(Resource.self, project: project, dataCollection: collection, id: id, update)
            }
            try Render.one(item, json: output.json)
        }
    }

    struct Move: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Move one of the \(Kind.plural) to another data collection.", discussion: Kind.moveHelp)
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The id.") var id: Int
        @Option(name: .customLong("to-collection"), help: "The data collection to move it to.") var toCollection: Int
        @Option(name: .customLong("to-project"), help: "The project of that data collection.") var toProject: Int?

        init() {}

        func validate() throws {
            _ = try Kind.destination(
                project: toProject.map { ProjectID($0) }, collection: DataCollectionID(toCollection), from: ProjectID(location.project))
        }

        func run() async throws {
            let ((project, collection), id) = (location.ids, Resource.ID(id))
            let destination = try Kind.destination(
                project: toProject.map { ProjectID($0) }, collection: DataCollectionID(toCollection), from: project)
            let item = try await ClientSession.run(client) { client, _ in
                try await client.move(Resource.self, project: project, dataCollection: collection, id: id, to: destination)
            }
            try Render.one(item, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Delete one of the \(Kind.plural).") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The id.") var id: Int

        init() {}

        func run() async throws {
            let ((project, collection), id) = (location.ids, Resource.ID(id))
            let result = try await ClientSession.run(client) { client, _ in
                try await client.delete(Resource.self, project: project, dataCollection: collection, id: id)
            }
            try Render.deleted("\(Kind.commandName) \(id)", result, json: output.json)
        }
    }

    struct Upload: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Upload files as \(Kind.plural), with a live progress bar on a terminal.",
                discussion: """
                    Progress goes to stderr: a bar with bytes, rate, ETA and per-file status on a terminal, \
                    plain lines otherwise. Ctrl-C stops every transfer and exits 130. Exits 1 if any file failed.
                    """)
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The files to upload.") var files: [String]
        @Flag(help: "Send every file in parts (multipart), whatever its size.") var multipart = false

        init() {}

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to upload.") }
        }

        func run() async throws {
            let ((project, collection), mode) = (location.ids, multipart ? UploadMode.multipart() : .automatic)
            let uploads = files.map { UploadFile($0) }
            let result = try await ClientSession.run(client) { client, _ in
                try await UploadProgress.show(on: .standardError) { progress in
                    try await client.uploadMany(
                        project: project, dataCollection: collection, uploads, as: Resource.self, mode: mode, progress: progress)
                }
            }
            try Render.uploaded(result, of: uploads.count, json: output.json)
        }
    }
}

/// `pixel images metadata`: an image's typed fields and JSON metadata.
struct ImageMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metadata", abstract: "Show an image's metadata (typed fields and JSON metadata).")
    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var location: CollectionArguments
    @Argument(help: "The image id.") var id: Int

    func run() async throws {
        let ((project, collection), id) = (location.ids, ImageID(id))
        let metadata = try await ClientSession.run(client) { client, _ in
            try await client.getImageMetadata(project: project, dataCollection: collection, id: id)
        }
        if output.json { return try JSONOutput.print(metadata) }
        var table = TextTable(["key", "value"])
        if let fields = metadata.fields { table.append(["fields", try JSONOutput.compact(fields)]) }
        for (key, value) in (metadata.jsonMetadata ?? [:]).sorted(by: { $0.key < $1.key }) {
            table.append([key, value.stringValue ?? value.description])
        }
        Console.standardOutput.write(table.rendered)
    }
}

typealias ImagesCommand = ResourceCommand<ImagesKind>
typealias RastersCommand = ResourceCommand<RastersKind>
typealias PointCloudsCommand = ResourceCommand<PointCloudsKind>

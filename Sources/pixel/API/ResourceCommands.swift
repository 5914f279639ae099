import ArgumentParser
import Foundation
import PixelClient

/// What differs between `pixel images`, `pixel rasters` and `pixel point-clouds`: the names and
/// the client calls. The commands themselves are shared (``ResourceCommand``).
protocol ResourceKind: Sendable {
    associatedtype Resource: UploadableResource & TableRow
    static var commandName: String { get }
    static var plural: String { get }
    static func list(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, limit: Int?) async throws -> [Resource]
    static func get(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> Resource
    static func update(
        _ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int, _ update: ResourceUpdate
    ) async throws -> Resource
    static func delete(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> DeletionResult
}

enum ImagesKind: ResourceKind {
    static let commandName = "images"
    static let plural = "images"
    static func list(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, limit: Int?) async throws -> [Image] {
        try await client.getImages(project: project, dataCollection: collection, ImageListParams(limit: limit))
    }
    static func get(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> Image {
        try await client.getImage(project: project, dataCollection: collection, id: ImageID(id))
    }
    static func update(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int, _ update: ResourceUpdate) async throws -> Image {
        try await client.updateImage(project: project, dataCollection: collection, id: ImageID(id), update)
    }
    static func delete(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> DeletionResult {
        try await client.deleteImage(project: project, dataCollection: collection, id: ImageID(id))
    }
}

enum RastersKind: ResourceKind {
    static let commandName = "rasters"
    static let plural = "rasters"
    static func list(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, limit: Int?) async throws -> [Raster] {
        try await client.getRasters(project: project, dataCollection: collection, RasterListParams(ListParams(limit: limit)))
    }
    static func get(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> Raster {
        try await client.getRaster(project: project, dataCollection: collection, id: RasterID(id))
    }
    static func update(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int, _ update: ResourceUpdate) async throws -> Raster {
        try await client.updateRaster(project: project, dataCollection: collection, id: RasterID(id), update)
    }
    static func delete(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> DeletionResult {
        try await client.deleteRaster(project: project, dataCollection: collection, id: RasterID(id))
    }
}

enum PointCloudsKind: ResourceKind {
    static let commandName = "point-clouds"
    static let plural = "point clouds"
    static func list(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, limit: Int?) async throws -> [PointCloud] {
        try await client.getPointClouds(project: project, dataCollection: collection, PointCloudListParams(ListParams(limit: limit)))
    }
    static func get(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> PointCloud {
        try await client.getPointCloud(project: project, dataCollection: collection, id: PointCloudID(id))
    }
    static func update(
        _ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int, _ update: ResourceUpdate
    ) async throws -> PointCloud {
        try await client.updatePointCloud(project: project, dataCollection: collection, id: PointCloudID(id), update)
    }
    static func delete(_ client: PixelAsyncClient, _ project: ProjectID, _ collection: DataCollectionID, id: Int) async throws -> DeletionResult {
        try await client.deletePointCloud(project: project, dataCollection: collection, id: PointCloudID(id))
    }
}

/// `--project P --collection C`: the data collection a resource command works in.
struct CollectionLocation: ParsableArguments {
    @Option(help: "The project id.") var project: Int
    @Option(help: "The data collection id.") var collection: Int

    var ids: (ProjectID, DataCollectionID) { (ProjectID(project), DataCollectionID(collection)) }
}

/// `pixel images|rasters|point-clouds list|get|update|delete|upload`.
struct ResourceCommand<Kind: ResourceKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Kind.commandName,
            abstract: "List, read, tag, delete and upload \(Kind.plural).",
            subcommands: [List.self, Get.self, Update.self, Delete.self, Upload.self])
    }

    init() {}

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "List the \(Kind.plural) of a data collection.") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionLocation
        @Option(help: "At most this many.") var limit: Int?

        init() {}

        func run() async throws {
            let ((project, collection), limit) = (location.ids, limit)
            let items = try await ClientSession.run(client) { client, _ in try await Kind.list(client, project, collection, limit: limit) }
            try Render.list(items, json: output.json)
        }
    }

    struct Get: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Show one of the \(Kind.plural).") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionLocation
        @Argument(help: "The id.") var id: Int

        init() {}

        func run() async throws {
            let ((project, collection), id) = (location.ids, id)
            let item = try await ClientSession.run(client) { client, _ in try await Kind.get(client, project, collection, id: id) }
            try Render.one(item, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Add or remove tags.") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionLocation
        @Argument(help: "The id.") var id: Int
        @OptionGroup var tags: TagChanges

        init() {}

        func run() async throws {
            let ((project, collection), id) = (location.ids, id)
            let update = ResourceUpdate(addTags: tags.additions, removeTags: tags.removals)
            let item = try await ClientSession.run(client) { client, _ in try await Kind.update(client, project, collection, id: id, update) }
            try Render.one(item, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Delete one of the \(Kind.plural).") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionLocation
        @Argument(help: "The id.") var id: Int

        init() {}

        func run() async throws {
            let ((project, collection), id) = (location.ids, id)
            let result = try await ClientSession.run(client) { client, _ in try await Kind.delete(client, project, collection, id: id) }
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
        @OptionGroup var location: CollectionLocation
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
                    try await client.uploadMany(project: project, dataCollection: collection, uploads, as: Kind.Resource.self, mode: mode, progress: progress)
                }
            }
            try Render.uploaded(result, of: uploads.count, json: output.json)
        }
    }
}

typealias ImagesCommand = ResourceCommand<ImagesKind>
typealias RastersCommand = ResourceCommand<RastersKind>
typealias PointCloudsCommand = ResourceCommand<PointCloudsKind>

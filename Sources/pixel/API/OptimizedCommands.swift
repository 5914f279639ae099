import ArgumentParser
import PixelClient

/// What differs between `pixel optimized-rasters` and `pixel optimized-point-clouds`: names,
/// the creation options and the client calls. The commands themselves are shared
/// (``OptimizedCommand``).
protocol OptimizedCommandKind: Sendable {
    associatedtype Copy: TableRow & Identifiable where Copy.ID == PixelID<CopyTag>
    associatedtype CopyTag
    associatedtype SourceTag
    /// Creation options (`--profile`, nearblack, resampling for rasters; none for point clouds).
    associatedtype Options: ParsableArguments
    static var commandName: String { get }
    /// "rasters" or "point clouds".
    static var sources: String { get }
    static func create(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<PixelID<SourceTag>>, _ options: CreationSettings
    ) async throws -> [Copy]
    static func run(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ copies: Selection<Copy.ID>, retryFailed: Bool, wait: JobWait?
    ) async throws -> JobGroup
    static func list(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ params: ListParams<Copy.ID>) async throws -> [Copy]
    /// Deletes the copies of `source`; the answer is printed with --json.
    static func delete(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, source: PixelID<SourceTag>, _ options: CreationSettings)
        async throws -> any Encodable & Sendable
    static func optimize(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<PixelID<SourceTag>>, _ options: CreationSettings,
        wait: JobWait
    ) async throws -> [Copy]
    /// What `Options` chose, as a value closures can capture.
    static func settings(_ options: Options) throws -> CreationSettings
}

/// The creation options a command chose (only rasters have any).
struct CreationSettings: Sendable {
    var raster = RasterOptimizationOptions()
}

/// `--profile`, `--nearblack`, `--nearblack-color`, `--nearblack-algorithm`, `--overview-resampling`.
struct RasterOptimizationArguments: ParsableArguments {
    @Option(help: "The optimization profile (default: the server's).") var profile: String?
    @Flag(help: "Remove near-black (or near-white) collars.") var nearblack = false
    @Option(name: .customLong("nearblack-color"), help: ArgumentHelp("black, white or a grey level 0-255.", valueName: "color"))
    var nearblackColor: String = "black"
    @Option(name: .customLong("nearblack-algorithm"), help: ArgumentHelp("floodfill or twopasses.", valueName: "algorithm"))
    var nearblackAlgorithm: String = "twopasses"
    @Option(
        name: .customLong("overview-resampling"),
        help: ArgumentHelp("nearest, bilinear, cubic, cubic_spline, lanczos, average, mode, gauss or rms.", valueName: "method"))
    var overviewResampling: String = "average"

    var options: RasterOptimizationOptions {
        get throws {
            let color: NearblackColor =
                switch nearblackColor {
                case "black": .black
                case "white": .white
                default:
                    try UInt8(nearblackColor).map(NearblackColor.level)
                        ?? { throw ValidationError("--nearblack-color must be black, white or 0-255.") }()
                }
            let algorithm = NearblackAlgorithm(rawValue: nearblackAlgorithm)
            if case .unknown = algorithm { throw ValidationError("--nearblack-algorithm must be floodfill or twopasses.") }
            let resampling = OverviewResampling(rawValue: overviewResampling)
            if case .unknown = resampling { throw ValidationError("--overview-resampling: unknown method '\(overviewResampling)'.") }
            return RasterOptimizationOptions(
                profile: profile, nearblack: NearblackOptions(enabled: nearblack, color: color, algorithm: algorithm), overviewResampling: resampling)
        }
    }

    func validate() throws { _ = try options }
}

/// No creation options (point clouds).
struct NoCreationArguments: ParsableArguments {}

enum OptimizedRastersKind: OptimizedCommandKind {
    typealias Copy = OptimizedRaster
    typealias CopyTag = PixelResourceTag.OptimizedRaster
    typealias SourceTag = PixelResourceTag.Raster
    typealias Options = RasterOptimizationArguments
    static let commandName = "optimized-rasters"
    static let sources = "rasters"
    static func settings(_ options: Options) throws -> CreationSettings { CreationSettings(raster: try options.options) }
    static func create(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<RasterID>, _ options: CreationSettings
    ) async throws -> [Copy] {
        try await client.createOptimizedRasters(project: p, dataCollection: dc, sources, options: options.raster)
    }
    static func run(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ copies: Selection<OptimizedRasterID>, retryFailed: Bool, wait: JobWait?
    ) async throws -> JobGroup {
        try await client.runOptimizeRasters(project: p, dataCollection: dc, copies, retryFailed: retryFailed, wait: wait)
    }
    static func list(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ params: ListParams<OptimizedRasterID>) async throws
        -> [Copy]
    {
        try await client.getOptimizedRasters(project: p, dataCollection: dc, params)
    }
    static func delete(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, source: RasterID, _ options: CreationSettings) async throws
        -> any Encodable & Sendable
    {
        try await client.deleteOptimizedRasters(project: p, dataCollection: dc, rasterID: source, profile: options.raster.profile)
    }
    static func optimize(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<RasterID>, _ options: CreationSettings, wait: JobWait
    ) async throws -> [Copy] {
        try await client.optimizeRasters(project: p, dataCollection: dc, sources, options: options.raster, wait: wait)
    }
}

enum OptimizedPointCloudsKind: OptimizedCommandKind {
    typealias Copy = OptimizedPointCloud
    typealias CopyTag = PixelResourceTag.OptimizedPointCloud
    typealias SourceTag = PixelResourceTag.PointCloud
    typealias Options = NoCreationArguments
    static let commandName = "optimized-point-clouds"
    static let sources = "point clouds"
    static func settings(_ options: Options) -> CreationSettings { CreationSettings() }
    static func create(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<PointCloudID>, _ options: CreationSettings
    ) async throws -> [Copy] {
        try await client.createOptimizedPointClouds(project: p, dataCollection: dc, sources)
    }
    static func run(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ copies: Selection<OptimizedPointCloudID>, retryFailed: Bool,
        wait: JobWait?
    ) async throws -> JobGroup {
        try await client.runOptimizePointClouds(project: p, dataCollection: dc, copies, retryFailed: retryFailed, wait: wait)
    }
    static func list(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ params: ListParams<OptimizedPointCloudID>) async throws
        -> [Copy]
    {
        try await client.getOptimizedPointClouds(project: p, dataCollection: dc, OptimizedPointCloudListParams(params))
    }
    static func delete(_ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, source: PointCloudID, _ options: CreationSettings)
        async throws -> any Encodable & Sendable
    {
        try await client.deleteOptimizedPointCloud(project: p, dataCollection: dc, pointCloudID: source)
    }
    static func optimize(
        _ client: PixelAsyncClient, _ p: ProjectID, _ dc: DataCollectionID, _ sources: Selection<PointCloudID>, _ options: CreationSettings,
        wait: JobWait
    ) async throws -> [Copy] {
        try await client.optimizePointClouds(project: p, dataCollection: dc, sources, wait: wait)
    }
}

/// `pixel optimized-rasters|optimized-point-clouds create|run|list|delete|optimize`.
struct OptimizedCommand<Kind: OptimizedCommandKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Kind.commandName,
            abstract: "Make cloud-optimized copies of \(Kind.sources): create, run, list, delete, or all in one (optimize).",
            subcommands: [Optimize.self, Create.self, Run.self, List.self, Delete.self])
    }

    init() {}

    struct Optimize: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Create copies of \(Kind.sources), run them, wait, and list them as they ended.")
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var sources: SelectionOptions
        @OptionGroup var options: Kind.Options
        @Option(help: ArgumentHelp("Give up waiting after this many seconds.", valueName: "seconds")) var timeout: Int = 1200

        init() {}

        func validate() throws {
            if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        }

        func run() async throws {
            let ((p, dc), selection, settings) = (location.ids, sources.selection() as Selection<PixelID<Kind.SourceTag>>, try Kind.settings(options))
            let wait = JobWait(timeout: .seconds(timeout))
            let copies = try await ClientSession.run(client) { client, _ in try await Kind.optimize(client, p, dc, selection, settings, wait: wait) }
            try Render.list(copies, json: output.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Record copies to make of \(Kind.sources) (run them with `run`).")
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var sources: SelectionOptions
        @OptionGroup var options: Kind.Options

        init() {}

        func run() async throws {
            let ((p, dc), selection, settings) = (location.ids, sources.selection() as Selection<PixelID<Kind.SourceTag>>, try Kind.settings(options))
            let copies = try await ClientSession.run(client) { client, _ in try await Kind.create(client, p, dc, selection, settings) }
            try Render.list(copies, json: output.json)
        }
    }

    struct Run: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Run optimized copies (--all: every pending one) and wait for their job group.")
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var copies: SelectionOptions
        @Flag(name: .customLong("retry-failed"), help: "With --all, run failed copies again too.") var retryFailed = false
        @OptionGroup var waiting: WaitOptions

        init() {}

        func run() async throws {
            let ((p, dc), selection, retryFailed) = (location.ids, copies.selection() as Selection<Kind.Copy.ID>, retryFailed)
            let wait = waiting.wait(defaultSeconds: 1200)
            let group = try await ClientSession.run(client) { client, _ in
                try await Kind.run(client, p, dc, selection, retryFailed: retryFailed, wait: wait)
            }
            try Render.one(group, json: output.json)
        }
    }

    struct List: CollectionListCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "List the optimized copies of a data collection.") }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions

        init() {}

        static func page(
            _ client: PixelAsyncClient, _ project: ProjectID, _ dataCollection: DataCollectionID, _ filters: Filters, offset: Int?, limit: Int?
        ) async throws -> [Kind.Copy] {
            try await Kind.list(client, project, dataCollection, filters.params(offset: offset, limit: limit))
        }
    }

    struct Delete: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Delete the optimized copies of one of the \(Kind.sources).")
        }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The id of the source (not of the copy).") var source: Int
        @OptionGroup var options: Kind.Options

        init() {}

        func run() async throws {
            let ((p, dc), source, settings) = (location.ids, PixelID<Kind.SourceTag>(source), try Kind.settings(options))
            let result = try await ClientSession.run(client) { client, _ in try await Kind.delete(client, p, dc, source: source, settings) }
            try Render.deleted("the optimized copies of \(source)", result, json: output.json)
        }
    }
}

typealias OptimizedRastersCommand = OptimizedCommand<OptimizedRastersKind>
typealias OptimizedPointCloudsCommand = OptimizedCommand<OptimizedPointCloudsKind>

import ArgumentParser
import PixelClient

/// `pixel arcgis gdo-users|list|get|create|update|delete|start|stop|refresh`.
struct ArcGISCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arcgis",
        abstract: "Publish data collections as ArcGIS Feature or Image services, and start, stop and refresh them.",
        subcommands: [
            GDOUsers.self, List.self, Get.self, Create.self, Update.self, Delete.self, SwitchCommand<Starting>.self, SwitchCommand<Stopping>.self,
            Refresh.self,
        ]
    )

    /// `--type feature|image`.
    struct ServiceType: ParsableArguments {
        @Option(name: .customLong("type"), help: ArgumentHelp("feature or image.", valueName: "type")) var name: String

        func validate() throws { _ = try type }

        var type: ArcGISServiceType {
            get throws {
                switch name.lowercased() {
                case "feature": .feature
                case "image": .image
                default: throw ValidationError("--type must be feature or image; got '\(name)'.")
                }
            }
        }
    }

    /// `--type T` and the service id.
    struct Service: ParsableArguments {
        @OptionGroup var type: ServiceType
        @Argument(help: "The service id.") var id: Int

        var ids: (ArcGISServiceType, ArcGISServiceID) { get throws { (try type.type, ArcGISServiceID(id)) } }
    }

    struct GDOUsers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gdo-users", abstract: "List the GeoData Online users services can be shared with.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let users = try await ClientSession.run(client) { client, _ in try await client.listGDOUsers() }
            if output.json { return try JSONOutput.print(users) }
            for user in users { Console.standardOutput.line(user) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the services of one type.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var type: ServiceType
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions

        func run() async throws {
            let (type, filters, paging) = (try type.type, filters.filters, pages.paging)
            let services = try await ClientSession.run(client) { client, _ in
                try await paging.fetch { offset, limit in try await client.listArcGISServices(type, filters.params(offset: offset, limit: limit)) }
            }
            try Render.list(services, json: output.json)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one service.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (type, id) = try service.ids
            let found = try await ClientSession.run(client) { client, _ in try await client.getArcGISService(type, id: id) }
            try Render.one(found, json: output.json)
        }
    }

    /// The options block from `--options` or the shortcuts.
    struct OptionsArguments: ParsableArguments {
        @Option(help: ArgumentHelp("The whole options object as JSON (gdo_users and the block of the type).", valueName: "json"))
        var options: JSONArgument?
        @Option(help: ArgumentHelp("Image services: the spatial reference to publish in (EPSG code).", valueName: "srid")) var srid: Int?
        @Option(name: .customLong("gdo-user"), help: ArgumentHelp("Share with this GeoData Online user (repeatable).", valueName: "user"))
        var gdoUsers: [String] = []

        var given: Bool { options != nil || srid != nil || !gdoUsers.isEmpty }

        /// The options for a service of `type`; `creating` fills in a default Feature block.
        func resolve(_ type: ArcGISServiceType, creating: Bool) throws -> ArcGISServiceOptions? {
            if let options {
                if srid != nil || !gdoUsers.isEmpty { throw ValidationError("--options already holds everything; leave out --srid and --gdo-user.") }
                return try options.decode(ArcGISServiceOptions.self, "--options")
            }
            let users = gdoUsers.isEmpty ? nil : gdoUsers
            switch type {
            case .image:
                if let srid { return .image(ArcGISImageServiceOptions(defaultServiceSRID: srid), gdoUsers: users) }
                if creating { throw ValidationError("An image service needs --srid (or --options).") }
                return users.map { ArcGISServiceOptions(gdoUsers: $0) }
            default:
                if srid != nil { throw ValidationError("--srid is for image services.") }
                if creating { return .feature(gdoUsers: users) }
                return users.map { ArcGISServiceOptions(gdoUsers: $0) }
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a service publishing data collections (image ones for feature, raster ones for image services).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var type: ServiceType
        @Option(help: "The service name.") var name: String
        @Option(help: "A description.") var description: String = ""
        @Option(name: .customLong("collection"), help: ArgumentHelp("A data collection to publish (repeatable).", valueName: "id"))
        var collections: [Int] = []
        @OptionGroup var options: OptionsArguments

        func validate() throws {
            if collections.isEmpty { throw ValidationError("Name at least one --collection to publish.") }
            _ = try options.resolve(try type.type, creating: true)
        }

        func run() async throws {
            let type = try type.type
            guard let options = try options.resolve(type, creating: true) else { throw ValidationError("The service needs options.") }
            let create = ArcGISServiceCreate(
                name: name, description: description, dataCollectionIDs: collections.map { DataCollectionID($0) }, options: options)
            let service = try await ClientSession.run(client) { client, _ in try await client.createArcGISService(type, create) }
            try Render.one(service, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a service's name, description, collections or options.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @Option(name: .customLong("collection"), help: ArgumentHelp("Publish these data collections instead (repeatable).", valueName: "id"))
        var collections: [Int] = []
        @OptionGroup var options: OptionsArguments

        func validate() throws {
            if name == nil, description == nil, collections.isEmpty, !options.given {
                throw ValidationError("Give at least one of --name, --description, --collection, --options, --srid or --gdo-user.")
            }
            _ = try options.resolve(try service.type.type, creating: false)
        }

        func run() async throws {
            let (type, id) = try service.ids
            let update = ArcGISServiceUpdate(
                name: name, description: description, dataCollectionIDs: collections.isEmpty ? nil : collections.map { DataCollectionID($0) },
                options: try options.resolve(type, creating: false))
            let updated = try await ClientSession.run(client) { client, _ in try await client.updateArcGISService(type, id: id, update) }
            try Render.one(updated, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a service.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (type, id) = try service.ids
            let result = try await ClientSession.run(client) { client, _ in try await client.deleteArcGISService(type, id: id) }
            try Render.deleted("\(type) service \(id)", result, json: output.json)
        }
    }

    /// `start` or `stop`: what differs between the two commands.
    protocol Switch: Sendable {
        static var commandName: String { get }
        static var abstract: String { get }
        static func perform(_ client: PixelAsyncClient, _ type: ArcGISServiceType, _ id: ArcGISServiceID, wait: JobWait?) async throws
            -> ArcGISServiceChange
    }

    enum Starting: Switch {
        static let commandName = "start"
        static let abstract = "Start a service and wait until it runs (exit 1 if its job failed or the time ran out)."
        static func perform(_ client: PixelAsyncClient, _ type: ArcGISServiceType, _ id: ArcGISServiceID, wait: JobWait?) async throws
            -> ArcGISServiceChange
        {
            try await client.startArcGISService(type, id: id, wait: wait)
        }
    }

    enum Stopping: Switch {
        static let commandName = "stop"
        static let abstract = "Stop a service and wait until it stopped."
        static func perform(_ client: PixelAsyncClient, _ type: ArcGISServiceType, _ id: ArcGISServiceID, wait: JobWait?) async throws
            -> ArcGISServiceChange
        {
            try await client.stopArcGISService(type, id: id, wait: wait)
        }
    }

    /// `pixel arcgis start|stop`.
    struct SwitchCommand<Action: Switch>: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: Action.commandName, abstract: Action.abstract) }
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service
        @OptionGroup var waiting: WaitOptions

        init() {}

        func run() async throws {
            let ((type, id), wait) = (try service.ids, waiting.wait(defaultSeconds: 1000))
            let change = try await ClientSession.run(client) { client, _ in try await Action.perform(client, type, id, wait: wait) }
            try Render.one(change, json: output.json)
        }
    }

    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refresh a service (with --data, its data too) and wait for it.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service
        @Flag(name: .customLong("data"), help: "Refresh the published data too.") var refreshData = false
        @OptionGroup var waiting: WaitOptions

        func run() async throws {
            let ((type, id), wait, refreshData) = (try service.ids, waiting.wait(defaultSeconds: 1000), refreshData)
            let change = try await ClientSession.run(client) { client, _ in
                try await client.refreshArcGISService(type, id: id, refreshData: refreshData, wait: wait)
            }
            try Render.one(change, json: output.json)
        }
    }
}

import ArgumentParser
import Foundation
import PixelClient
import Settings

/// `pixel harvest list|get|create|update|delete|tasks|start|stop`: harvest services of a data
/// collection. Secrets are read from environment variables named on the command line, never
/// taken as arguments, and never printed.
struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest features of an ArcGIS Feature service into a data collection: services, their tasks, start and stop.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self, Tasks.self, Start.self, Stop.self]
    )

    /// `--project P --collection C` and the service id.
    struct Service: ParsableArguments {
        @OptionGroup var location: CollectionArguments
        @Argument(help: "The harvest service id.") var id: Int

        var ids: (ProjectID, DataCollectionID, HarvestServiceID) { (location.ids.0, location.ids.1, HarvestServiceID(id)) }
    }

    /// `--username`, `--password-env`, `--token-url`, `--api-key-env`, `--api-key-item-id`.
    struct AuthArguments: ParsableArguments {
        @Option(help: "Sign in to the harvested service as this user.") var username: String?
        @Option(name: .customLong("password-env"), help: ArgumentHelp("The environment variable holding that user's password.", valueName: "name"))
        var passwordVariable: String?
        @Option(name: .customLong("token-url"), help: "Where the harvested service's tokens come from.") var tokenURL: String?
        @Option(name: .customLong("api-key-env"), help: ArgumentHelp("The environment variable holding an ArcGIS API key.", valueName: "name"))
        var apiKeyVariable: String?
        @Option(name: .customLong("api-key-item-id"), help: "The portal item of that API key.") var apiKeyItemID: String?

        var given: Bool { username != nil || passwordVariable != nil || apiKeyVariable != nil }

        func validate() throws {
            if (username == nil) != (passwordVariable == nil) { throw ValidationError("--username and --password-env go together.") }
            if tokenURL != nil, username == nil { throw ValidationError("--token-url goes with --username.") }
            if apiKeyItemID != nil, apiKeyVariable == nil { throw ValidationError("--api-key-item-id goes with --api-key-env.") }
        }

        /// The authentication, its secrets read from the environment now.
        func auth(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HarvestAuth? {
            guard given else { return nil }
            func secret(_ variable: String, _ option: String) throws -> Secret<String> {
                guard let value = environment[variable], !value.isEmpty else {
                    throw CLIFailure.usage("\(option) names \(variable), which is not set in the environment.")
                }
                return Secret(value)
            }
            let credentials = try username.map { name in
                HarvestCredentials(username: name, password: try secret(passwordVariable ?? "", "--password-env"), tokenURL: tokenURL)
            }
            let apiKey = try apiKeyVariable.map { HarvestAPIKey(apiKey: try secret($0, "--api-key-env"), apiKeyItemID: apiKeyItemID) }
            return HarvestAuth(credentials: credentials, apiKey: apiKey)
        }
    }

    /// `model.field=external` or `model.field`.
    struct FieldMapArgument: ExpressibleByArgument, Sendable {
        var model: String
        var field: String
        var external: String?

        init?(argument: String) {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let target = parts[0].split(separator: ".", maxSplits: 1).map(String.init)
            guard target.count == 2, !target[0].isEmpty, !target[1].isEmpty else { return nil }
            (model, field, external) = (target[0], target[1], parts.count == 2 ? parts[1] : nil)
        }

        func required(_ option: String) throws -> String {
            guard let external, !external.isEmpty else { throw ValidationError("\(option) takes model.field=external_field.") }
            return external
        }
    }

    struct List: CollectionListCommand {
        static let configuration = CommandConfiguration(abstract: "List the harvest services of a data collection.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions

        static func page(
            _ client: PixelAsyncClient, _ project: ProjectID, _ dataCollection: DataCollectionID, _ filters: Filters, offset: Int?, limit: Int?
        ) async throws -> [HarvestService] {
            try await client.listHarvestServices(project: project, dataCollection: dataCollection, filters.params(offset: offset, limit: limit))
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one harvest service.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (p, dc, id) = service.ids
            let found = try await ClientSession.run(client) { client, _ in try await client.getHarvestService(project: p, dataCollection: dc, id: id)
            }
            try Render.one(found, json: output.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a harvest service.",
            discussion: "Secrets come from environment variables: --password-env NAME, --api-key-env NAME. They are never printed.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Option(help: "The service name.") var name: String
        @Option(help: "A description.") var description: String = ""
        @Option(help: "The ArcGIS Feature service (layer) URL to harvest.") var url: String
        @OptionGroup var auth: AuthArguments
        @Option(name: .customLong("where"), help: "Harvest only features matching this SQL where clause.") var whereClause: String = "1=1"
        @Option(
            name: .customLong("map"),
            help: ArgumentHelp("Fill model.field from external_field (repeatable).", valueName: "model.field=external_field"))
        var maps: [FieldMapArgument] = []
        @Option(name: .customLong("extra-field"), help: ArgumentHelp("Keep this external field too (repeatable).", valueName: "field"))
        var extraFields: [String] = []

        func validate() throws {
            if !auth.given { throw ValidationError("Give --username with --password-env, or --api-key-env.") }
            for map in maps { _ = try map.required("--map") }
        }

        func run() async throws {
            let (p, dc) = location.ids
            guard let auth = try auth.auth() else { throw ValidationError("Give --username with --password-env, or --api-key-env.") }
            let mapping = HarvestFieldMapping(
                maps: maps.isEmpty
                    ? nil : try maps.map { HarvestFieldMap(model: $0.model, fieldName: $0.field, externalField: try $0.required("--map")) },
                extraFields: extraFields.isEmpty ? nil : extraFields)
            let create = HarvestServiceCreate(
                name: name, description: description, url: url, auth: auth, fieldMappings: mapping, whereClause: whereClause)
            let service = try await ClientSession.run(client) { client, _ in
                try await client.createHarvestService(project: p, dataCollection: dc, create)
            }
            try Render.one(service, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a harvest service: name, URL, where clause, authentication or field maps.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "New Feature service URL.") var url: String?
        @OptionGroup var auth: AuthArguments
        @Option(name: .customLong("where"), help: "New where clause.") var whereClause: String?
        @Option(name: .customLong("add-map"), help: ArgumentHelp("Map a field (repeatable).", valueName: "model.field=external_field"))
        var addMaps: [FieldMapArgument] = []
        @Option(name: .customLong("update-map"), help: ArgumentHelp("Change a field's map (repeatable).", valueName: "model.field=external_field"))
        var updateMaps: [FieldMapArgument] = []
        @Option(name: .customLong("remove-map"), help: ArgumentHelp("Remove a field's map (repeatable).", valueName: "model.field"))
        var removeMaps: [FieldMapArgument] = []
        @Option(name: .customLong("add-extra-field"), help: ArgumentHelp("Keep this external field too (repeatable).", valueName: "field"))
        var addExtraFields: [String] = []
        @Option(name: .customLong("remove-extra-field"), help: ArgumentHelp("Stop keeping this external field (repeatable).", valueName: "field"))
        var removeExtraFields: [String] = []

        var mappingUpdate: HarvestFieldMappingUpdate? {
            get throws {
                let changes =
                    try addMaps.map { HarvestFieldMapChange.add(model: $0.model, fieldName: $0.field, externalField: try $0.required("--add-map")) }
                    + updateMaps.map {
                        HarvestFieldMapChange.update(model: $0.model, fieldName: $0.field, externalField: try $0.required("--update-map"))
                    }
                    + removeMaps.map { HarvestFieldMapChange.remove(model: $0.model, fieldName: $0.field) }
                guard !changes.isEmpty || !addExtraFields.isEmpty || !removeExtraFields.isEmpty else { return nil }
                return HarvestFieldMappingUpdate(
                    maps: changes.isEmpty ? nil : changes, addExtraFields: addExtraFields.isEmpty ? nil : addExtraFields,
                    removeExtraFields: removeExtraFields.isEmpty ? nil : removeExtraFields)
            }
        }

        func validate() throws {
            if name == nil, description == nil, url == nil, !auth.given, whereClause == nil, try mappingUpdate == nil {
                throw ValidationError("Give at least one change.")
            }
        }

        func run() async throws {
            let (p, dc, id) = service.ids
            let update = HarvestServiceUpdate(
                name: name, description: description, url: url, auth: try auth.auth(), whereClause: whereClause, fieldMappings: try mappingUpdate)
            let updated = try await ClientSession.run(client) { client, _ in
                try await client.updateHarvestService(project: p, dataCollection: dc, id: id, update)
            }
            try Render.one(updated, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a harvest service and its tasks.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (p, dc, id) = service.ids
            let result = try await ClientSession.run(client) { client, _ in
                try await client.deleteHarvestService(project: p, dataCollection: dc, id: id)
            }
            try Render.deleted("harvest service \(id)", result, json: output.json)
        }
    }

    struct Tasks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tasks (runs) of a harvest service.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service
        @Option(help: ArgumentHelp("Only tasks in this state: pending, submitted, in_progress, completed or failed.", valueName: "status"))
        var status: String?
        @Flag(name: .customLong("get-new"), help: "Ask the server to look for new features first.") var getNew = false
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions

        func validate() throws {
            if let status, case .unknown = ProcessingStatus(rawValue: status) {
                throw ValidationError("--status must be pending, submitted, in_progress, completed or failed; got '\(status)'.")
            }
        }

        func run() async throws {
            let ((p, dc, id), filters, paging) = (service.ids, filters.filters, pages.paging)
            let (status, getNew) = (status.map(ProcessingStatus.init(rawValue:)), getNew ? true : nil)
            let tasks = try await ClientSession.run(client) { client, _ in
                try await paging.fetch { offset, limit in
                    let params = HarvestTaskListParams(filters.params(offset: offset, limit: limit), status: status, getNew: getNew)
                    return try await client.getHarvestServiceTasks(project: p, dataCollection: dc, id: id, params)
                }
            }
            try Render.list(tasks, json: output.json)
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a harvest service (it opens a task).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (p, dc, id) = service.ids
            let change = try await ClientSession.run(client) { client, _ in
                try await client.startHarvestService(project: p, dataCollection: dc, id: id)
            }
            try Render.one(change, json: output.json)
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a harvest service (its task finishes).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var service: Service

        func run() async throws {
            let (p, dc, id) = service.ids
            let change = try await ClientSession.run(client) { client, _ in
                try await client.stopHarvestService(project: p, dataCollection: dc, id: id)
            }
            try Render.one(change, json: output.json)
        }
    }
}

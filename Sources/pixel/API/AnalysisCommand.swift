import ArgumentParser
import PixelClient

/// `pixel analysis modules|services|tasks`.
struct AnalysisCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Analysis modules, services (a module with its configuration) and their tasks.",
        subcommands: [Modules.self, Services.self, Tasks.self]
    )

    struct Modules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the analysis modules services can use.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let modules = try await ClientSession.run(client) { client, _ in try await client.listAnalysisModules() }
            try Render.list(modules, json: output.json)
        }
    }

    /// `pixel analysis services list|create|patch|delete`.
    struct Services: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "services", abstract: "List, create, change and delete analysis services.",
            subcommands: [List.self, Create.self, Patch.self, Delete.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List analysis services.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "Only services with this name.") var name: String?
            @Option(name: .customLong("id"), help: ArgumentHelp("Only this service (repeatable).", valueName: "id")) var ids: [Int] = []
            @Option(help: ArgumentHelp("Only enabled (true) or disabled (false) services.", valueName: "bool")) var enabled: Bool?
            @OptionGroup var pages: PageOptions

            func run() async throws {
                let filters = Filters(name: name, tags: [], ids: ids)
                let (enabled, paging) = (enabled, pages.paging)
                let services = try await ClientSession.run(client) { client, _ in
                    try await paging.fetch { offset, limit in
                        try await client.listAnalysisServices(
                            AnalysisServiceListParams(filters.params(offset: offset, limit: limit), enabled: enabled))
                    }
                }
                try Render.list(services, json: output.json)
            }
        }

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create an analysis service.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "The service name.") var name: String
            @Option(help: "The analysis module (see `pixel analysis modules`).") var module: String
            @Option(name: .customLong("config-json"), help: ArgumentHelp("The module configuration as a JSON object.", valueName: "json"))
            var config: JSONArgument
            @Flag(help: "Create it disabled.") var disabled = false

            func validate() throws { _ = try config.object("--config-json") }

            func run() async throws {
                let create = AnalysisServiceCreate(name: name, moduleName: module, enabled: !disabled, config: try config.object("--config-json"))
                let service = try await ClientSession.run(client) { client, _ in try await client.createAnalysisService(create) }
                try Render.one(service, json: output.json)
            }
        }

        struct Patch: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change some fields of an analysis service; the rest stay as they are.",
                discussion: "--config-json is merged into the service's configuration; --config-json null clears it, --clear-name clears the name.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Argument(help: "The service id.") var id: Int
            @Option(help: "New name.") var name: String?
            @Flag(name: .customLong("clear-name"), help: "Set the name to null.") var clearName = false
            @Option(help: ArgumentHelp("Enable (true) or disable (false) it.", valueName: "bool")) var enabled: Bool?
            @Option(
                name: .customLong("config-json"), help: ArgumentHelp("Configuration keys to merge, as a JSON object (or null).", valueName: "json"))
            var config: JSONArgument?

            var patch: AnalysisServicePatch {
                get throws {
                    let name: PatchField<String> = clearName ? .clear : self.name.map(PatchField.set) ?? .keep
                    let config: PatchField<[String: JSONValue]> =
                        switch config?.value {
                        case nil: .keep
                        case .null?: .clear
                        default: .set(try config?.object("--config-json") ?? [:])
                        }
                    return AnalysisServicePatch(name: name, enabled: enabled.map(PatchField.set) ?? .keep, config: config)
                }
            }

            func validate() throws {
                if clearName, name != nil { throw ValidationError("Give --name or --clear-name, not both.") }
                if try !patch.name.isSent, try !patch.enabled.isSent, try !patch.config.isSent {
                    throw ValidationError("Give at least one of --name, --clear-name, --enabled or --config-json.")
                }
            }

            func run() async throws {
                let (id, patch) = (AnalysisServiceID(id), try patch)
                let service = try await ClientSession.run(client) { client, _ in try await client.patchAnalysisService(id, patch) }
                try Render.one(service, json: output.json)
            }
        }

        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete an analysis service and its tasks.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Argument(help: "The service id.") var id: Int

            func run() async throws {
                let id = AnalysisServiceID(id)
                try await ClientSession.run(client) { client, _ in try await client.deleteAnalysisService(id) }
                try Render.deleted(
                    "analysis service \(id)", DeletionResult(json: ["id": .number(Double(id.rawValue)), "deleted": true]), json: output.json)
            }
        }
    }

    /// `pixel analysis tasks list|create|delete|run|revoke --service S`.
    struct Tasks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tasks", abstract: "List, create, delete, run and revoke the tasks of an analysis service.",
            subcommands: [List.self, Create.self, Delete.self, Run.self, Revoke.self])

        /// `--service S` and the task id.
        struct Task: ParsableArguments {
            @Option(help: "The analysis service id.") var service: Int
            @Argument(help: "The task id.") var id: Int

            var ids: (AnalysisServiceID, AnalysisTaskID) { (AnalysisServiceID(service), AnalysisTaskID(id)) }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the tasks of an analysis service.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "The analysis service id.") var service: Int
            @Option(help: "Only tasks with this name.") var name: String?
            @Option(name: .customLong("id"), help: ArgumentHelp("Only this task (repeatable).", valueName: "id")) var ids: [Int] = []
            @Option(help: ArgumentHelp("Only tasks in this state: REVOKED, PENDING, SCHEDULED, RUNNING, SUCCESS or FAILED.", valueName: "status"))
            var status: String?
            @OptionGroup var pages: PageOptions

            func validate() throws {
                if let status, case .unknown = AnalysisTaskStatus(rawValue: status.uppercased()) {
                    throw ValidationError("--status must be REVOKED, PENDING, SCHEDULED, RUNNING, SUCCESS or FAILED; got '\(status)'.")
                }
            }

            func run() async throws {
                let (service, filters, paging) = (AnalysisServiceID(service), Filters(name: name, tags: [], ids: ids), pages.paging)
                let status = status.map { AnalysisTaskStatus(rawValue: $0.uppercased()) }
                let tasks = try await ClientSession.run(client) { client, _ in
                    try await paging.fetch { offset, limit in
                        try await client.listAnalysisTasks(
                            service, AnalysisTaskListParams(filters.params(offset: offset, limit: limit), status: status))
                    }
                }
                try Render.list(tasks, json: output.json)
            }
        }

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a task (PENDING until run).")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "The analysis service id.") var service: Int
            @Option(help: "The task name (default: the server's).") var name: String?
            @Option(help: ArgumentHelp("The task parameters as a JSON object.", valueName: "json")) var params: JSONArgument

            func validate() throws { _ = try params.object("--params") }

            func run() async throws {
                let (service, create) = (AnalysisServiceID(service), AnalysisTaskCreate(name: name, params: try params.object("--params")))
                let task = try await ClientSession.run(client) { client, _ in try await client.createAnalysisTask(service, create) }
                try Render.one(task, json: output.json)
            }
        }

        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete a task.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var task: Task

            func run() async throws {
                let (service, id) = task.ids
                try await ClientSession.run(client) { client, _ in try await client.deleteAnalysisTask(service, id) }
                try Render.deleted(
                    "analysis task \(id)", DeletionResult(json: ["id": .number(Double(id.rawValue)), "deleted": true]), json: output.json)
            }
        }

        struct Run: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Schedule a task to run.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var task: Task

            func run() async throws {
                let (service, id) = task.ids
                let scheduled = try await ClientSession.run(client) { client, _ in try await client.runAnalysisTask(service, id) }
                try Render.one(scheduled, json: output.json)
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a pending, scheduled or running task.")
            @OptionGroup var client: ClientOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var task: Task

            func run() async throws {
                let (service, id) = task.ids
                let revoked = try await ClientSession.run(client) { client, _ in try await client.revokeAnalysisTask(service, id) }
                try Render.one(revoked, json: output.json)
            }
        }
    }
}

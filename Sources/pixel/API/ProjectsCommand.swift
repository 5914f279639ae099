import ArgumentParser
import PixelClient

/// `pixel projects list|get|create|update|delete|restore|move`.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "List, read, create, change, delete, restore and move projects.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self, Restore.self, Move.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List projects.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var pages: PageOptions
        @Flag(help: "List deleted (restorable) projects instead.") var deleted = false

        func run() async throws {
            let (filters, paging, deleted) = (filters.filters, pages.paging, deleted)
            let projects = try await ClientSession.run(client) { client, _ in
                try await paging.fetch { offset, limit in
                    let params: ProjectListParams = filters.params(offset: offset, limit: limit)
                    if deleted { return try await client.listDeletedProjects(params) }
                    return try await client.listProjects(params)
                }
            }
            try Render.list(projects, json: output.json)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The project id.") var id: Int
        @Flag(help: "Include child projects and data collections (in --json).") var extended = false

        func run() async throws {
            let (id, extended) = (ProjectID(id), extended)
            let project = try await ClientSession.run(client) { client, _ in try await client.getProject(id, extended: extended) }
            try Render.one(project, json: output.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The project name.") var name: String
        @Option(help: "A description.") var description: String = ""
        @Option(help: ArgumentHelp("Area of interest as min-lon,min-lat,max-lon,max-lat (WGS 84).", valueName: "bbox"))
        var bbox: BoundingBox
        @Option(help: "Create it under this project.") var parent: Int?
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []

        func run() async throws {
            let create = ProjectCreate(
                name: name, description: description, areaOfInterest: bbox.polygon, parentProjectID: parent.map { ProjectID($0) },
                tags: tags.isEmpty ? nil : tags)
            let project = try await ClientSession.run(client) { client, _ in try await client.createProject(create) }
            try Render.one(project, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a project's name, description or tags.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The project id.") var id: Int
        @Option(help: "New name.") var name: String?
        @Option(help: "New description.") var description: String?
        @Option(help: ArgumentHelp("New area of interest.", valueName: "bbox")) var bbox: BoundingBox?
        @OptionGroup var tags: TagChanges

        func run() async throws {
            let update = ProjectUpdate(
                name: name, description: description, areaOfInterest: bbox?.polygon, addTags: tags.additions, removeTags: tags.removals)
            let id = ProjectID(id)
            let project = try await ClientSession.run(client) { client, _ in try await client.updateProject(id, update) }
            try Render.one(project, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a project (it can be restored).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The project id.") var id: Int

        func run() async throws {
            let id = ProjectID(id)
            let result = try await ClientSession.run(client) { client, _ in try await client.deleteProject(id) }
            try Render.deleted("project \(id)", result, json: output.json)
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Restore a deleted project.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The project id.") var id: Int

        func run() async throws {
            let id = ProjectID(id)
            let project = try await ClientSession.run(client) { client, _ in try await client.restoreProject(id) }
            try Render.one(project, json: output.json)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a project under another one, or to the top level.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The project id.") var id: Int
        @Option(name: .customLong("to-parent"), help: "The new parent project.") var parent: Int?
        @Flag(name: .customLong("to-root"), help: "Move it to the top level.") var root = false

        func validate() throws {
            guard (parent != nil) != root else { throw ValidationError("Give exactly one of --to-parent or --to-root.") }
        }

        func run() async throws {
            let destination: ProjectDestination = parent.map { .project(ProjectID($0)) } ?? .root
            let id = ProjectID(id)
            let project = try await ClientSession.run(client) { client, _ in try await client.moveProject(id, to: destination) }
            try Render.one(project, json: output.json)
        }
    }
}

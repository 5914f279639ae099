import ArgumentParser
import Foundation
import PixelClient
import Settings

/// `pixel users me|plugins|create|update`. Passwords are read from an environment variable
/// named on the command line, never taken as arguments, and never printed.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Show the signed-in user and the tenant's plugins; create and update OIDC users.",
        subcommands: [Me.self, Plugins.self, Create.self, Update.self]
    )

    /// `--user-type creator|superuser|viewer`.
    static func userType(_ text: String?) throws -> UserType? {
        guard let text else { return nil }
        let type = UserType(rawValue: text)
        if case .unknown = type { throw ValidationError("--user-type must be creator, superuser or viewer; got '\(text)'.") }
        return type
    }

    /// The password in the environment variable `name`, or a usage error naming the variable.
    static func password(from name: String?) throws -> Secret<String>? {
        guard let name else { return nil }
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw CLIFailure.usage("--password-env names \(name), which is not set in the environment.")
        }
        return Secret(value)
    }

    struct Me: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the signed-in user (with --extended, their projects too, in --json).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Include the user's projects.") var extended = false

        func run() async throws {
            let extended = extended
            let user = try await ClientSession.run(client) { client, _ in try await client.me(extended: extended) }
            try Render.one(user, json: output.json)
        }
    }

    struct Plugins: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tenant's plugins.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let plugins = try await ClientSession.run(client) { client, _ in try await client.getPlugins() }
            try Render.list(plugins, json: output.json)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an OIDC user; the password comes from --password-env NAME.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("first-name"), help: "First name.") var firstName: String
        @Option(name: .customLong("last-name"), help: "Last name.") var lastName: String
        @Option(help: "E-mail address (the user name).") var email: String
        @Option(name: .customLong("password-env"), help: ArgumentHelp("The environment variable holding the password.", valueName: "name"))
        var passwordVariable: String
        @Option(name: .customLong("user-type"), help: ArgumentHelp("creator, superuser or viewer.", valueName: "type")) var userType: String
        @Flag(help: "Create the user disabled.") var disabled = false

        func validate() throws { _ = try UsersCommand.userType(userType) }

        func run() async throws {
            guard let password = try UsersCommand.password(from: passwordVariable), let type = try UsersCommand.userType(userType) else { return }
            let create = OIDCUserCreate(
                firstName: firstName, lastName: lastName, email: email, password: password, enabled: !disabled, userType: type)
            let user = try await ClientSession.run(client) { client, _ in try await client.createOIDCUser(create) }
            try Render.one(user, json: output.json)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an OIDC user; fields not given stay as they are.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The user id.") var id: Int
        @Option(name: .customLong("first-name"), help: "New first name.") var firstName: String?
        @Option(name: .customLong("last-name"), help: "New last name.") var lastName: String?
        @Option(name: .customLong("password-env"), help: ArgumentHelp("The environment variable holding a new password.", valueName: "name"))
        var passwordVariable: String?
        @Option(name: .customLong("user-type"), help: ArgumentHelp("creator, superuser or viewer.", valueName: "type")) var userType: String?
        @Option(help: ArgumentHelp("Enable (true) or disable (false) the user.", valueName: "bool")) var enabled: Bool?

        func validate() throws {
            _ = try UsersCommand.userType(userType)
            if firstName == nil, lastName == nil, passwordVariable == nil, userType == nil, enabled == nil {
                throw ValidationError("Give at least one of --first-name, --last-name, --password-env, --user-type or --enabled.")
            }
        }

        func run() async throws {
            let update = OIDCUserUpdate(
                firstName: firstName, lastName: lastName, password: try UsersCommand.password(from: passwordVariable),
                enabled: enabled, userType: try UsersCommand.userType(userType))
            let id = UserID(id)
            let user = try await ClientSession.run(client) { client, _ in try await client.updateOIDCUser(id, update) }
            try Render.one(user, json: output.json)
        }
    }
}

/// `pixel upload-jobs list`: the upload jobs of a data collection.
struct UploadJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload-jobs", abstract: "Look at the upload jobs of a data collection.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List upload jobs, with their status, result and detail.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var location: CollectionArguments
        @Option(name: .customLong("id"), help: ArgumentHelp("Only this upload job (repeatable).", valueName: "id")) var ids: [Int] = []
        @OptionGroup var pages: PageOptions

        func run() async throws {
            let ((p, dc), ids, paging) = (location.ids, ids.isEmpty ? nil : ids.map { UploadJobID($0) }, pages.paging)
            let jobs = try await ClientSession.run(client) { client, _ in
                try await paging.fetch { offset, limit in
                    try await client.getUploadJobs(project: p, dataCollection: dc, ids: ids, offset: offset, limit: limit)
                }
            }
            try Render.list(jobs, json: output.json)
        }
    }
}

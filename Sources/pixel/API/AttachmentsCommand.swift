import ArgumentParser
import PixelClient

/// `pixel attachments list|add|move|delete`: files attached to a project, data collection or image.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "List, add (upload), move and delete attachments of projects, data collections and images.",
        subcommands: [List.self, Add.self, Move.self, Delete.self]
    )

    /// `--on project --id 42`.
    struct Target: ParsableArguments {
        @Option(help: ArgumentHelp("What the attachments belong to: project, data_collection or image.", valueName: "kind"))
        var on: String
        @Option(help: "Its id.") var id: Int

        func validate() throws {
            _ = try AttachmentsCommand.resourceType(on, "--on")
        }

        var target: AttachmentTarget { AttachmentTarget(resourceType: AttachmentResourceType(rawValue: on), resourceID: id) }
    }

    /// `project`, `data_collection` or `image` from `--on`/`--to`, or a usage error naming `option`.
    static func resourceType(_ text: String, _ option: String) throws -> AttachmentResourceType {
        let type = AttachmentResourceType(rawValue: text)
        if case .unknown = type { throw ValidationError("\(option) must be project, data_collection or image; got '\(text)'.") }
        return type
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List attachments.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp("Only attachments in this state: Pending or Completed.", valueName: "status")) var status: String?

        func validate() throws {
            if let status, case .unknown = AttachmentStatus(rawValue: status) {
                throw ValidationError("--status must be Pending or Completed; got '\(status)'.")
            }
        }

        func run() async throws {
            let (target, status) = (self.target.target, status.map(AttachmentStatus.init(rawValue:)))
            let attachments = try await ClientSession.run(client) { client, _ in try await client.listAttachments(target, status: status) }
            try Render.list(attachments, json: output.json)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upload files as attachments (progress on stderr).")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target
        @Option(help: "A description for every file.") var description: String = ""
        @Argument(help: "The files.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to attach.") }
        }

        func run() async throws {
            let target = self.target.target
            let uploads = files.map { AttachmentUpload($0, description: description) }
            let result = try await ClientSession.run(client) { client, _ in
                try await UploadProgress.show(on: .standardError) { progress in
                    try await client.addAttachments(target, uploads, progress: progress)
                }
            }
            try Render.uploaded(result, of: uploads.count, json: output.json)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an attachment to another project, data collection or image.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target
        @Argument(help: "The attachment id.") var attachment: Int
        @Option(name: .customLong("to"), help: ArgumentHelp("What it moves to: project, data_collection or image.", valueName: "kind"))
        var toType: String
        @Option(name: .customLong("to-id"), help: "Its id.") var toID: Int

        func validate() throws { _ = try AttachmentsCommand.resourceType(toType, "--to") }

        func run() async throws {
            let (target, id) = (self.target.target, AttachmentID(attachment))
            let destination = AttachmentTarget(resourceType: try AttachmentsCommand.resourceType(toType, "--to"), resourceID: toID)
            let moved = try await ClientSession.run(client) { client, _ in try await client.moveAttachment(target, id: id, to: destination) }
            try Render.one(moved, json: output.json)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an attachment.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target
        @Argument(help: "The attachment id.") var attachment: Int

        func run() async throws {
            let (target, id) = (self.target.target, AttachmentID(attachment))
            let result = try await ClientSession.run(client) { client, _ in try await client.deleteAttachment(target, id: id) }
            try Render.deleted("attachment \(id)", result, json: output.json)
        }
    }
}

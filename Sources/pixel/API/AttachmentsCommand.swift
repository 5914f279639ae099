import ArgumentParser
import PixelClient

/// `pixel attachments list|add|delete`: files attached to a project, data collection or image.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "List, add (upload) and delete attachments of projects, data collections and images.",
        subcommands: [List.self, Add.self, Delete.self]
    )

    /// `--on project --id 42`.
    struct Target: ParsableArguments {
        @Option(help: ArgumentHelp("What the attachments belong to: project, data_collection or image.", valueName: "kind"))
        var on: String
        @Option(help: "Its id.") var id: Int

        func validate() throws {
            if case .unknown = AttachmentResourceType(rawValue: on) {
                throw ValidationError("--on must be project, data_collection or image; got '\(on)'.")
            }
        }

        var target: AttachmentTarget { AttachmentTarget(resourceType: AttachmentResourceType(rawValue: on), resourceID: id) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List attachments.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: Target

        func run() async throws {
            let target = self.target.target
            let attachments = try await ClientSession.run(client) { client, _ in try await client.listAttachments(target) }
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

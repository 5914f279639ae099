import ArgumentParser
import PixelClient

/// `pixel jobs get|wait`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Look at server-side jobs and wait for them.",
        subcommands: [Get.self, Wait.self]
    )

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The job id.") var id: Int

        func run() async throws {
            let id = JobID(id)
            let job = try await ClientSession.run(client) { client, _ in try await client.getJob(id) }
            try Render.one(job, json: output.json)
        }
    }

    struct Wait: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Wait until a job completes (exit 1 if it failed or the time ran out; Ctrl-C stops waiting)."
        )
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The job id.") var id: Int
        @Option(help: "Give up after this many seconds.") var timeout: Int = 600

        func validate() throws {
            if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        }

        func run() async throws {
            let (id, timeout) = (JobID(id), Duration.seconds(timeout))
            let job = try await ClientSession.run(client) { client, _ in try await client.waitForJob(id, timeout: timeout) }
            try Render.one(job, json: output.json)
        }
    }
}

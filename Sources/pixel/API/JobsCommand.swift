import ArgumentParser
import PixelClient

/// `pixel jobs get|wait|group|wait-group`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Look at server-side jobs and job groups and wait for them.",
        subcommands: [Get.self, Wait.self, Group.self, WaitGroup.self]
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

    struct Group: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job group: how many of its jobs succeeded and failed.")
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The job group id.") var id: Int

        func run() async throws {
            let id = JobGroupID(id)
            let group = try await ClientSession.run(client) { client, _ in try await client.getJobGroup(id) }
            try Render.one(group, json: output.json)
        }
    }

    struct WaitGroup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wait-group",
            abstract: "Wait until a job group completes (exit 1 if any job failed, with --allow-failures only if the time ran out)."
        )
        @OptionGroup var client: ClientOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The job group id.") var id: Int
        @Option(help: "Give up after this many seconds.") var timeout: Int = 1200
        @Flag(name: .customLong("allow-failures"), help: "Print the group even when some of its jobs failed.") var allowFailures = false

        func validate() throws {
            if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        }

        func run() async throws {
            let (id, timeout, fail) = (JobGroupID(id), Duration.seconds(timeout), !allowFailures)
            let group = try await ClientSession.run(client) { client, _ in
                try await client.waitForJobGroup(id, timeout: timeout, failOnJobFailure: fail)
            }
            try Render.one(group, json: output.json)
        }
    }
}

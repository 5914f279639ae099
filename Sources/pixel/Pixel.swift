import ArgumentParser
import Foundation

/// The `pixel` command line: settings diagnostics, sign-in, the API, uploads with progress, the
/// local emulator and a guided demo.
///
/// Exit codes: 0 success, 1 runtime or API error, 2 usage or configuration error, 130 after
/// Ctrl-C. Errors go to stderr as one paragraph, without stack traces or secrets.
@main
struct Pixel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pixel",
        abstract: "Work with the Geodata Pixel API, its settings and its local emulator.",
        discussion: "Start with `pixel demo`: it needs no account and no configuration.",
        subcommands: [
            DemoCommand.self, ConfigCommand.self, AuthCommand.self, UsersCommand.self,
            ProjectsCommand.self, CollectionsCommand.self, ImagesCommand.self, RastersCommand.self, PointCloudsCommand.self,
            UploadJobsCommand.self, OptimizedRastersCommand.self, OptimizedPointCloudsCommand.self,
            AttachmentsCommand.self, SearchCommand.self, JobsCommand.self,
            ArcGISCommand.self, HarvestCommand.self, AnalysisCommand.self,
            EmulatorCommand.self, DotEnvCommand.self,
        ]
    )

    /// ArgumentParser's `main()`, with this CLI's exit codes and error rendering (``ErrorReport``).
    static func main() async {
        let status: Int32
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = 0
        } catch {
            status = ErrorReport.report(error, command: Pixel.self)
        }
        Foundation.exit(status)
    }
}

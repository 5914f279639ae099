import ArgumentParser
import Foundation
import PixelClient

/// `async`: PixelClient's async client as users get it (`getClient(async:settings:)`), `inFlight`
/// tasks calling `me()` or `getProject(_:)` in a closed loop.
struct AsyncClientLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(commandName: "async", abstract: "PixelClient's async client, N tasks in a closed loop.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var shape: LoadShape

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let client = try getClient(async: .async, settings: server.settings)
        let (target, project) = (shape.target, ProjectID(shape.projectID))
        let results = await runAsyncClosedLoop(phases: shape.phases, inFlight: shape.inFlight) {
            switch target {
            case .me: _ = try await client.me()
            case .project: _ = try await client.getProject(project)
            }
        }
        await client.close()
        try shape.report(client: "PixelClient async", server: server, results)
    }
}

/// `blocking`: PixelClient's blocking client (`getClient(settings:)`) called from `inFlight`
/// plain threads in a closed loop.
struct BlockingClientLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "blocking", abstract: "PixelClient's blocking client from N plain threads in a closed loop.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var shape: LoadShape

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let client = try getClient(settings: server.settings)
        let (target, project) = (shape.target, ProjectID(shape.projectID))
        let results = await runThreadedClosedLoop(phases: shape.phases, threads: shape.inFlight) {
            switch target {
            case .me: _ = try client.me()
            case .project: _ = try client.getProject(project)
            }
        }
        await client.async.close()
        try shape.report(client: "PixelClient blocking", server: server, results)
    }
}

/// `setup`: creates the project that `--target project` reads and prints its id.
struct SetUpFixtures: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(commandName: "setup", abstract: "Create the project the project target reads; print its id.")

    @OptionGroup var server: ServerOptions

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let client = try PixelAsyncClient(settings: server.settings)
        let area = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
        let project = try await client.createProject(
            name: "Request benchmark", description: "The project every --target project request reads.", areaOfInterest: area,
            tags: ["benchmark", "requests"])
        await client.close()
        print(#"{"kind": "fixtures", "project_id": \#(project.id.rawValue)}"#)
    }
}

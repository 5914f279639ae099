import ArgumentParser
import Foundation
import PixelClient

/// `async`: PixelClient's async client as users get it (`getClient(async:settings:)`), `inFlight`
/// tasks calling `me()` or `getProject(_:)` in a closed loop.
struct AsyncClientLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(commandName: "async", abstract: "PixelClient's async client, N tasks in a closed loop.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var shape: LoadShape

    static let name = "PixelClient async"

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let client = try getClient(async: .async, settings: server.settings)
        let results = await runAsyncClosedLoop(phases: shape.phases, inFlight: shape.inFlight, Self.operation(client, shape))
        await client.close()
        try shape.report(client: Self.name, server: server, results)
    }

    /// One call as users make it: `me()` or `getProject(_:)`, the model decoded and dropped.
    static func operation(_ client: PixelAsyncClient, _ shape: LoadShape) -> @Sendable () async throws -> Void {
        let (target, project) = (shape.target, ProjectID(shape.projectID))
        return {
            switch target {
            case .me: _ = try await client.me()
            case .project: _ = try await client.getProject(project)
            }
        }
    }
}

/// `pair`: the bare AsyncHTTPClient loop and PixelClient's async client in one process, taking
/// turns phase by phase (the warm-up, then each measured slice), so that both are measured within
/// the same second or so and a change in the machine's speed hits them alike. The order swaps
/// every slice (bare first, then ours first, …), so a steady drift cancels too. Prints one report
/// per client, with one figure per slice.
struct PairedClientLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(
        commandName: "pair", abstract: "The bare AsyncHTTPClient loop and PixelClient async, taking turns slice by slice.")

    @OptionGroup var server: ServerOptions
    @OptionGroup var shape: LoadShape

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let client = try getClient(async: .async, settings: server.settings)
        let bare: BareLoop
        do {
            bare = try await BareLoop(server: server, shape: shape)
        } catch {
            await client.close()
            throw error
        }
        let ours = AsyncClientLoad.operation(client, shape)
        var (bareResults, ourResults): ([PhaseResult], [PhaseResult]) = ([], [])
        for (index, phase) in shape.phases.enumerated() {
            if index.isMultiple(of: 2) {
                bareResults += await runAsyncClosedLoop(phases: [phase], inFlight: shape.inFlight, bare.operation)
                ourResults += await runAsyncClosedLoop(phases: [phase], inFlight: shape.inFlight, ours)
            } else {
                ourResults += await runAsyncClosedLoop(phases: [phase], inFlight: shape.inFlight, ours)
                bareResults += await runAsyncClosedLoop(phases: [phase], inFlight: shape.inFlight, bare.operation)
            }
        }
        await client.close()
        try await bare.shutdown()
        try shape.report(client: BareLoop.name, server: server, bareResults, slices: true)
        try shape.report(client: AsyncClientLoad.name, server: server, ourResults, slices: true)
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

import Foundation
import NIOConcurrencyHelpers
import PixelClient
import PixelEmulator
import Settings
import Testing

/// Many requests, 64 in flight, against an emulator that keeps failing in every way it can, while
/// the default settings flip. Every request either succeeds or fails with a typed error, no POST
/// is ever sent twice, and everything the registry opened is closed again afterwards.
///
/// The suite runs a short soak; `scripts/fault-soak` runs the full one (`PIXEL_SOAK_REQUESTS`,
/// `PIXEL_SOAK_FLIPS`) and prints the figures RELIABILITY.md records.
@Suite(.serialized) struct FaultSoakTests {
    static let requests = Int(ProcessInfo.processInfo.environment["PIXEL_SOAK_REQUESTS"] ?? "") ?? 1_000
    static let flips = Int(ProcessInfo.processInfo.environment["PIXEL_SOAK_FLIPS"] ?? "") ?? 100
    static let inFlight = 64

    /// What happened to every request.
    final class Tally: Sendable {
        private let counts = NIOLockedValueBox<[String: Int]>([:])
        let attempted = NIOLockedValueBox(0)
        let created = NIOLockedValueBox<[String]>([])

        func record(_ outcome: String) { counts.withLockedValue { $0[outcome, default: 0] += 1 } }
        var all: [String: Int] { counts.withLockedValue { $0 } }
        var succeeded: Int { all["succeeded", default: 0] }
    }

    /// Keeps the emulator failing: 5xx, resets and delays on every kind of route, expired access
    /// tokens and revoked refresh tokens, until the soak ends. A round of faults goes in for every
    /// 7 requests started, not per unit of time, so a slow run (a loaded machine, ThreadSanitizer)
    /// sees the same mix as a fast one instead of a growing backlog of faults.
    private func injectFaults(_ emulator: PixelEmulator, until done: NIOLockedValueBox<Bool>, started: NIOLockedValueBox<Int>) async {
        var round = 0
        while !done.withLockedValue({ $0 }), !Task.isCancelled {
            guard started.withLockedValue({ $0 }) >= round * 7 else {
                try? await Task.sleep(for: .milliseconds(2))
                continue
            }
            round += 1
            let faults = emulator.faults
            faults.failNext(2, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .connectionReset)
            faults.failNext(1, method: "PUT", pathPrefix: "/demo/projects/", with: .status(502))
            faults.failNext(1, method: "POST", pathPrefix: "/demo/projects/", with: .connectionReset)
            faults.failNext(1, method: "POST", pathPrefix: "/demo/projects/", with: .status(500))
            faults.failNext(2, method: "GET", pathPrefix: "/demo/", with: .delay(.milliseconds(20)))
            faults.failNext(1, method: "POST", pathPrefix: "/_store/post/", with: .status(503))
            if round.isMultiple(of: 20) { faults.expireAllAccessTokens() }
            if round.isMultiple(of: 30) { faults.revokeRefreshTokens() }
        }
        emulator.faults.clear()
    }

    /// One request of the mix: reads, creates, updates and small uploads.
    private func oneRequest(
        _ number: Int, client: PixelAsyncClient, project: ProjectID, collection: DataCollectionID, files: [URL], tally: Tally
    ) async {
        tally.attempted.withLockedValue { $0 += 1 }
        do {
            switch number % 10 {
            case 0, 1, 2:
                _ = try await client.listProjects(ProjectListParams(limit: 5))
            case 3:
                _ = try await client.me()
            case 4, 5:
                let name = "soak-\(number)"
                tally.created.withLockedValue { $0.append(name) }
                _ = try await client.createProject(name: name, description: "", areaOfInterest: testArea)
            case 6, 7:
                _ = try await client.updateProject(project, ProjectUpdate(description: "soak \(number)"))
            case 8:
                _ = try await client.getProject(project)
            default:
                _ = try await client.uploadImage(
                    project: project, dataCollection: collection, UploadFile(files[number % files.count]), mode: .singlePart,
                    options: .testing())
            }
            tally.record("succeeded")
        } catch {
            // Every client call throws `PixelError` and nothing else (typed throws): an untyped
            // failure cannot happen, the compiler checks it.
            tally.record("failed \(error.code)")
        }
    }

    @Test func everyRequestSucceedsOrFailsTypedAndNothingIsSentTwiceOrLeftOpen() async throws {
        let directory = try TemporaryDirectory()
        let files = try (0..<32).map { try directory.file("soak-\($0).jpg", size: 4_096, seed: 700 + UInt64($0)) }
        try await PixelEmulator.withRunning(.testing { $0.jobPollsUntilComplete = 0 }) { emulator in
            try await withFactoryTempDirectory { settingsDirectory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(
                    configuration: .testing(environment: environment, directory: settingsDirectory) { $0.gracePeriod = TestTime.scaled(.seconds(60)) }
                )
                let setup = try registry.asyncClient()
                let (project, collection) = try await setup.makeCollection(.image, name: "Soak")
                let connectionsBefore = openConnectionDescriptors(port: emulator.port)
                let memoryBefore = residentBytes()
                let tally = Tally()
                let done = NIOLockedValueBox(false)
                let next = NIOLockedValueBox(0)
                let started = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await injectFaults(emulator, until: done, started: tally.attempted) }
                    try await withThrowingTaskGroup(of: Void.self) { work in
                        for worker in 0..<Self.inFlight {
                            work.addTask {
                                // Half keep one client across the flips, half ask the registry each time.
                                let held = try registry.asyncClient()
                                while true {
                                    let number = next.withLockedValue { next in
                                        defer { next += 1 }
                                        return next
                                    }
                                    guard number < Self.requests else { return }
                                    let client = worker.isMultiple(of: 2) ? held : try registry.asyncClient()
                                    await oneRequest(
                                        number, client: client, project: project, collection: collection, files: files, tally: tally)
                                }
                            }
                        }
                        work.addTask {
                            for flip in 0..<Self.flips {
                                environment["PIXEL_API_TIMEOUT"] = flip.isMultiple(of: 2) ? "31" : "30"
                                _ = try registry.asyncClient()
                                // Spread the flips over the run.
                                while next.withLockedValue({ $0 }) < (flip + 1) * Self.requests / (Self.flips + 1) {
                                    try await Task.sleep(for: .milliseconds(2))
                                }
                            }
                        }
                        try await work.waitForAll()
                    }
                    done.withLockedValue { $0 = true }
                    try await group.waitForAll()
                }
                let elapsed = ContinuousClock.now - started
                let drainStarted = ContinuousClock.now
                try await registry.shutdown()
                let drained = ContinuousClock.now - drainStarted

                // Duplicated POSTs: a project name created more than once on the server.
                let reader = try PixelAsyncClient(settings: testSettings(emulator), options: .testing(), hooks: .testing())
                let names = try await reader.paginateProjects(pageSize: 500).reduce(into: [String: Int]()) { $0[$1.name, default: 0] += 1 }
                await reader.close()
                let duplicated = names.filter { $0.key.hasPrefix("soak-") && $0.value > 1 }.count
                let connectionsLeft =
                    await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 } ? 0 : openConnectionDescriptors(port: emulator.port)
                let memoryAfter = residentBytes()
                let outcomes = tally.all.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                print(
                    """
                    fault soak: \(tally.attempted.withLockedValue { $0 }) attempted, \(tally.succeeded) succeeded; \(outcomes); \
                    \(Self.flips) flips, \(registry.statistics.constructions) generations; \(emulator.faults.totalInjected) faults injected; \
                    POSTs duplicated: \(duplicated); connections before \(connectionsBefore), after \(connectionsLeft); \
                    RSS \(memoryBefore >> 20) MiB → \(memoryAfter >> 20) MiB; \(elapsed) for the requests, drained in \(drained)
                    """)
                #expect(tally.attempted.withLockedValue { $0 } == Self.requests)
                #expect(tally.all.values.reduce(0, +) == Self.requests, "every request accounted for")
                // Roughly half succeed with this fault mix (random, so the count varies from run to
                // run); a quarter is far enough below to never flake and still catches a client
                // that fails what it should have retried.
                #expect(tally.succeeded > Self.requests / 4, "\(outcomes)")
                #expect(emulator.faults.totalInjected > 0)
                #expect(duplicated == 0)
                #expect(connectionsLeft == 0)
                #expect(registry.statistics.constructions > Self.flips / 2)
            }
        }
    }
}

import Foundation
import NIOConcurrencyHelpers
import PixelClient
import PixelClientTesting
import PixelEmulator
import Settings
import Testing

/// What a registry promises beyond handing out clients: options in the key, nothing kept after
/// shutdown or release, events a subscriber can rely on, and prompting once for everyone.
@Suite struct RegistryRulesTests {
    // MARK: - Options are part of the key

    @Test func theSameSettingsWithOtherOptionsGetAnotherClientAndEqualOptionsTheSame() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let patient = PixelClientOptions.testing { $0.apiTimeout = .seconds(60) }
            let plain = try registry.asyncClient(settings: settings).core
            let first = try registry.asyncClient(settings: settings, options: patient).core
            let again = try registry.client(settings: settings, options: patient).core
            #expect(first === again)
            #expect(first !== plain)
            #expect(first.settings.apiTimeout == .seconds(60), "the override applies")
            #expect(plain.settings.apiTimeout == TestTime.scaled(.seconds(10)))
            #expect(registry.statistics.constructions == 2)
            _ = try await registry.asyncClient(settings: settings, options: patient).me()
            try await registry.shutdown()
        }
    }

    @Test func defaultSettingsWithTwoOptionValuesFollowAChangeEach() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let quick = PixelClientOptions.testing { $0.retryAttempts = 1 }
                let standard = try registry.asyncClient().core
                let single = try registry.asyncClient(options: quick).core
                #expect(standard !== single)
                #expect(single.settings.retryAttempts == 1)
                environment["PIXEL_API_TIMEOUT"] = "12"
                let standardAfter = try registry.asyncClient().core
                let singleAfter = try registry.asyncClient(options: quick).core
                #expect(standardAfter !== standard && singleAfter !== single)
                #expect(standardAfter.settings.apiTimeout == .seconds(12))
                #expect(singleAfter.settings.apiTimeout == .seconds(12))
                #expect(singleAfter.settings.retryAttempts == 1)
                try await registry.shutdown()
            }
        }
    }

    // MARK: - Nothing stays reachable

    /// Weak references to what a registry built; all of them must end up `nil`.
    final class Watched: Sendable {
        private struct References {
            var cores: [@Sendable () -> PixelClientCore?] = []
            var registry: @Sendable () -> PixelClientRegistry? = { nil }
        }

        private let references = NIOLockedValueBox(References())

        func watch(_ core: PixelClientCore) { references.withLockedValue { $0.cores.append { [weak core] in core } } }
        func watch(_ registry: PixelClientRegistry) { references.withLockedValue { $0.registry = { [weak registry] in registry } } }
        var liveCores: Int { references.withLockedValue { $0.cores.filter { $0() != nil }.count } }
        var watchedCores: Int { references.withLockedValue { $0.cores.count } }
        var registryIsAlive: Bool { references.withLockedValue { $0.registry() != nil } }
    }

    /// Builds explicit and default clients (and a rebuild) in `registry`, uses them, and drops them.
    private func useAndDrop(_ registry: PixelClientRegistry, _ emulator: PixelEmulator, environment: TestEnvironment, watched: Watched) async throws {
        let explicit = try registry.asyncClient(settings: testSettings(emulator))
        let defaults = try registry.asyncClient()
        _ = try await explicit.me()
        _ = try await defaults.me()
        environment["PIXEL_API_TIMEOUT"] = "13"
        let rebuilt = try registry.asyncClient()
        _ = try await rebuilt.me()
        for core in [explicit.core, defaults.core, rebuilt.core] { watched.watch(core) }
    }

    @Test func afterShutdownNoCoreStaysReachable() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator, password: clientSentinelPassword)
                environment["PIXEL_USERNAME"] = "sentinel@example.com"
                let watched = Watched()
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                try await useAndDrop(registry, emulator, environment: environment, watched: watched)
                try await registry.shutdown()
                #expect(watched.watchedCores == 3)
                #expect(registry.statistics.entries == 0)
                #expect(await waitUntil { watched.liveCores == 0 }, "\(watched.liveCores) cores still reachable")
            }
        }
    }

    @Test func aReleasedRegistryAndItsCoresAreFreed() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let watched = Watched()
                do {
                    let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                    watched.watch(registry)
                    try await useAndDrop(registry, emulator, environment: environment, watched: watched)
                    // Let the rebuild's retired generation finish draining: that task holds the registry.
                    _ = await waitUntil { registry.statistics.draining == 0 }
                }
                #expect(await waitUntil { !watched.registryIsAlive }, "the registry is still reachable")
                #expect(await waitUntil { watched.liveCores == 0 }, "\(watched.liveCores) cores still reachable")
                #expect(await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 })
            }
        }
    }

    // MARK: - Events a subscriber can rely on

    @Test func aSlowSubscriberLosesOrdinaryEventsButNeverALifecycleEvent() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let slow = registry.events(bufferSize: 1)  // read only after everything happened
                for flip in 0..<20 {
                    environment["PIXEL_API_TIMEOUT"] = "\(20 + flip)"
                    _ = try registry.asyncClient()
                }
                try await registry.shutdown()
                var received: [PixelFactoryEvent] = []
                for await event in slow { received.append(event) }
                // 19 rebuilds retire and close 19 generations; shutdown the last one.
                #expect(received.filter(\.isRetired).count == 20)
                #expect(received.filter(\.isClosed).count == 20)
                #expect(received.filter(\.isShutDown).count == 1)
                #expect(slow.droppedCount > 0, "ordinary events (created, rebuilt) were dropped")
                #expect(received.filter { !$0.isLifecycleEvent }.count <= 1)
            }
        }
    }

    @Test func authenticationFailuresAndRetriesAreReportedAsEvents() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let log = RegistryEventLog(registry)
            let wrong = try registry.asyncClient(settings: testSettings(emulator, password: "not-the-password"))
            let failure = try await #require(throws: PixelError.self) { try await wrong.me() }
            #expect(failure.code == .authentication)
            #expect(
                await log.waitFor { event in
                    if case .client(let id, .authenticationFailed(let error)) = event {
                        id.generation >= 1 && error.code == .authentication
                    } else {
                        false
                    }
                })
            let good = try registry.asyncClient(settings: testSettings(emulator))
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            _ = try await good.listProjects()
            #expect(
                await log.waitFor { event in
                    if case .client(_, .requestRetried(let method, let url, let attempt, let reason)) = event {
                        method == "GET" && url.hasSuffix("/demo/projects/") && attempt == 2 && reason == "status 503"
                    } else {
                        false
                    }
                })
            #expect(!log.descriptions.joined().contains("not-the-password"))
            try await registry.shutdown()
        }
    }

    // MARK: - Prompting

    /// A prompt that holds its answer back until released, counting how often it was asked.
    final class GatedPrompt: CredentialPrompt {
        let canPrompt = true
        let requests = NIOLockedValueBox<[CredentialRequest]>([])
        private let gate = AsyncStream.makeStream(of: Void.self)

        func release() { gate.continuation.yield() }

        func ask(_ request: CredentialRequest) async throws(CredentialPromptError) -> PromptedCredentials {
            requests.withLockedValue { $0.append(request) }
            var iterator = gate.stream.makeAsyncIterator()
            _ = await iterator.next()
            return PromptedCredentials(password: Secret(clientSentinelPassword))
        }
    }

    @Test func concurrentCallersShareOnePromptThatNamesTheAccountAndIsNotRepeated() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                environment["PIXEL_USERNAME"] = "sentinel@example.com"
                environment["PIXEL_PASSWORD"] = nil
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let prompt = GatedPrompt()
                let cores = try await withThrowingTaskGroup(of: PixelClientCore.self) { group in
                    for _ in 0..<8 { group.addTask { try await registry.asyncClient(allowPrompt: true, prompt: prompt).core } }
                    #expect(await waitUntil { prompt.requests.withLockedValue { $0.count } == 1 })
                    prompt.release()
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(cores.count == 8)
                #expect(cores.allSatisfy { $0 === cores[0] })
                let requests = prompt.requests.withLockedValue { $0 }
                #expect(requests == [CredentialRequest(missing: [.password], username: "sentinel@example.com", tenant: "demo")])
                // Later callers get the remembered answer; the prompt is not shown again.
                let later = try await registry.asyncClient(allowPrompt: true, prompt: prompt)
                _ = try await later.me()
                #expect(prompt.requests.withLockedValue { $0.count } == 1)
                try await registry.shutdown()
            }
        }
    }

    @Test func theBlockingClientCanPromptFromAPlainThreadButNotInsideATask() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                environment["PIXEL_PASSWORD"] = nil
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let prompt = ScriptedCredentialPrompt(password: Secret("demo-password"))
                let email = try await onPlainThread { try registry.client(allowPrompt: true, prompt: prompt).me().email }
                #expect(email == "demo@example.com")
                #expect(prompt.requests.map(\.username) == ["demo@example.com"])
                let error = #expect(throws: PixelError.self) { try blockingPromptClient(registry, prompt) }
                #expect(error?.code == .syncCallInAsyncContext)
                try await registry.shutdown()
            }
        }
    }

    // MARK: - Blocking scope and close

    @Test func theBlockingScopeClosesOnlyWhatItCreated() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let other = testSettings(emulator) { $0.retryAttempts = 2 }
            let existing = try registry.asyncClient(settings: settings).core
            let (reused, built) = try await onPlainThread { () -> (PixelClientCore, PixelClientCore) in
                let reused = try registry.withBlockingClient(settings: settings) { client in
                    _ = try client.me()
                    return client.core
                }
                let built = try registry.withBlockingClient(settings: other) { client in
                    _ = try client.me()
                    return client.core
                }
                return (reused, built)
            }
            #expect(reused === existing)
            #expect(!existing.isClosed, "a client the scope did not build stays open")
            #expect(built.isClosed, "the client the scope built is closed when it ends")
            let error = #expect(throws: PixelError.self) { try blockingScope(registry, settings) }
            #expect(error?.code == .syncCallInAsyncContext)
            try await registry.shutdown()
        }
    }

    @Test func theBlockingCloseInsideATaskThrowsInsteadOfDoingNothing() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let client = try PixelClient(settings: testSettings(emulator), options: .testing(), hooks: .testing())
            let error = #expect(throws: PixelError.self) { try blockingClose(client) }
            #expect(error?.code == .syncCallInAsyncContext)
            #expect(client.core.lifecycleState == .open)
            await client.async.close()
        }
    }
}

// Blocking calls made from synchronous helpers, as code that does not know it runs in a task would.
private func blockingPromptClient(_ registry: PixelClientRegistry, _ prompt: any CredentialPrompt) throws -> PixelClient {
    try registry.client(allowPrompt: true, prompt: prompt)
}

private func blockingScope(_ registry: PixelClientRegistry, _ settings: PixelSettings) throws {
    try registry.withBlockingClient(settings: settings) { _ in }
}

private func blockingClose(_ client: PixelClient) throws {
    try client.close()
}

/// The registry that `getClient()` uses, and its default path; it is shared by the whole test
/// process, so these tests run one at a time.
@Suite(.serialized) struct SharedRegistryTests {
    @Test func theSharedRegistryCannotBeShutDownAndKeepsServing() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let settings = testSettings(emulator)
            let client = try getClient(async: .async, settings: settings, options: .testing())
            let error = await #expect(throws: PixelError.self) { try await PixelClientRegistry.shared.shutdown() }
            #expect(error?.code == .shutdownUnsupported)
            #expect(!PixelClientRegistry.shared.isShutDown)
            _ = try await client.me()
            let blocking = try await onPlainThread { try getClient(settings: settings, options: .testing()) }
            #expect(blocking.core === client.core, "the blocking and async forms share one core")
            let other = try getClient(async: .async, settings: settings, options: .testing { $0.retryAttempts = 1 })
            #expect(other.core !== client.core)
            await client.close()
            await other.close()
        }
    }

    /// The test process has no Pixel variables and its directory no `.env` or `pixel.yaml` (as on CI).
    static var processHasNoPixelSettings: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !environment.keys.contains(where: { $0.hasPrefix("PIXEL_") || $0.hasPrefix("KEYCLOAK_") })
            && !FileManager.default.fileExists(atPath: ".env") && !FileManager.default.fileExists(atPath: "pixel.yaml")
    }

    @Test(.enabled(if: processHasNoPixelSettings))
    func getClientWithoutSettingsReadsTheProcessDefaultsAndNamesWhatIsMissing() throws {
        let error = #expect(throws: SettingsError.self) { try getClient() }
        let missing = error?.problems.compactMap { problem -> String? in
            if case .missing(let field, _, _) = problem { field } else { nil }
        }
        #expect(missing == ["username", "password", "tenant"])
    }
}

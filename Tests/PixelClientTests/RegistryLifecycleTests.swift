import NIOConcurrencyHelpers
import Foundation
import Logging
import PixelClient
import PixelClientTesting
import PixelEmulator
import ServiceLifecycle
import Settings
import Synchronization
import Testing

@Suite struct RegistryLifecycleTests {
    @Test func withClientClosesOnlyWhatItCreated() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let scoped = try await registry.withClient(settings: settings) { client in
                _ = try await client.me()
                #expect(PixelClientContext.current?.core === client.core)
                return client
            }
            #expect(scoped.core.isClosed)
            #expect(registry.statistics.entries == 0)

            let existing = try registry.asyncClient(settings: settings)
            let inner = try await registry.withClient(settings: settings) { client in client }
            #expect(inner.core === existing.core)
            #expect(!existing.core.isClosed)
            _ = try await existing.me()
            try await registry.shutdown()
        }
    }

    @Test func aHolderClosingARegistryClientDoesNotBreakOtherHolders() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let first = try registry.asyncClient(settings: settings)
            let second = try registry.asyncClient(settings: settings)
            await first.close()
            // Python hands out the dead client after `with get_client()`; here the call is re-routed.
            _ = try await second.me()
            let again = try registry.asyncClient(settings: settings)
            #expect(again.core !== first.core)
            _ = try await again.me()
            try await registry.shutdown()
        }
    }

    @Test func shutdownClosesEverythingAndLaterCallsThrowATypedError() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let log = RegistryEventLog(registry)
            let client = try registry.asyncClient(settings: testSettings(emulator))
            _ = try await client.me()
            try await registry.shutdown()
            #expect(client.core.isClosed)
            #expect(registry.isShutDown)
            let error = try #require(throws: PixelError.self) { try registry.client(settings: testSettings(emulator)) }
            #expect(error.code == .registryShutDown)
            await log.finished()
            #expect(log.all.last?.isShutDown == true)
            try await registry.shutdown()  // idempotent
        }
    }

    @Test func evictionNeverClosesAClientWithRequestsInFlight() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing(), capacity: 1))
            let log = RegistryEventLog(registry)
            let busy = try registry.asyncClient(settings: testSettings(emulator) { $0.retryAttempts = 1 })
            _ = try await busy.me()
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .delay(TestTime.scaled(.milliseconds(500))))
            let slow = Task { try await busy.me() }
            #expect(await waitUntil { busy.core.inFlightRequestCount > 0 })
            let second = try registry.asyncClient(settings: testSettings(emulator) { $0.retryAttempts = 2 })
            #expect(registry.statistics.entries == 2)  // over capacity rather than evict the busy one
            #expect(!busy.core.isClosed)
            _ = try await slow.value
            // Now it is idle: the next insertion evicts the least recently used idle entry.
            let third = try registry.asyncClient(settings: testSettings(emulator) { $0.retryAttempts = 3 })
            #expect(await waitUntil { busy.core.isClosed && second.core.isClosed })
            #expect(registry.statistics.entries == 1)
            _ = try await third.me()
            // An evicted explicit client is rebuilt for its holder on the next call.
            _ = try await busy.me()
            #expect(log.all.contains { $0.isRetired })
            try await registry.shutdown()
        }
    }

    @Test func idleClientsExpire() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let clock = NIOLockedValueBox(ContinuousClock.now)
            let registry = PixelClientRegistry(
                configuration: .init(clientOptions: .testing(), hooks: .testing(), idleExpiry: .seconds(60), now: { clock.withLockedValue { $0 } }))
            let client = try registry.asyncClient(settings: testSettings(emulator))
            _ = try await client.me()
            registry.sweepIdle()  // records the use
            clock.withLockedValue { $0 = $0.advanced(by: .seconds(30)) }
            registry.sweepIdle()
            #expect(registry.statistics.entries == 1)
            clock.withLockedValue { $0 = $0.advanced(by: .seconds(61)) }
            registry.sweepIdle()
            #expect(registry.statistics.entries == 0)
            #expect(await waitUntil { client.core.isClosed })
            try await registry.shutdown()
        }
    }

    @Test func taskLocalInjectionPrefersTheBoundClientAndManagesOnlyWhatItCreated() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let mine = try PixelAsyncClient(settings: settings, options: .testing())
            try await PixelClientContext.$current.withValue(mine) {
                let (found, inferred) = try registry.getOrCreateClient()
                #expect(found.core === mine.core && inferred)
                // A child task inherits the binding.
                let child = try await Task { try registry.getOrCreateClient().client.core === mine.core }.value
                #expect(child)
                // Other settings than the bound client's: not inferred, from the registry.
                let (other, otherInferred) = try registry.getOrCreateClient(settings: testSettings(emulator) { $0.retryAttempts = 9 })
                #expect(!otherInferred && other.core !== mine.core)
                let used = try await registry.withInjectedClient { client in client.core === mine.core }
                #expect(used)
            }
            #expect(!mine.core.isClosed)
            let (explicit, explicitInferred) = try registry.getOrCreateClient(mine)
            #expect(explicit.core === mine.core && explicitInferred)
            let injected = try await registry.withInjectedClient(settings: settings) { client in
                #expect(PixelClientContext.current?.core === client.core)
                return client
            }
            #expect(injected.core.isClosed)  // the registry built it for this call, so it closed it
            await mine.close()
            try await registry.shutdown()
        }
    }

    @Test func eventsArriveInLifecycleOrder() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let log = RegistryEventLog(registry)
                _ = try await registry.asyncClient().me()
                environment["PIXEL_RETRY_ATTEMPTS"] = "2"
                _ = try registry.asyncClient().core
                #expect(await log.waitFor { $0.isClosed })
                try await registry.shutdown()
                await log.finished()
                let lifecycle = log.all.filter { $0.kind != "client" }.map(\.kind)
                #expect(lifecycle == ["created", "created", "rebuilt", "retired", "closed", "retired", "closed", "shutDown"])
                #expect(log.all.contains { if case .client(_, .tokenRefreshed(.password, _)) = $0 { true } else { false } })
            }
        }
    }

    @Test func aSlowSubscriberNeverBlocksTheRegistry() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let stalled = registry.events(bufferSize: 2)  // never read
                let log = RegistryEventLog(registry)
                for flip in 0..<50 {
                    environment["PIXEL_RETRY_ATTEMPTS"] = "\(flip % 5 + 1)"
                    _ = try registry.asyncClient().core
                }
                #expect(await log.waitFor(count: 49) { $0.isClosed })
                #expect(stalled.droppedCount > 0)
                #expect(log.all.filter(\.isCreated).count == 50)
                try await registry.shutdown()
            }
        }
    }

    @Test func sessionStoreLetsASecondRegistrySkipThePasswordGrant() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let store = InMemorySessionStore()
            let settings = testSettings(emulator)
            for _ in 0..<2 {
                let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing { $0.sessionStore = store }))
                _ = try await registry.asyncClient(settings: settings).me()
                try await registry.shutdown()
            }
            #expect(emulator.stats.grantCount(.password) == 1)
            #expect(emulator.stats.grantCount(.refreshToken) >= 1)
        }
    }

    @Test func gracefulShutdownOfAServiceGroupDrainsTheRegistry() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let client = try registry.asyncClient(settings: testSettings(emulator))
            _ = try await client.me()
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .delay(TestTime.scaled(.milliseconds(400))))
            let group = ServiceGroup(configuration: .init(services: [registry], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let slow = Task { try await client.me() }
                #expect(await waitUntil { client.core.inFlightRequestCount > 0 })
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                let user = try await slow.value  // the request in flight finished
                #expect(user.email == "demo@example.com")
            }
            #expect(registry.isShutDown)
            #expect(client.core.isClosed)
        }
    }

    @Test func watchModeRebuildsProactivelyAndKeepsTheLastGoodSettings() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let yaml = directory + "/pixel.yaml"
                // Atomic writes, as a deployment replaces a file: an in-place rewrite can be seen
                // half done (truncated = a valid, empty file), which is a legitimate rebuild too.
                try "pixel:\n  retryAttempts: 2\n".write(toFile: yaml, atomically: true, encoding: .utf8)
                let registry = PixelClientRegistry(
                    configuration: .testing(environment: environment, directory: directory) {
                        $0.watch = .init(pollInterval: .milliseconds(20), reloadOnSIGHUP: false)
                    })
                let log = RegistryEventLog(registry)
                let service = Task { try await registry.run() }
                let first = try registry.asyncClient().core
                #expect(first.settings.retryAttempts == 2)
                try "pixel:\n  retryAttempts: 3\n".write(toFile: yaml, atomically: true, encoding: .utf8)
                #expect(await log.waitFor { $0.isRebuilt })  // no getClient call needed
                let second = try registry.asyncClient().core
                #expect(second.settings.retryAttempts == 3)
                try "pixel:\n  retryAttempts: [not a number\n".write(toFile: yaml, atomically: true, encoding: .utf8)
                #expect(await log.waitFor { if case .settingsReloadFailed = $0 { true } else { false } })
                #expect(try registry.asyncClient().core === second)  // the last good settings stay
                service.cancel()
                try await service.value
                #expect(registry.isShutDown)
            }
        }
    }

    @Test func missingCredentialsAreAskedForOnlyWhenPromptingIsAllowed() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                environment["PIXEL_PASSWORD"] = nil
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let prompt = ScriptedCredentialPrompt(password: Secret("demo-password"))
                await #expect(throws: SettingsError.self) { try await registry.asyncClient(allowPrompt: false, prompt: prompt) }
                #expect(prompt.requests.isEmpty)
                let client = try await registry.asyncClient(allowPrompt: true, prompt: prompt)
                #expect(try await client.me().email == "demo@example.com")
                #expect(prompt.requests.map(\.missing) == [[.password]])
                try await registry.shutdown()
            }
        }
    }
}

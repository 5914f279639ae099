import Foundation
import NIOConcurrencyHelpers
import PixelClient
import PixelEmulator
import Settings
import Synchronization
import Testing

@Suite struct RegistryRebuildTests {
    /// Gets the default core, applies `change`, gets it again: a new core, the old one retired
    /// and closed, and the rebuilt event names `field`.
    private func expectRebuild(
        in directory: String, environment: TestEnvironment, field: String,
        prepare: (String) throws -> Void = { _ in }, change: (String) throws -> Void
    ) async throws {
        try prepare(directory)
        let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
        let log = RegistryEventLog(registry)
        let old = try registry.asyncClient()
        _ = try await old.me()
        #expect(try registry.asyncClient().core === old.core)
        try change(directory)
        let new = try registry.asyncClient()
        #expect(new.core !== old.core)
        #expect(await waitUntil { old.core.isClosed })
        // The old handle follows the new generation instead of failing.
        _ = try await old.me()
        #expect(
            await log.waitFor { event in
                if case .rebuilt(_, _, let changes) = event { changes.contains { $0.field == field } } else { false }
            })
        try await registry.shutdown()
    }

    @Test func anEnvironmentChangeRebuilds() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                try await expectRebuild(in: directory, environment: environment, field: PixelSettings.FieldName.apiTimeout) { _ in
                    environment["PIXEL_API_TIMEOUT"] = "11"
                }
            }
        }
    }

    @Test func aDotEnvEditRebuilds() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                try await expectRebuild(
                    in: directory, environment: environment, field: PixelSettings.FieldName.retryAttempts,
                    prepare: { try "PIXEL_RETRY_ATTEMPTS=3\n".write(toFile: $0 + "/.env", atomically: false, encoding: .utf8) },
                    change: { try "PIXEL_RETRY_ATTEMPTS=2\n".write(toFile: $0 + "/.env", atomically: false, encoding: .utf8) })
            }
        }
    }

    @Test func aYAMLEditRebuilds() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                try await expectRebuild(
                    in: directory, environment: environment, field: PixelSettings.FieldName.uploadConcurrency,
                    prepare: { try "pixel:\n  uploadConcurrency: 4\n".write(toFile: $0 + "/pixel.yaml", atomically: false, encoding: .utf8) },
                    change: { try "pixel:\n  uploadConcurrency: 5\n".write(toFile: $0 + "/pixel.yaml", atomically: false, encoding: .utf8) })
            }
        }
    }

    @Test func aSymlinkSwapRebuilds() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                try await expectRebuild(
                    in: directory, environment: environment, field: PixelSettings.FieldName.retryAttempts,
                    prepare: { directory in
                        try "PIXEL_RETRY_ATTEMPTS=3\n".write(toFile: directory + "/a.env", atomically: false, encoding: .utf8)
                        try "PIXEL_RETRY_ATTEMPTS=5\n".write(toFile: directory + "/b.env", atomically: false, encoding: .utf8)
                        try FileManager.default.createSymbolicLink(atPath: directory + "/.env", withDestinationPath: "a.env")
                    },
                    change: { directory in
                        // Atomic swap, the way deployment tools do it: a new link renamed over the old.
                        try FileManager.default.createSymbolicLink(atPath: directory + "/.env.new", withDestinationPath: "b.env")
                        #expect(rename(directory + "/.env.new", directory + "/.env") == 0)
                    })
            }
        }
    }

    @Test func theOldClientFinishesItsInFlightRequestThenCloses() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let log = RegistryEventLog(registry)
                let old = try registry.asyncClient()
                _ = try await old.me()
                emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .delay(TestTime.scaled(.milliseconds(600))))
                let slow = Task { try await old.me() }
                #expect(await waitUntil { old.core.inFlightRequestCount > 0 })
                environment["PIXEL_API_TIMEOUT"] = "12"
                let new = try registry.asyncClient()
                #expect(new.core !== old.core)
                #expect(!old.core.isClosed)
                let user = try await slow.value
                #expect(user.email == "demo@example.com")
                #expect(await waitUntil { old.core.isClosed })
                #expect(await log.waitFor { $0.isClosed })
                let closedForced = log.all.compactMap { event -> Bool? in
                    if case .closed(_, let forced) = event { forced } else { nil }
                }
                #expect(closedForced == [false])
                try await registry.shutdown()
            }
        }
    }

    @Test func aRetiredGenerationIsForcedClosedAfterItsGracePeriod() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(
                    configuration: .testing(environment: environment, directory: directory) { $0.gracePeriod = .milliseconds(100) })
                let log = RegistryEventLog(registry)
                let old = try registry.asyncClient()
                _ = try await old.me()
                emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .delay(TestTime.scaled(.seconds(3))))
                let slow = Task { try await old.me() }
                #expect(await waitUntil { old.core.inFlightRequestCount > 0 })
                environment["PIXEL_API_TIMEOUT"] = "12"
                _ = try registry.asyncClient()
                let result = await slow.result
                #expect(throws: PixelError.self) { try result.get() }
                #expect(await log.waitFor { if case .closed(_, true) = $0 { true } else { false } })
                try await registry.shutdown()
            }
        }
    }

    @Test func theRebuiltEventListsChangedKeysAndHidesSecrets() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                environment["PIXEL_PASSWORD"] = clientSentinelPassword
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let log = RegistryEventLog(registry)
                let old = try registry.asyncClient().core
                environment["PIXEL_PASSWORD"] = "other-" + clientSentinelPassword
                environment["PIXEL_RETRY_ATTEMPTS"] = "7"
                let new = try registry.asyncClient().core
                #expect(await log.waitFor { $0.isRetired })
                let rebuilt = try #require(log.all.first { $0.isRebuilt })
                guard case .rebuilt(let from, let to, let changes) = rebuilt else { return }
                #expect(from.generation == 1 && to.generation == 2)
                #expect(from.key == old.settings.fingerprint.hex && to.key == new.settings.fingerprint.hex)
                #expect(Set(changes.map(\.field)) == [PixelSettings.FieldName.password, PixelSettings.FieldName.retryAttempts])
                let password = try #require(changes.first { $0.field == PixelSettings.FieldName.password })
                #expect(password.isSecret)
                #expect(password.description.contains("changed"))
                for text in log.descriptions { #expect(!text.contains(clientSentinelPassword)) }
                try await registry.shutdown()
            }
        }
    }

    @Test func aThousandFlipsUnderLoadFailNoRequestAndLeakNoDescriptors() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                // This test is about flips, not speed: 64 callers queue for the pools of a new
                // generation on every flip, which on a slow run (ThreadSanitizer, trace logging, a
                // loaded machine) can take longer than the default limits. The flips alternate
                // between two generous API timeouts so that each one is a settings change.
                let timeout = Int((60 * TestTime.scale).rounded())
                environment["PIXEL_TOKEN_TIMEOUT"] = "\(timeout)"
                environment["PIXEL_API_TIMEOUT"] = "\(timeout)"
                let registry = PixelClientRegistry(
                    configuration: .testing(environment: environment, directory: directory) { $0.gracePeriod = TestTime.scaled(.seconds(60)) })
                // Warm up the NIO singletons and the emulator's own descriptors first.
                _ = try await registry.asyncClient().me()
                // The warm-up client keeps its connection in its pool, so the descriptor count
                // used at the end sees this test's connections (the final check can fail).
                #expect(openConnectionDescriptors(port: emulator.port) > 0)
                let held = try registry.asyncClient()
                let baseline = openFileDescriptorCount()
                let counters = LoadCounters()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for worker in 0..<64 {
                        group.addTask {
                            while !counters.stop.load(ordering: .relaxed) {
                                do {
                                    // Half keep one handle (it follows the generations), half ask each time.
                                    let client = worker.isMultiple(of: 2) ? held : try registry.asyncClient()
                                    _ = try await client.me()
                                    counters.succeeded.add(1, ordering: .relaxed)
                                } catch {
                                    counters.failures.withLockedValue { $0.append("\(error)") }
                                }
                            }
                        }
                    }
                    group.addTask {
                        var succeededAtCheckpoint = 0
                        for flip in 0..<1_000 {
                            // Every 50 flips, wait until the workers have completed more requests, so
                            // flips and requests really interleave however the tasks are scheduled.
                            if flip.isMultiple(of: 50) {
                                for _ in 0..<20_000 where counters.succeeded.load(ordering: .relaxed) <= succeededAtCheckpoint {
                                    try await Task.sleep(for: .milliseconds(1))
                                }
                                succeededAtCheckpoint = counters.succeeded.load(ordering: .relaxed)
                            }
                            environment["PIXEL_API_TIMEOUT"] = "\(flip.isMultiple(of: 2) ? timeout + 1 : timeout)"
                            _ = try registry.asyncClient().core
                            await Task.yield()
                        }
                        counters.stop.store(true, ordering: .relaxed)
                    }
                    try await group.waitForAll()
                }
                #expect(counters.failures.withLockedValue { $0 }.isEmpty, "\(counters.failures.withLockedValue { Array($0.prefix(3)) })")
                #expect(counters.succeeded.load(ordering: .relaxed) > 0)
                #expect(registry.statistics.constructions >= 1_000)
                try await registry.shutdown()
                // Every connection the 1,000 generations opened is closed again (both ends: the
                // emulator runs in this process), so this test's descriptors are back to zero.
                #expect(
                    await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 }, "\(openConnectionDescriptors(port: emulator.port)) left")
                // The process-wide count too, when no other test is opening descriptors meanwhile.
                _ = await waitUntil { openFileDescriptorCount() <= baseline }
                print("fds after shutdown: \(openFileDescriptorCount()) (baseline \(baseline))")
            }
        }
    }
}

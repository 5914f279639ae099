import Dispatch
import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

/// A repeated `getClient` is a hit: one table lookup. These tests run each scenario on one plain
/// thread, as a script would, and check that a hit never hands out what the registry has moved
/// on from: an evicted entry, a closed core, changed settings, a shut-down registry.
@Suite struct RegistryHitPathTests {
    @Test func aHitAfterEvictionGetsARebuiltClient() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing(), capacity: 1))
            let first = testSettings(emulator)
            let second = testSettings(emulator) { $0.retryAttempts = 2 }
            let outcome = try await onPlainThread { () -> (same: Bool, replaced: Bool, constructions: Int) in
                let original = try registry.asyncClient(settings: first).core
                let hit = try registry.asyncClient(settings: first).core
                _ = try registry.asyncClient(settings: second).core  // capacity 1: evicts and retires `first`
                let after = try registry.asyncClient(settings: first).core
                return (original === hit, after !== original && !after.isClosed, registry.statistics.constructions)
            }
            #expect(outcome.same)
            #expect(outcome.replaced, "a hit after eviction must not hand out the retired core")
            #expect(outcome.constructions == 3)
            try await registry.shutdown()
        }
    }

    @Test func optionalAndNonOptionalSettingsArgumentsReachTheSameClient() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let optional: PixelSettings? = testSettings(emulator)
            let cores = try await onPlainThread { () -> [PixelClientCore] in
                // Both spellings, in both orders and both facades, hit one entry.
                let borrowed = try registry.client(settings: settings).core
                let viaOptional = try registry.client(settings: optional).core
                let asyncBorrowed = try registry.asyncClient(settings: settings).core
                let asyncViaOptional = try registry.asyncClient(settings: optional).core
                let instanceBorrowed = try registry.client(settings: settings).core
                return [borrowed, viaOptional, asyncBorrowed, asyncViaOptional, instanceBorrowed]
            }
            #expect(cores.allSatisfy { $0 === cores[0] })
            #expect(registry.statistics.constructions == 1)
            let other = try await onPlainThread { try registry.client(settings: testSettings(emulator) { $0.retryAttempts = 2 }).core }
            #expect(other !== cores[0], "a different value must not hit the entry")
            try await registry.shutdown()
            #expect(throws: PixelError.self) { try registry.client(settings: settings) }
        }
    }

    @Test func aDefaultHitIsReplacedOnceItsCoreWasClosed() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let replaced = try await onPlainThread { () -> Bool in
                    let client = try registry.client()
                    _ = try registry.client()
                    try client.close(gracePeriod: .zero)
                    let next = try registry.client()
                    return next.core !== client.core && !next.core.isClosed
                }
                #expect(replaced)
                try await registry.shutdown()
            }
        }
    }

    @Test func aDefaultHitSeesASettingsChange() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let attempts = try await onPlainThread { () -> (Int, Int) in
                    let before = try registry.asyncClient().core
                    _ = try registry.asyncClient().core
                    environment["PIXEL_RETRY_ATTEMPTS"] = "2"
                    let after = try registry.asyncClient().core
                    return (before.settings.retryAttempts, after.settings.retryAttempts)
                }
                #expect(attempts == (4, 2))
                try await registry.shutdown()
            }
        }
    }

    @Test func aHitIsRefusedAfterShutdown() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let code = try await onPlainThread { () -> PixelError.Code? in
                _ = try registry.asyncClient(settings: settings).core
                _ = try registry.asyncClient(settings: settings).core
                let done = DispatchSemaphore(value: 0)
                Task {
                    try await registry.shutdown()
                    done.signal()
                }
                done.wait()
                do {
                    _ = try registry.asyncClient(settings: settings).core
                    return nil
                } catch let error as PixelError {
                    return error.code
                }
            }
            #expect(code == .registryShutDown)
        }
    }

    @Test func twoRegistriesNeverShareClients() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let one = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let two = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let distinct = try await onPlainThread { () -> Bool in
                let first = try one.asyncClient(settings: settings).core
                _ = try one.asyncClient(settings: settings).core
                let second = try two.asyncClient(settings: settings).core
                let again = try two.asyncClient(settings: settings).core
                return first !== second && again === second
            }
            #expect(distinct)
            try await one.shutdown()
            try await two.shutdown()
        }
    }
}

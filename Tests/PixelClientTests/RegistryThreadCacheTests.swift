import Dispatch
import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

/// A repeated `getClient` on one thread is answered from that thread's hit cache. These tests run
/// each scenario on one plain thread, so that every call after the first is a cache candidate,
/// and check that the cache never outlives what it remembers: eviction, a closed core, a
/// settings change, shutdown.
@Suite struct RegistryThreadCacheTests {
    @Test func aRememberedExplicitHitFollowsEvictionOfItsEntry() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), capacity: 1))
            let first = testSettings(emulator)
            let second = testSettings(emulator) { $0.retryAttempts = 2 }
            let outcome = try await onPlainThread { () -> (same: Bool, replaced: Bool, constructions: Int) in
                let original = try registry.core(settings: first)
                let hit = try registry.core(settings: first)
                _ = try registry.core(settings: second)  // capacity 1: evicts and retires `first`
                let after = try registry.core(settings: first)
                return (original === hit, after !== original && !after.isClosed, registry.statistics.constructions)
            }
            #expect(outcome.same)
            #expect(outcome.replaced, "a hit after eviction must not hand out the retired core")
            #expect(outcome.constructions == 3)
            await registry.shutdown()
        }
    }

    @Test func borrowedAndOptionalSettingsArgumentsReachTheSameClient() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing()))
            let settings = testSettings(emulator)
            let optional: PixelSettings? = testSettings(emulator)
            let cores = try await onPlainThread { () -> [PixelClientCore] in
                // The non-optional argument picks the borrowing overloads; the optional one the
                // `PixelSettings?` forms. Both, in both orders and both facades, hit one entry.
                let borrowed = try registry.client(settings: settings).core
                let viaOptional = try registry.client(settings: optional).core
                let asyncBorrowed = try registry.asyncClient(settings: settings).core
                let asyncViaOptional = try registry.getClient(async: .async, settings: optional).core
                let instanceBorrowed = try registry.getClient(settings: settings).core
                return [borrowed, viaOptional, asyncBorrowed, asyncViaOptional, instanceBorrowed]
            }
            #expect(cores.allSatisfy { $0 === cores[0] })
            #expect(registry.statistics.constructions == 1)
            let other = try await onPlainThread { try registry.client(settings: testSettings(emulator) { $0.retryAttempts = 2 }).core }
            #expect(other !== cores[0], "a different borrowed value must not hit the remembered entry")
            await registry.shutdown()
            #expect(throws: PixelError.self) { try registry.client(settings: settings) }
        }
    }

    @Test func aRememberedDefaultHitIsReplacedOnceItsCoreWasClosed() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let replaced = try await onPlainThread { () -> Bool in
                    let client = try registry.client()
                    _ = try registry.client()
                    client.close(gracePeriod: .zero)
                    let next = try registry.client()
                    return next.core !== client.core && !next.core.isClosed
                }
                #expect(replaced)
                await registry.shutdown()
            }
        }
    }

    @Test func aRememberedDefaultHitSeesASettingsChange() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let attempts = try await onPlainThread { () -> (Int, Int) in
                    let before = try registry.core()
                    _ = try registry.core()
                    environment["PIXEL_RETRY_ATTEMPTS"] = "2"
                    let after = try registry.core()
                    return (before.settings.retryAttempts, after.settings.retryAttempts)
                }
                #expect(attempts == (4, 2))
                await registry.shutdown()
            }
        }
    }

    @Test func aThreadThatRememberedAHitIsRefusedAfterShutdown() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing()))
            let settings = testSettings(emulator)
            let code = try await onPlainThread { () -> PixelError.Code? in
                _ = try registry.core(settings: settings)
                _ = try registry.core(settings: settings)
                let done = DispatchSemaphore(value: 0)
                Task {
                    await registry.shutdown()
                    done.signal()
                }
                done.wait()
                do {
                    _ = try registry.core(settings: settings)
                    return nil
                } catch let error as PixelError {
                    return error.code
                }
            }
            #expect(code == .registryShutDown)
        }
    }

    @Test func twoRegistriesOnOneThreadNeverShareRememberedClients() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let one = PixelClientRegistry(configuration: .init(clientOptions: .testing()))
            let two = PixelClientRegistry(configuration: .init(clientOptions: .testing()))
            let settings = testSettings(emulator)
            let distinct = try await onPlainThread { () -> Bool in
                let first = try one.core(settings: settings)
                _ = try one.core(settings: settings)
                let second = try two.core(settings: settings)
                let again = try two.core(settings: settings)
                return first !== second && again === second
            }
            #expect(distinct)
            await one.shutdown()
            await two.shutdown()
        }
    }
}

import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

@Suite struct RegistryIdentityTests {
    @Test func sameSettingsGiveTheSameCoreAndOtherSettingsAnother() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let first = try registry.asyncClient(settings: settings).core
            let second = try registry.asyncClient(settings: settings).core
            let other = try registry.asyncClient(settings: testSettings(emulator) { $0.retryAttempts = 2 }).core
            #expect(first === second)
            #expect(first !== other)
            #expect(registry.statistics.constructions == 2)
            try await registry.shutdown()
        }
    }

    @Test func blockingAndAsyncFormsShareOneCoreAndOneToken() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let asyncClient = try registry.asyncClient(settings: settings)
            let blocking = try registry.client(settings: settings)
            #expect(asyncClient.core === blocking.core)
            _ = try await asyncClient.me()
            let email = try await onPlainThread { try blocking.me().email }
            #expect(email == "demo@example.com")
            #expect(emulator.stats.grantCount(.password) == 1)
            #expect(emulator.stats.tokensIssued == 1)
            try await registry.shutdown()
        }
    }

    @Test func defaultSettingsFormsShareOneCoreAndOneToken() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let asyncClient = try registry.asyncClient()
                let blocking = try registry.client()
                #expect(asyncClient.core === blocking.core)
                _ = try await asyncClient.me()
                _ = try await onPlainThread { try blocking.me() }
                #expect(emulator.stats.grantCount(.password) == 1)
                // Explicit settings equal to the defaults are the same key: the same core.
                let explicit = try registry.asyncClient(settings: asyncClient.core.settings).core
                #expect(explicit === asyncClient.core)
                try await registry.shutdown()
            }
        }
    }

    @Test func tenThousandConcurrentFirstCallsBuildOneClientAndFetchOneToken() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            let settings = testSettings(emulator)
            let cores = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
                for _ in 0..<10_000 {
                    group.addTask { ObjectIdentifier(try registry.asyncClient(settings: settings).core) }
                }
                var seen = Set<ObjectIdentifier>()
                for try await id in group { seen.insert(id) }
                return seen
            }
            #expect(cores.count == 1)
            #expect(registry.statistics.constructions == 1)
            let client = try registry.asyncClient(settings: settings)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<64 { group.addTask { _ = try await client.me() } }
                try await group.waitForAll()
            }
            #expect(emulator.stats.grantCount(.password) == 1)
            try await registry.shutdown()
        }
    }

    @Test func tenThousandConcurrentDefaultCallsBuildOneClient() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let environment = TestEnvironment.pointing(at: emulator)
                let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
                let cores = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
                    for _ in 0..<10_000 {
                        group.addTask { ObjectIdentifier(try registry.asyncClient().core) }
                    }
                    var seen = Set<ObjectIdentifier>()
                    for try await id in group { seen.insert(id) }
                    return seen
                }
                #expect(cores.count == 1)
                #expect(registry.statistics.constructions == 1)
                try await registry.shutdown()
            }
        }
    }

    @Test func buildingAClientDoesNoNetworkIO() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(clientOptions: .testing(), hooks: .testing()))
            _ = try registry.client(settings: testSettings(emulator))
            #expect(emulator.stats.totalRequests == 0)
            try await registry.shutdown()
        }
    }

    @Test func missingDefaultSettingsThrowTheAggregatedSettingsError() async throws {
        try await withFactoryTempDirectory { directory in
            let environment = TestEnvironment(["PIXEL_PASSWORD": clientSentinelPassword])
            let registry = PixelClientRegistry(configuration: .testing(environment: environment, directory: directory))
            let error = try #require(throws: SettingsError.self) { try registry.client() }
            #expect(error.description.contains("PIXEL_USERNAME"))
            #expect(!error.description.contains(clientSentinelPassword))
            try await registry.shutdown()
        }
    }
}

import Configuration
import Foundation
import Logging
import PixelClient
import PixelEmulator
import ServiceLifecycle
import Settings
import SettingsConfiguration
import SystemPackage
import Testing

/// A registry whose default settings come from a swift-configuration reader.
@Suite struct RegistryConfigReaderTests {
    /// The `pixel.*` values that point a client at `emulator`.
    static func values(pointingAt emulator: PixelEmulator, password: String = "demo-password") -> [AbsoluteConfigKey: ConfigValue] {
        [
            "pixel.username": "demo@example.com",
            "pixel.password": ConfigValue(.string(password), isSecret: true),
            "pixel.tenant": "demo",
            "pixel.authServerURL": ConfigValue(.string(emulator.baseURL), isSecret: false),
            "pixel.apiURL": ConfigValue(.string(emulator.apiURL(tenant: "demo")), isSecret: false),
        ].merging(scaledTimeouts) { $1 }
    }

    /// Request timeouts raised by `PIXEL_TEST_TIME_SCALE`; none in a normal run.
    private static var scaledTimeouts: [AbsoluteConfigKey: ConfigValue] {
        guard TestTime.scale > 1 else { return [:] }
        return [
            "pixel.apiTimeout": ConfigValue(.double(10 * TestTime.scale), isSecret: false),
            "pixel.tokenTimeout": ConfigValue(.double(5 * TestTime.scale), isSecret: false),
        ]
    }

    private func makeRegistry(_ reader: ConfigReader) -> PixelClientRegistry {
        PixelClientRegistry(
            configuration: .init(
                defaultSettings: .config(reader), clientOptions: .testing(), hooks: .testing(), gracePeriod: TestTime.scaled(.seconds(10))))
    }

    /// A registry reading a `MutableInMemoryProvider` that points at a running emulator, with a
    /// first client that has made one call; the registry is shut down afterwards.
    private func withInMemoryRegistry(
        _ body: (PixelEmulator, MutableInMemoryProvider, PixelClientRegistry, RegistryEventLog, PixelAsyncClient) async throws -> Void
    ) async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let provider = MutableInMemoryProvider(initialValues: Self.values(pointingAt: emulator))
            let registry = makeRegistry(ConfigReader(provider: provider))
            let log = RegistryEventLog(registry)
            let first = try registry.asyncClient()
            _ = try await first.me()
            try await body(emulator, provider, registry, log, first)
            try await registry.shutdown()
        }
    }

    @Test func getClientFollowsAMutableInMemoryProviderWithoutRunningAsAService() async throws {
        try await withInMemoryRegistry { _, provider, registry, log, old async throws in
            #expect(try registry.asyncClient().core === old.core)  // nothing changed: the same client
            provider.setValue(20, forKey: "pixel.apiTimeout")
            let new = try registry.asyncClient()
            #expect(new.core !== old.core)
            #expect(new.core.settings.apiTimeout == .seconds(20))
            #expect(await waitUntil { old.core.isClosed })
            _ = try await old.me()  // the old handle follows the new generation
            #expect(
                await log.waitFor { event in
                    if case .rebuilt(_, _, let changes) = event { changes.map(\.field) == [PixelSettings.FieldName.apiTimeout] } else { false }
                })
        }
    }

    @Test func theOldClientFinishesItsInFlightRequestThenCloses() async throws {
        try await withInMemoryRegistry { emulator, provider, registry, log, old async throws in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/users/me", with: .delay(.milliseconds(600)))
            let slow = Task { try await old.me() }
            #expect(await waitUntil { old.core.inFlightRequestCount > 0 })
            provider.setValue(3, forKey: "pixel.retryAttempts")
            #expect(try registry.asyncClient().core !== old.core)
            #expect(!old.core.isClosed)
            #expect(try await slow.value.email == "demo@example.com")
            #expect(await waitUntil { old.core.isClosed })
            #expect(await log.waitFor { $0.isClosed })
            let forced = log.all.compactMap { event -> Bool? in if case .closed(_, let forced) = event { forced } else { nil } }
            #expect(forced == [false])
        }
    }

    @Test func runningAsAServiceItRebuildsAsSoonAsAProviderChangesAndNeverShowsThePassword() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let provider = MutableInMemoryProvider(initialValues: Self.values(pointingAt: emulator))
            let registry = makeRegistry(ConfigReader(provider: provider))
            let log = RegistryEventLog(registry)
            let first = try registry.asyncClient()
            _ = try await first.me()
            let group = ServiceGroup(configuration: .init(services: [registry], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                // Switch accounts: the sentinel user of the emulator.
                provider.setValue("sentinel@example.com", forKey: "pixel.username")
                provider.setValue(ConfigValue(.string(clientSentinelPassword), isSecret: true), forKey: "pixel.password")
                #expect(
                    await log.waitFor { event in  // no getClient() call needed
                        if case .rebuilt(_, _, let changes) = event {
                            changes.contains { $0.field == PixelSettings.FieldName.password }
                        } else {
                            false
                        }
                    })
                let second = try registry.asyncClient()
                #expect(second.core.settings.username == "sentinel@example.com")
                #expect(try await second.me().email == "sentinel@example.com")
                #expect(try registry.asyncClient().core === second.core)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(registry.isShutDown)
            for text in log.descriptions { #expect(!text.contains(clientSentinelPassword)) }
        }
    }

    @Test func aReloadingFileProviderRunInTheSameServiceGroupRebuildsTheClient() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            try await withFactoryTempDirectory { directory in
                let path = directory + "/pixel.yaml"
                func write(retryAttempts: Int) throws {
                    let yaml = """
                        pixel:
                          username: demo@example.com
                          password: demo-password
                          tenant: demo
                          authServerURL: \(emulator.baseURL)
                          apiURL: \(emulator.apiURL(tenant: "demo"))
                          retryAttempts: \(retryAttempts)

                        """
                    try yaml.write(toFile: path, atomically: true, encoding: .utf8)  // a new inode, as deployments do
                }
                try write(retryAttempts: 2)
                let file = try await ReloadingFileProvider<LocatedYAMLSnapshot>(
                    parsingOptions: .init(fileName: "pixel.yaml", secretsSpecifier: .specific(["pixel.password"])),
                    filePath: .init(path), pollInterval: .milliseconds(20))
                let registry = makeRegistry(ConfigReader(provider: file))
                let log = RegistryEventLog(registry)
                let first = try registry.asyncClient()
                #expect(first.core.settings.retryAttempts == 2)
                let group = ServiceGroup(configuration: .init(services: [file, registry], logger: Logger(label: "test")))
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    _ = try await first.me()
                    try write(retryAttempts: 3)
                    #expect(await log.waitFor { $0.isRebuilt })
                    let second = try registry.asyncClient()
                    #expect(second.core !== first.core)
                    #expect(second.core.settings.retryAttempts == 3)
                    #expect(await waitUntil { first.core.isClosed })
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                }
                #expect(registry.isShutDown)
            }
        }
    }

    @Test func brokenReaderValuesThrowTheAggregatedErrorFromGetClient() async throws {
        let provider = MutableInMemoryProvider(initialValues: ["pixel.username": "me", "pixel.apiTimeout": "soon"])
        let registry = makeRegistry(ConfigReader(provider: provider))
        let error = try #require(throws: SettingsError.self) { try registry.asyncClient() }
        #expect(error.description.contains("pixel.apiTimeout"))
        #expect(error.description.contains("pixel.password"))
        try await registry.shutdown()
    }
}

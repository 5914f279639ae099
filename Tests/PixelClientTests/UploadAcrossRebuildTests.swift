import Foundation
import NIOConcurrencyHelpers
import PixelClient
import PixelEmulator
import Settings
import Testing

extension UploadTests {
    /// Uploads hold a lease on the generation they started on from their first call to their
    /// last: a rebuild, a watch-mode reload or a shutdown in the middle lets them finish there,
    /// and the old generation closes after them. Each scenario sends a 3-part file one part at a
    /// time, the emulator holding every part PUT back, and changes things once the first part
    /// has arrived.
    @Suite struct AcrossRebuilds {
        /// Everything a scenario needs once the first part has arrived.
        struct Moment: Sendable {
            let registry: PixelClientRegistry
            let environment: TestEnvironment
            let directory: String
            let log: RegistryEventLog
            let uploading: PixelClientCore
        }

        static let partSize = 64 * 1024

        /// Uploads a 3-part raster through the registry's default client and runs `change` after
        /// the first part arrived; returns the upload's result and the generation it ran on.
        private func uploadWhile(
            partDelay: Duration = TestTime.scaled(.milliseconds(300)), gracePeriod: Duration = .seconds(30),
            configure: @escaping (inout PixelClientRegistry.Configuration) -> Void = { _ in },
            batch: Bool = false,
            change: @escaping @Sendable (Moment) async throws -> Void,
            verify: @escaping @Sendable (PixelEmulator, Moment, Result<[Raster], PixelError>, [UploadFailure]) async throws -> Void
        ) async throws {
            let files = try TemporaryDirectory()
            let sources = try (0..<(batch ? 2 : 1)).map { index in
                try files.file("ortho\(index).tif", size: 3 * Self.partSize - 100, seed: 500 + UInt64(index))
            }
            try await PixelEmulator.withRunning(.testing()) { emulator in
                try await withFactoryTempDirectory { directory in
                    try "PIXEL_RETRY_ATTEMPTS=3\n".write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
                    let environment = TestEnvironment.pointing(at: emulator)
                    let registry = PixelClientRegistry(
                        configuration: .testing(environment: environment, directory: directory) { configuration in
                            configuration.gracePeriod = gracePeriod
                            configure(&configuration)
                        })
                    let log = RegistryEventLog(registry)
                    let client = try registry.asyncClient()
                    let (project, dc) = try await client.makeCollection(.raster)
                    let firstPart = AsyncStream.makeStream(of: Void.self)
                    let progress: UploadEventHandler = { event in
                        if case .partCompleted = event { firstPart.continuation.yield() }
                    }
                    emulator.faults.failNext(3 * sources.count, method: "PUT", pathPrefix: "/_store/part/", with: .delay(partDelay))
                    let moment = Moment(registry: registry, environment: environment, directory: directory, log: log, uploading: client.core)
                    let options = UploadOptions.testing { $0.concurrency = 1 }
                    let mode = UploadMode.multipart(partSize: Self.partSize)
                    async let upload: (Result<[Raster], PixelError>, [UploadFailure]) = {
                        do throws(PixelError) {
                            if batch {
                                let result = try await client.uploadRasters(
                                    project: project, dataCollection: dc, sources.map { UploadFile($0) }, mode: mode, options: options,
                                    progress: progress)
                                return (.success(result.created.map(\.resource)), result.failures)
                            }
                            let raster = try await client.uploadRaster(
                                project: project, dataCollection: dc, UploadFile(sources[0]), mode: mode, options: options,
                                progress: progress)
                            return (.success([raster]), [])
                        } catch {
                            return (.failure(error), [])
                        }
                    }()
                    var arrivals = firstPart.stream.makeAsyncIterator()
                    _ = await arrivals.next()
                    try await change(moment)
                    let (result, failures) = await upload
                    try await verify(emulator, moment, result, failures)
                    if !registry.isShutDown { try await registry.shutdown() }
                }
            }
        }

        /// The upload succeeded on the old generation, which closed afterwards without force.
        private func expectFinishedOnTheOldGeneration(
            _ emulator: PixelEmulator, _ moment: Moment, _ result: Result<[Raster], PixelError>
        ) async throws {
            let rasters = try result.get()
            #expect(rasters.count == 1)
            #expect(emulator.stats.routeCount("PUT /_store/part") == 3)
            #expect(await moment.log.waitFor { $0.isClosed })
            let closings = moment.log.all.compactMap { event -> Bool? in if case .closed(_, let forced) = event { forced } else { nil } }
            #expect(closings == [false], "the old generation waited for the upload")
            #expect(moment.uploading.isClosed)
        }

        @Test func anUploadStraddlingADotEnvEditFinishesOnItsGeneration() async throws {
            try await uploadWhile { moment in
                try "PIXEL_RETRY_ATTEMPTS=2\n".write(toFile: moment.directory + "/.env", atomically: true, encoding: .utf8)
                let next = try moment.registry.asyncClient()
                #expect(next.core !== moment.uploading)
                #expect(moment.uploading.lifecycleState == .draining)
            } verify: { emulator, moment, result, _ in
                try await expectFinishedOnTheOldGeneration(emulator, moment, result)
            }
        }

        @Test func anUploadStraddlingAnEnvironmentChangeFinishesOnItsGeneration() async throws {
            try await uploadWhile { moment in
                moment.environment["PIXEL_API_TIMEOUT"] = "11"
                let next = try moment.registry.asyncClient()
                #expect(next.core.settings.apiTimeout == .seconds(11))
                #expect(moment.uploading.lifecycleState == .draining)
            } verify: { emulator, moment, result, _ in
                try await expectFinishedOnTheOldGeneration(emulator, moment, result)
            }
        }

        @Test func anUploadStraddlingAWatchModeReloadFinishesOnItsGeneration() async throws {
            let service = NIOLockedValueBox<Task<Void, any Error>?>(nil)
            try await uploadWhile(configure: { $0.watch = .init(pollInterval: .milliseconds(20), reloadOnSIGHUP: false) }) { moment in
                let registry = moment.registry
                service.withLockedValue { $0 = Task { try await registry.run() } }
                moment.environment["PIXEL_API_TIMEOUT"] = "11"
                #expect(await moment.log.waitFor { $0.isRebuilt }, "the watcher rebuilt without a getClient call")
            } verify: { emulator, moment, result, _ in
                try await expectFinishedOnTheOldGeneration(emulator, moment, result)
                let task = service.withLockedValue { $0 }
                task?.cancel()
                try await task?.value
                #expect(moment.registry.isShutDown)
            }
        }

        @Test func anUploadStraddlingShutdownWithALongerGracePeriodCompletes() async throws {
            let shutdown = NIOLockedValueBox<Task<Void, any Error>?>(nil)
            try await uploadWhile(gracePeriod: TestTime.scaled(.seconds(30))) { moment in
                let registry = moment.registry
                shutdown.withLockedValue { $0 = Task { try await registry.shutdown() } }
                #expect(await moment.log.waitFor { $0.isRetired })
                #expect(throws: PixelError.self) { try registry.asyncClient() }
            } verify: { emulator, moment, result, _ in
                try await shutdown.withLockedValue { $0 }?.value
                try await expectFinishedOnTheOldGeneration(emulator, moment, result)
                #expect(await moment.log.waitFor { $0.isShutDown })
            }
        }

        @Test func anUploadOutlivingTheGracePeriodFailsTypedAndLeavesNoConnection() async throws {
            try await uploadWhile(partDelay: TestTime.scaled(.seconds(2)), gracePeriod: .milliseconds(200)) { moment in
                try await moment.registry.shutdown()
            } verify: { emulator, moment, result, _ in
                #expect(throws: PixelError.self) { try result.get() }
                if case .failure(let error) = result { #expect(error.code == .clientClosed, "\(error)") }
                let closings = moment.log.all.compactMap { event -> Bool? in if case .closed(_, let forced) = event { forced } else { nil } }
                #expect(closings == [true])
                #expect(await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 })
            }
        }

        @Test func aBatchOutlivingTheGracePeriodReportsEachFileAsClosed() async throws {
            try await uploadWhile(partDelay: TestTime.scaled(.seconds(2)), gracePeriod: .milliseconds(200), batch: true) { moment in
                try await moment.registry.shutdown()
            } verify: { emulator, moment, result, failures in
                let created = try result.get()
                #expect(created.count + failures.count == 2)
                #expect(!failures.isEmpty)
                for failure in failures { #expect(failure.error.code == .clientClosed, "\(failure)") }
                #expect(await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 })
            }
        }
    }
}

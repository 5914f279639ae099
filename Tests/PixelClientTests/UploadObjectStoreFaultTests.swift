import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct ObjectStoreFaults {
        @Test func a503OnOnePartIsRetriedAndTheUploadSucceeds() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("retry.tif", size: 3 * 50_000 + 999, seed: 61)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.raster)
                emulator.faults.failNext(1, method: "PUT", pathPrefix: "/_store/part/", with: .status(503))
                let log = UploadEventLog()
                let raster = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: 50_000), options: .testing(),
                    progress: log.handler)
                #expect(emulator.faults.injectedCount(.status(503)) == 1)
                #expect(log.retries == 1)
                #expect(emulator.stats.routeCount("PUT /_store/part") == 4)
                #expect(try await emulator.storedObjectMD5(resourceType: "raster", id: raster.id.rawValue) == md5Base64(of: source))
                let total = Int64(3 * 50_000 + 999)
                let last = log.all.compactMap { event -> Int64? in if case .bytesSent(_, let sent, _, _, _) = event { sent } else { nil } }.last
                #expect(last == total)
            }
        }

        @Test func aDroppedConnectionDuringASinglePartPostIsRetried() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("reset.jpg", size: 20_000, seed: 62)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                emulator.faults.failNext(2, method: "POST", pathPrefix: "/_store/post/", with: .connectionReset)
                let image = try await client.uploadImage(
                    project: project, dataCollection: dc, UploadFile(source), mode: .singlePart, options: .testing())
                #expect(emulator.faults.injectedCount(.connectionReset) == 2)
                #expect(try await emulator.storedObjectMD5(resourceType: "image", id: image.id.rawValue) == md5Base64(of: source))
            }
        }

        @Test func anExpiredPresignedURLIsATypedErrorAndIsNotRetried() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("late.jpg", size: 5_000, seed: 63)
            try await withClient(emulator: .testing { $0.presignedURLLifetime = .zero }) { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(project: project, dataCollection: dc, UploadFile(source), mode: .singlePart, options: .testing())
                }
                #expect(error?.code == .presignedURLExpired)
                #expect(error?.status == 403)
                #expect(error?.message.contains("late.jpg") == true)
                #expect(error?.url?.contains("?") == false)
                #expect(emulator.stats.routeCount("POST /_store/post") == 1)
            }
        }

        @Test func anInjected403InABatchFailsOnlyThatFile() async throws {
            let directory = try TemporaryDirectory()
            let files = try (0..<3).map { try directory.file("f\($0).jpg", size: 1_000, seed: UInt64(70 + $0)) }
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                emulator.faults.failNext(1, method: "POST", pathPrefix: "/_store/post/", with: .status(403))
                let result = try await client.uploadImages(
                    project: project, dataCollection: dc, files.map { UploadFile($0) }, mode: .singlePart, options: .testing { $0.concurrency = 1 })
                #expect(result.created.count == 2)
                let failure = try #require(result.failures.first)
                #expect(failure.error.code == .presignedURLExpired)
                #expect(failure.stage == .transferring)
            }
        }

        @Test func aServerErrorThatOutlastsTheAttemptsFailsWithTheLastStatus() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("down.jpg", size: 1_000, seed: 64)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                emulator.faults.failNext(3, method: "POST", pathPrefix: "/_store/post/", with: .status(502))
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(
                        project: project, dataCollection: dc, UploadFile(source), mode: .singlePart, options: .testing { $0.maxAttempts = 3 })
                }
                #expect(error?.code == .httpStatus)
                #expect(error?.status == 502)
                #expect(error?.message.contains("after 3 attempts") == true)
                #expect(emulator.faults.injectedCount(.status(502)) == 3)
            }
        }
    }
}

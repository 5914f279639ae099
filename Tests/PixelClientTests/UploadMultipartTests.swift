import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct Multipart {
        @Test func threeFullPartsAndAnUnevenLastPartArriveByteForByte() async throws {
            let partSize = 128 * 1024
            let directory = try TemporaryDirectory()
            let source = try directory.file("ortho.tif", size: 3 * partSize + 12_345, seed: 11)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.rgb)
                let log = UploadEventLog()
                let raster = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: partSize),
                    options: .testing(), progress: log.handler)
                #expect(try await emulator.storedObjectMD5(resourceType: "raster", id: raster.id.rawValue) == md5Base64(of: source))
                #expect(emulator.stats.routeCount("PUT /_store/part") == 4)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/multipart") == 1)
                #expect(log.partsCompleted == 4)
                let prepared = log.all.compactMap { event -> Int? in if case .prepared(_, _, let parts) = event { parts } else { nil } }
                #expect(prepared == [4])
            }
        }

        @Test func theServerCompletesTheUploadOnUploadFinishedWithThePartsInOrder() async throws {
            // Parts are sent concurrently; the stored object is only right if each went to its own URL.
            let directory = try TemporaryDirectory()
            let source = try directory.file("many-parts.jpg", size: 16 * 10_000 + 1, seed: 12)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let image = try await client.uploadImage(
                    project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: 10_000),
                    options: .testing { $0.concurrency = 6 })
                #expect(emulator.stats.routeCount("PUT /_store/part") == 17)
                #expect(try await emulator.storedObjectMD5(resourceType: "image", id: image.id.rawValue) == md5Base64(of: source))
            }
        }

        @Test func unusableModesAreInvalidInputBeforeAnyJobExists() async throws {
            let directory = try TemporaryDirectory()
            let empty = try directory.file("empty.jpg", bytes: [])
            let small = try directory.file("small.jpg", size: 100, seed: 13)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let zero = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(
                        project: project, dataCollection: dc, UploadFile(small), mode: .multipart(partSize: 0), options: .testing())
                }
                #expect(zero?.code == .invalidInput)
                let emptyParts = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(project: project, dataCollection: dc, UploadFile(empty), mode: .multipart(), options: .testing())
                }
                #expect(emptyParts?.code == .invalidInput)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/multipart") == 0)
            }
        }

        @Test func anEmptyFileGoesUpSinglePartInAutomaticMode() async throws {
            let directory = try TemporaryDirectory()
            let empty = try directory.file("empty.jpg", bytes: [])
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let image = try await client.uploadImage(project: project, dataCollection: dc, UploadFile(empty), options: .testing())
                #expect(try await emulator.storedObjectMD5(resourceType: "image", id: image.id.rawValue) == "1B2M2Y8AsgTpgAmY7PhCfg==")
            }
        }

        @Test func automaticModeSwitchesToPartsAboveTheThresholdAndGrowsPartsForHugeFiles() throws {
            let threshold = UploadMode.automaticThreshold
            #expect(UploadMode.defaultPartSize >= 5 * 1024 * 1024)
            #expect(try UploadMode.automatic.partSize(forFileOfSize: threshold, name: "a") == nil)
            #expect(try UploadMode.automatic.partSize(forFileOfSize: threshold + 1, name: "a") == UploadMode.defaultPartSize)
            let huge: Int64 = 200 * 1024 * 1024 * 1024
            let grown = try #require(try UploadMode.automatic.partSize(forFileOfSize: huge, name: "a"))
            #expect(Int64(grown) * Int64(UploadMode.maxPartCount) >= huge)
            #expect(try UploadMode.singlePart.partSize(forFileOfSize: huge, name: "a") == nil)
            #expect(try UploadMode.multipart(partSize: 5).partSize(forFileOfSize: 11, name: "a") == 5)
            let tooMany = #expect(throws: PixelError.self) {
                try UploadMode.multipart(partSize: 1).partSize(forFileOfSize: Int64(UploadMode.maxPartCount) + 1, name: "many.tif")
            }
            #expect(tooMany?.message.contains("many.tif") == true)
        }
    }
}

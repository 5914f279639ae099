import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct SingleFile {
        @Test func aSinglePartImageIsStoredByteForByteWithItsMetadata() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("IMG_0001.jpg", size: 300_000, seed: 1)
            let metadata = MetadataObject(
                fields: .image(ImageMetadataFields(name: "North face", camHeading: 92.5, camPitch: -10, focalLength: 35)),
                jsonMetadata: ["flight": .string("F-12"), "altitude": .number(118.5)])
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let image = try await client.uploadImage(
                    project: project, dataCollection: dc, UploadFile(source, metadata: metadata), mode: .singlePart, options: .testing())
                #expect(image.fileName == "IMG_0001.jpg")
                #expect(image.name == "North face")
                #expect(try await emulator.storedObjectMD5(resourceType: "image", id: image.id.rawValue) == md5Base64(of: source))
                #expect(emulator.stats.routeCount("POST /_store/post") == 1)
                #expect(emulator.stats.routeCount("PUT /_store/part") == 0)
                let stored = try await client.getImageMetadata(project: project, dataCollection: dc, id: image.id)
                #expect(stored.jsonMetadata == metadata.jsonMetadata)
                guard case .image(let fields)? = stored.fields else {
                    Issue.record("expected image fields, got \(String(describing: stored.fields))")
                    return
                }
                #expect(fields.name == "North face")
                #expect(fields.camHeading == 92.5)
                #expect(fields.camPitch == -10)
                #expect(fields.focalLength == 35)
            }
        }

        @Test func aRasterGoesUpWithItsSupportFiles() async throws {
            let directory = try TemporaryDirectory()
            let raster = try directory.file("tile_7.tif", size: 200_000, seed: 2)
            let world = try directory.file("tile_7.tfw", bytes: Array("0.5\n0\n0\n-0.5\n600000\n6600000\n".utf8))
            let projection = try directory.file("tile_7.prj", size: 3_000, seed: 3)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.dtm)
                let log = UploadEventLog()
                let created = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(raster, supportFiles: [world, projection]),
                    mode: .multipart(partSize: 64 * 1024), options: .testing(), progress: log.handler)
                #expect(try await emulator.storedObjectMD5(resourceType: "raster", id: created.id.rawValue) == md5Base64(of: raster))
                #expect(await storedSupportFile(emulator, named: "tile_7.tfw")?.md5Base64 == (try md5Base64(of: world)))
                #expect(await storedSupportFile(emulator, named: "tile_7.prj")?.md5Base64 == (try md5Base64(of: projection)))
                let worldSize = try Data(contentsOf: world).count
                let total = Int64(200_000 + 3_000 + worldSize)
                let lastBytes = log.all.compactMap { event -> Int64? in
                    if case .bytesSent(_, _, _, let sent, let all) = event, all == total { return sent } else { return nil }
                }.last
                #expect(lastBytes == total)
                #expect(log.all.last.map(\.isFinal) == true)
            }
        }

        @Test func aPointCloudIsReturnedAsItsTypedModel() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("site.laz", size: 50_000, seed: 4)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.pointCloud)
                let cloud = try await client.uploadPointCloud(
                    project: project, dataCollection: dc,
                    UploadFile(source, metadata: MetadataObject(fields: .pointCloud(name: "Site scan"))), options: .testing())
                #expect(cloud.name == "Site scan")
                #expect(try await emulator.storedObjectMD5(resourceType: "point_cloud", id: cloud.id.rawValue) == md5Base64(of: source))
                let again = try await client.getPointCloud(project: project, dataCollection: dc, id: cloud.id)
                #expect(again.id == cloud.id)
            }
        }

        @Test func theWrongDataCollectionTypeIsRefusedBeforeAnyJobExists() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("photo.jpg", size: 1_000, seed: 5)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.raster)
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(project: project, dataCollection: dc, UploadFile(source), options: .testing())
                }
                #expect(error?.code == .invalidInput)
                #expect(error?.message.contains("'image'") == true)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/") == 0)
            }
        }

        @Test func aMissingFileOrSupportFileIsInvalidInputNamingThePath() async throws {
            let directory = try TemporaryDirectory()
            let present = try directory.file("here.jpg", size: 10, seed: 6)
            let missing = directory.url.appendingPathComponent("gone.jpg")
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(project: project, dataCollection: dc, UploadFile(missing), options: .testing())
                }
                #expect(error?.code == .invalidInput)
                #expect(error?.message.contains("gone.jpg") == true)
                let support = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(
                        project: project, dataCollection: dc, UploadFile(present, supportFiles: [missing]), options: .testing())
                }
                #expect(support?.message.contains("Support file") == true)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/") == 0)
            }
        }

        @Test func aFileTheServerRejectsThrowsJobFailedWithTheServersDetail() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("scan.las", size: 2_000, seed: 7)
            try await withClient { _, client in
                let (project, dc) = try await client.makeCollection(.image)
                let log = UploadEventLog()
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImage(project: project, dataCollection: dc, UploadFile(source), options: .testing(), progress: log.handler)
                }
                #expect(error?.code == .jobFailed)
                #expect(error?.detail?.contains("Wrong data collection type") == true)
                #expect(log.all.contains { if case .fileFailed(let name, _) = $0 { name == "scan.las" } else { false } })
                #expect(log.all.contains { if case .jobStatusChanged(_, .failed) = $0 { true } else { false } })
                #expect(log.all.last.map(\.isFinal) == true)
            }
        }

        @Test func theBlockingClientUploadsFromAPlainThread() async throws {
            let directory = try TemporaryDirectory()
            let source = try directory.file("blocking.jpg", size: 70_000, seed: 8)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let blocking = client.blocking
                let image = try await onPlainThread {
                    try blocking.uploadImage(
                        project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: 32 * 1024), options: .testing())
                }
                #expect(try await emulator.storedObjectMD5(resourceType: "image", id: image.id.rawValue) == md5Base64(of: source))
            }
        }
    }
}

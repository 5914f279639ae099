import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct Batch {
        @Test func fourHundredFiftyFilesInShuffledOrderEachLandInTheirOwnObject() async throws {
            let directory = try TemporaryDirectory()
            var generator = SplitMix64(seed: 450)
            let files = try (0..<450).map { index in
                try directory.file(String(format: "frame_%04d.jpg", index), size: 500 + index * 7, seed: UInt64(index) + 1000)
            }.shuffled(using: &generator)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let log = UploadEventLog()
                let result = try await client.uploadImages(
                    project: project, dataCollection: dc, files.map { UploadFile($0) }, mode: .singlePart, options: .testing(),
                    progress: log.handler)
                #expect(result.failures.isEmpty, "\(result.failures.prefix(3))")
                #expect(result.created.count == 450)
                #expect(result.created.map(\.file) == files)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/") == 3)
                for uploaded in result.created {
                    #expect(uploaded.resource.fileName == uploaded.name)
                    let stored = try await emulator.storedObjectMD5(resourceType: "image", id: uploaded.resource.id.rawValue)
                    #expect(stored == (try md5Base64(of: uploaded.file)), "\(uploaded.name)")
                }
                guard case .finished(let succeeded, let failed)? = log.all.last else {
                    Issue.record("the last event must be .finished")
                    return
                }
                #expect(succeeded == 450 && failed == 0)
                let expectedTotal = (0..<450).reduce(Int64(0)) { $0 + Int64(500 + $1 * 7) }
                let lastTotals = log.all.compactMap { event -> (Int64, Int64)? in
                    if case .bytesSent(_, _, _, let sent, let total) = event { (sent, total) } else { nil }
                }.last
                #expect(lastTotals?.0 == expectedTotal && lastTotals?.1 == expectedTotal)
            }
        }

        @Test func repeatedBaseNamesAreRefusedBeforeAnyJobIsCreated() async throws {
            let first = try TemporaryDirectory()
            let second = try TemporaryDirectory()
            let a = try first.file("same.jpg", size: 10, seed: 1)
            let b = try second.file("same.jpg", size: 10, seed: 2)
            let c = try second.file("other.jpg", size: 10, seed: 3)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let error = await #expect(throws: PixelError.self) {
                    try await client.uploadImages(
                        project: project, dataCollection: dc, [UploadFile(a), UploadFile(c), UploadFile(b)], options: .testing())
                }
                #expect(error?.code == .invalidInput)
                #expect(error?.message.contains("'same.jpg'") == true)
                #expect(emulator.stats.routeCount("POST /projects/{p}/data_collections/{dc}/upload_jobs/") == 0)
            }
        }

        @Test func aRejectedFileIsReportedWhileItsSiblingsAreCreated() async throws {
            let directory = try TemporaryDirectory()
            let good1 = try directory.file("a.jpg", size: 1_000, seed: 21)
            let bad = try directory.file("b.las", size: 1_000, seed: 22)
            let good2 = try directory.file("c.jpg", size: 1_000, seed: 23)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let result = try await client.uploadImages(
                    project: project, dataCollection: dc, [UploadFile(good1), UploadFile(bad), UploadFile(good2)], options: .testing())
                #expect(result.created.map(\.name) == ["a.jpg", "c.jpg"])
                let failure = try #require(result.failures.first)
                #expect(result.failures.count == 1)
                #expect(failure.name == "b.las")
                #expect(failure.stage == .validating)
                #expect(failure.status == .failed)
                #expect(failure.uploadJobID != nil)
                #expect(failure.error.code == .jobFailed)
                #expect(failure.error.detail?.contains("Wrong data collection type") == true)
                for uploaded in result.created {
                    #expect(
                        try await emulator.storedObjectMD5(resourceType: "image", id: uploaded.resource.id.rawValue) == md5Base64(of: uploaded.file))
                }
            }
        }

        @Test func anMD5MismatchFoundByTheServerIsAPerFileFailureWithItsDetail() async throws {
            let directory = try TemporaryDirectory()
            let urls = try ["a.jpg", "b.jpg", "c.jpg"].enumerated().map { index, name in
                try directory.file(name, size: 4_000, seed: UInt64(31 + index))
            }
            let changed = urls[1]
            // The file changes after it was hashed and its job created, before its bytes are sent.
            let handler: UploadEventHandler = { event in
                if case .jobCreated("b.jpg", _) = event { try? Data(repeating: 0x42, count: 4_000).write(to: changed) }
            }
            try await withClient { _, client in
                let (project, dc) = try await client.makeCollection(.image)
                let result = try await client.uploadImages(
                    project: project, dataCollection: dc, urls.map { UploadFile($0) }, mode: .singlePart, options: .testing(), progress: handler)
                #expect(result.created.map(\.name) == ["a.jpg", "c.jpg"])
                let failure = try #require(result.failures.first)
                #expect(failure.name == "b.jpg")
                #expect(failure.stage == .validating)
                #expect(failure.error.detail?.contains("MD5 mismatch for b.jpg") == true)
            }
        }

        @Test func aPartWhoseBytesChangedIsRefusedWithoutRetryAndOnlyItsFileFails() async throws {
            let directory = try TemporaryDirectory()
            let keep = try directory.file("keep.tif", size: 40_000, seed: 41)
            let changed = try directory.file("changed.tif", size: 40_000, seed: 42)
            let handler: UploadEventHandler = { event in
                if case .jobCreated("changed.tif", _) = event { try? Data(repeating: 7, count: 40_000).write(to: changed) }
            }
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.raster)
                let result = try await client.uploadRasters(
                    project: project, dataCollection: dc, [UploadFile(keep), UploadFile(changed)], mode: .multipart(partSize: 40_000),
                    options: .testing(), progress: handler)
                #expect(result.created.map(\.name) == ["keep.tif"])
                let failure = try #require(result.failures.first)
                #expect(failure.stage == .transferring)
                #expect(failure.error.code == .httpStatus)
                #expect(failure.error.status == 400)
                #expect(failure.error.detail?.contains("Content-MD5") == true)
                #expect(emulator.stats.routeCount("PUT /_store/part") == 2)
            }
        }

        @Test func cancellingTheOperationStopsEveryTransfer() async throws {
            let directory = try TemporaryDirectory()
            let files = try (0..<6).map { try directory.file("slow_\($0).jpg", size: 2_000, seed: UInt64($0) + 50) }
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                emulator.faults.failNext(100, method: "POST", pathPrefix: "/_store/post/", with: .delay(TestTime.scaled(.seconds(2))))
                let (events, progress) = UploadEvent.makeStream()
                let upload = Task {
                    try await client.uploadImages(
                        project: project, dataCollection: dc, files.map { UploadFile($0) }, options: .testing(), progress: progress)
                }
                for await event in events {
                    if case .bytesSent = event {
                        upload.cancel()
                        break
                    }
                }
                let error = await #expect(throws: PixelError.self) { try await upload.value }
                #expect(error?.code == .cancelled)
                emulator.faults.clear()
                #expect(try await client.getImages(project: project, dataCollection: dc).isEmpty)
                #expect(emulator.stats.routeCount("PUT /projects/{p}/data_collections/{dc}/upload_jobs/multiple_uploadFinished") == 0)
            }
        }
    }
}

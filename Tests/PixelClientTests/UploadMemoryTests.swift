import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct Memory {
        /// Bytes stream from disk at their offsets, each chunk only once the event loops have
        /// written the previous ones, and the MD5 is computed 1 MiB at a time, so a 64 MiB
        /// upload (client and in-process emulator together) must not grow the process by
        /// anything near the file size.
        @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
        func a64MiBMultipartUploadKeepsResidentMemoryGrowthUnder32MiB() async throws {
            let directory = try TemporaryDirectory()
            // Ten 1 MiB parts: the same number of concurrent streams as the measured upload, so
            // one-time costs (connections, threads, allocator arenas) are paid before measuring.
            let warmUp = try directory.file("warm-up.tif", size: 10 * 1024 * 1024 + 17, seed: 90)
            let source = try directory.file("large.tif", size: 64 * 1024 * 1024, seed: 91)
            let expectedMD5 = try md5Base64(of: source)
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.raster)
                // Warm up pools, threads and code paths so the measurement sees only the upload.
                _ = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(warmUp), mode: .multipart(partSize: 1024 * 1024), options: .testing())
                let sampler = ResidentMemorySampler()
                let before = residentBytes()
                sampler.start()
                // The default concurrency (10 parts in flight). Before the body was paced to the
                // event loops (EventLoopPacer), AsyncHTTPClient's async body stream queued chunks
                // on the event loops faster than it wrote them: 3–39 MiB of growth here, 7–19 MiB
                // for the client alone against an emulator in another process, with up to 18 MiB
                // of live malloc'd chunks (glibc malloc_info) and the rest allocator fragmentation.
                // The emulator's side (NIOAsyncChannel backpressure, awaited file writes) stayed
                // small throughout. Paced: 0–2 MiB, in-process and out.
                let raster = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(source), mode: .multipart(), options: .testing())
                let peak = sampler.stop()
                let after = residentBytes()
                let growth = peak - before
                print("upload RSS: before \(before >> 20) MiB, peak \(peak >> 20) MiB, after \(after >> 20) MiB, growth \(growth >> 20) MiB")
                #expect(growth < 32 * 1024 * 1024, "peak RSS grew by \(growth >> 20) MiB")
                #expect(emulator.stats.routeCount("PUT /_store/part") == 11 + 8)
                #expect(try await emulator.storedObjectMD5(resourceType: "raster", id: raster.id.rawValue) == expectedMD5)
            }
        }
    }
}

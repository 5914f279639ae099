import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct Memory {
        /// Bytes stream from disk at their offsets and the MD5 is computed 1 MiB at a time, so
        /// a 64 MiB upload (client and in-process emulator together) must not grow the process
        /// by anything near the file size.
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
                _ = try await client.uploadRaster(project: project, dataCollection: dc, UploadFile(warmUp), mode: .multipart(partSize: 1024 * 1024), options: .testing())
                let sampler = ResidentMemorySampler()
                let before = residentBytes()
                sampler.start()
                // Four streams at a time. Client and emulator share this process (two event-loop
                // threads, one blocking-I/O pool), and the transient buffering of concurrent
                // streams under that contention varies from run to run: measured 1–22 MiB with 4
                // streams, 3–39 MiB with the default 10. Growth does not follow the file size.
                let raster = try await client.uploadRaster(
                    project: project, dataCollection: dc, UploadFile(source), mode: .multipart(), options: .testing { $0.concurrency = 4 })
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

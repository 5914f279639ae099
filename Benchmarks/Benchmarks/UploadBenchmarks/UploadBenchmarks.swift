import Benchmark
import BenchmarkSupport
import Foundation
import PixelClient
import PixelEmulator
import Settings

/// 1 GiB through the whole upload path — MD5 of 128 parts off the cooperative pool, concurrent
/// streamed part PUTs (the default 10 in flight), server-side assembly and validation — against
/// the in-process emulator on loopback. The interesting numbers are wall clock (throughput =
/// 1024 MiB / wall clock), the growth of peak resident memory during the upload, which must stay
/// far below the file size because nothing holds a whole file or a whole part, and the number of
/// mallocs (client and emulator together). The file is written before the measurement starts.
let benchmarks: @Sendable () -> Void = {
    Benchmark("Upload 1 GiB multipart (8 MiB parts) to the in-process emulator", configuration: gigabyteUpload) { benchmark in
        do {
            try await PixelEmulator.withRunning { emulator in
                try await uploadGigabyte(benchmark, authURL: emulator.baseURL, apiURL: emulator.apiURL(tenant: "demo"))
            }
        } catch {
            benchmark.error("upload failed: \(error)")
        }
    }
    // The same upload to `pixel emulator` running as another process — the setup of the
    // pixel-client 1.2.8 anchor (upload_anchor.py) — so memory is the client's alone and the
    // wall clock compares with Python's. Only when PIXEL_BENCH_EMULATOR_URL names that emulator.
    if let external = ProcessInfo.processInfo.environment["PIXEL_BENCH_EMULATOR_URL"] {
        Benchmark("Upload 1 GiB multipart (8 MiB parts) to an emulator in another process", configuration: gigabyteUpload) { benchmark in
            do {
                try await uploadGigabyte(benchmark, authURL: external, apiURL: external + "/demo")
            } catch {
                benchmark.error("upload failed: \(error)")
            }
        }
    }
}

/// Growth of the resident set during the measured upload alone, in MiB. The built-in
/// "Memory Δ (resident peak)" counts from before the benchmark closure runs, so it also holds
/// the emulator's start, the client, the test file's writing and the warm-up upload.
let uploadResidentGrowth = BenchmarkMetric.custom("Upload RSS growth (MiB)", polarity: .prefersSmaller, useScalingFactor: false)

/// One iteration and no harness warm-up iterations (uploadGigabyte does its own small warm-up).
var gigabyteUpload: Benchmark.Configuration {
    .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .peakMemoryResidentDelta, .mallocCountTotal, uploadResidentGrowth],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1)
}

/// Writes a 1 GiB file into a fresh temporary directory (before the measurement starts), uploads
/// a small file to warm up, measures the upload of the 1 GiB file as a raster with the default
/// concurrency, and removes the directory again.
func uploadGigabyte(_ benchmark: Benchmark, authURL: String, apiURL: String) async throws {
    let size = 1 << 30
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-upload-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("gigabyte.tif")
    writePseudoRandomFile(file, size: size)
    let warmUp = directory.appendingPathComponent("warm-up.tif")
    writePseudoRandomFile(warmUp, size: 16 << 20)
    let settings = PixelSettings(
        username: "demo@example.com", password: Secret("demo-password"), tenant: "demo",
        authServerURLOverride: authURL, apiURLOverride: apiURL, uploadTimeout: .seconds(600))
    let client = try PixelAsyncClient(settings: settings, hooks: PixelClientHooks(proxyEnvironment: [:]))
    do {
        let area = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
        let project = try await client.createProject(name: "bench", description: "", areaOfInterest: area)
        let collection = try await client.createDataCollection(project: project.id, name: "bench", description: "", dataCollectionType: .raster)
        // A 16 MiB upload first, so connections, pool threads and allocator arenas exist before
        // the measurement and the memory figure shows only what the 1 GiB upload itself adds.
        _ = try await client.uploadRaster(
            project: project.id, dataCollection: collection.id, UploadFile(warmUp), mode: .multipart(partSize: 1 << 20),
            options: UploadOptions(pollInterval: .milliseconds(20), maxPollInterval: .milliseconds(200)))
        let sampler = ResidentPeakSampler()
        let before = residentBytes()
        sampler.start()
        benchmark.startMeasurement()
        let raster = try await client.uploadRaster(
            project: project.id, dataCollection: collection.id, UploadFile(file), mode: .multipart(),
            options: UploadOptions(pollInterval: .milliseconds(20), maxPollInterval: .milliseconds(200)))
        benchmark.stopMeasurement()
        benchmark.measurement(uploadResidentGrowth, (sampler.stop() - before) >> 20)
        blackHole(raster)
    } catch {
        await client.close()
        throw error
    }
    await client.close()
}

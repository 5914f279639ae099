import Benchmark
import Foundation
import PixelClient
import PixelEmulator
import Settings

/// 1 GiB through the whole upload path — MD5 of 128 parts off the cooperative pool, concurrent
/// streamed part PUTs, server-side assembly — against the in-process emulator on loopback.
/// The interesting numbers are wall clock (throughput) and peak resident memory, which must
/// stay far below the file size because nothing holds a whole file or a whole part.
let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Upload 1 GiB multipart (8 MiB parts) to the in-process emulator",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 0,
            maxDuration: .seconds(600), maxIterations: 1)
    ) { benchmark in
        let size = 1 << 30
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-upload-bench-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("gigabyte.tif")
        writePseudoRandomFile(file, size: size)
        do {
            try await PixelEmulator.withRunning { emulator in
                let settings = PixelSettings(
                    username: "demo@example.com", password: Secret("demo-password"), tenant: "demo",
                    authServerURLOverride: emulator.baseURL, apiURLOverride: emulator.apiURL(tenant: "demo"), uploadTimeout: .seconds(600))
                let client = try PixelAsyncClient(settings: settings, options: PixelClientOptions(environment: [:]))
                let area = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
                let project = try await client.createProject(name: "bench", description: "", areaOfInterest: area)
                let collection = try await client.createDataCollection(
                    project: project.id, name: "bench", description: "", dataCollectionType: .raster)
                benchmark.startMeasurement()
                let raster = try await client.uploadRaster(
                    project: project.id, dataCollection: collection.id, UploadFile(file), mode: .multipart(),
                    options: UploadOptions(pollInterval: .milliseconds(20), maxPollInterval: .milliseconds(200)))
                benchmark.stopMeasurement()
                blackHole(raster)
                await client.close()
            }
        } catch {
            benchmark.error("upload failed: \(error)")
        }
    }
}

/// Writes `size` bytes 1 MiB at a time (never the whole file in memory).
func writePseudoRandomFile(_ url: URL, size: Int) {
    FileManager.default.createFile(atPath: url.path, contents: nil)
    guard let handle = try? FileHandle(forWritingTo: url) else { return }
    defer { try? handle.close() }
    var state: UInt64 = 0x1234_5678
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    for _ in 0..<(size >> 20) {
        for index in stride(from: 0, to: chunk.count, by: 8) {
            state &+= 0x9E37_79B9_7F4A_7C15
            var word = state ^ (state >> 31)
            for offset in index..<(index + 8) {
                chunk[offset] = UInt8(truncatingIfNeeded: word)
                word >>= 8
            }
        }
        try? handle.write(contentsOf: chunk)
    }
}

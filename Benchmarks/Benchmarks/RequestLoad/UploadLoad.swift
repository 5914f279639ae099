import ArgumentParser
import BenchmarkSupport
import Foundation
import PixelClient
import Synchronization

/// `upload`: one multipart raster upload (default concurrency) against the server, after a small
/// warm-up upload, timed in phases from the client's own progress events: hashing (until the job
/// is created), transfer (job created → every part accepted: what `curl` is compared with) and
/// the server's assembly and validation (→ the call returns). Also the growth of this process's
/// resident set during the upload (sampled every 2 ms) and its peak (`VmHWM`).
struct UploadLoad: ParsableCommand, Sendable {
    static let configuration = CommandConfiguration(commandName: "upload", abstract: "One multipart upload, timed by phase, with memory.")

    @OptionGroup var server: ServerOptions

    @Option(help: "File size in MiB.")
    var sizeMib: Int = 1024

    @Option(help: "Part size in MiB.")
    var partMib: Int = 8

    @Option(help: "Measured uploads (each of a fresh file).")
    var repetitions: Int = 1

    func run() throws { try runToCompletion(execute) }

    func execute() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-upload-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("upload.tif")
        writePseudoRandomFile(file, size: sizeMib << 20)
        let warmUp = directory.appendingPathComponent("warm-up.tif")
        writePseudoRandomFile(warmUp, size: min(16, sizeMib) << 20)

        let client = try PixelAsyncClient(settings: server.settings)
        do {
            let area = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])
            let project = try await client.createProject(name: "upload benchmark", description: "", areaOfInterest: area)
            let collection = try await client.createDataCollection(
                project: project.id, name: "upload benchmark", description: "", dataCollectionType: .raster)
            let options = UploadOptions(pollInterval: .milliseconds(20), maxPollInterval: .milliseconds(200))
            // Connections, pool threads and allocator arenas exist before the measurement, so the
            // memory figure holds only what the measured upload adds.
            _ = try await client.uploadRaster(
                project: project.id, dataCollection: collection.id, UploadFile(warmUp), mode: .multipart(partSize: 1 << 20), options: options)
            var phases: [UploadPhases] = []
            var growth: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<max(1, repetitions) {
                let clock = PhaseClock()
                let sampler = ResidentPeakSampler()
                let before = residentBytes()
                sampler.start()
                let cpuBefore = processCPUSeconds()
                clock.mark(\.start)
                _ = try await client.uploadRaster(
                    project: project.id, dataCollection: collection.id, UploadFile(file), mode: .multipart(partSize: partMib << 20),
                    options: options, progress: clock.handler)
                clock.mark(\.end)
                cpu.append(((processCPUSeconds() - cpuBefore) * 1000).rounded() / 1000)
                growth.append((Double(max(0, sampler.stop() - before)) / Double(1 << 20) * 10).rounded() / 10)
                phases.append(clock.phases)
            }
            await client.close()
            UploadReport(
                client: "PixelClient async", server: server.server, sizeMib: sizeMib, partMib: partMib, concurrency: 10,
                wholeSeconds: phases.map(\.whole), hashSeconds: phases.map(\.hashing), transferSeconds: phases.map(\.transfer),
                serverSeconds: phases.map(\.serverSide), cpuSeconds: cpu, rssGrowthMib: growth, peakRssMib: peakResidentBytes() >> 20
            ).emit()
        } catch {
            await client.close()
            throw error
        }
    }
}

/// The instants an upload passes, in seconds since the start.
struct UploadPhases: Sendable {
    var start: ContinuousClock.Instant?
    var jobCreated: ContinuousClock.Instant?
    var transferred: ContinuousClock.Instant?
    var end: ContinuousClock.Instant?

    private func seconds(_ from: ContinuousClock.Instant?, _ to: ContinuousClock.Instant?) -> Double {
        guard let from, let to else { return .nan }
        let duration = to - from
        return ((Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18) * 1000).rounded() / 1000
    }

    var whole: Double { seconds(start, end) }
    var hashing: Double { seconds(start, jobCreated) }
    var transfer: Double { seconds(jobCreated, transferred) }
    var serverSide: Double { seconds(transferred, end) }
}

/// Notes when the upload's events arrive.
final class PhaseClock: Sendable {
    private let state = Mutex(UploadPhases())

    func mark(_ phase: WritableKeyPath<UploadPhases, ContinuousClock.Instant?> & Sendable) {
        let now = ContinuousClock.now
        state.withLock { if $0[keyPath: phase] == nil { $0[keyPath: phase] = now } }
    }

    var phases: UploadPhases { state.withLock { $0 } }

    var handler: UploadEventHandler {
        { [self] event in
            switch event {
            case .jobCreated: mark(\.jobCreated)
            case .transferred: mark(\.transferred)
            default: break
            }
        }
    }
}

struct UploadReport: JSONLine {
    var kind = "upload"
    var client: String
    var server: String
    var sizeMib: Int
    var partMib: Int
    var concurrency: Int
    var wholeSeconds: [Double]
    var hashSeconds: [Double]
    var transferSeconds: [Double]
    var serverSeconds: [Double]
    var cpuSeconds: [Double]
    var rssGrowthMib: [Double]
    var peakRssMib: Int
}

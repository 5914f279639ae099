import NIOConcurrencyHelpers
import Crypto
import Foundation
import PixelClient
import PixelEmulator
import Synchronization
import Testing

/// Every upload and attachment test runs inside this suite, one at a time: they move many
/// bytes on a 2-core machine, and the resident-memory test must not see its siblings' buffers.
@Suite(.serialized) struct UploadTests {}

/// A temporary directory that removes itself.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pixel-upload-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns its URL.
    func file(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes `size` pseudo-random bytes (seeded, so every file differs), 1 MiB at a time.
    func file(_ name: String, size: Int, seed: UInt64) throws -> URL {
        let file = url.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var generator = SplitMix64(seed: seed)
        var remaining = size
        while remaining > 0 {
            let count = min(remaining, 1 << 20)
            var chunk = [UInt8](repeating: 0, count: count)
            for index in stride(from: 0, to: count, by: 8) {
                var word = generator.next()
                for offset in index..<min(index + 8, count) {
                    chunk[offset] = UInt8(truncatingIfNeeded: word)
                    word >>= 8
                }
            }
            try handle.write(contentsOf: chunk)
            remaining -= count
        }
        return file
    }
}

/// A tiny seeded generator, so test files are reproducible and distinct.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Base64 MD5 of a file, streamed.
func md5Base64(of url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = Insecure.MD5()
    while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty { hasher.update(data: data) }
    return Data(hasher.finalize()).base64EncodedString()
}

/// Upload options for tests: fast polling.
extension UploadOptions {
    static func testing(_ tweak: (inout UploadOptions) -> Void = { _ in }) -> UploadOptions {
        var options = UploadOptions(
            jobTimeout: .seconds(60), batchTimeout: .seconds(120), pollInterval: .milliseconds(5), maxPollInterval: .milliseconds(50))
        tweak(&options)
        return options
    }
}

/// Collects upload events.
final class UploadEventLog: Sendable {
    let events = NIOLockedValueBox<[UploadEvent]>([])
    var handler: UploadEventHandler { { event in self.events.withLockedValue { $0.append(event) } } }
    var all: [UploadEvent] { events.withLockedValue { $0 } }

    var retries: Int { all.filter { if case .retrying = $0 { true } else { false } }.count }
    var partsCompleted: Int { all.filter { if case .partCompleted = $0 { true } else { false } }.count }
}

/// The stored object that belongs to an upload's support file `name`.
func storedSupportFile(_ emulator: PixelEmulator, named name: String) async -> StoredObject? {
    await emulator.storedObjects().first { $0.resourceType == "support_file" && $0.name == name }
}

/// Resident set size of this process in bytes (`VmRSS` in /proc/self/status).
func residentBytes() -> Int {
    guard let status = readWholeProcFile("/proc/self/status") else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let digits = line.split(separator: " ").compactMap { Int($0) }
        return (digits.first ?? 0) * 1024
    }
    return 0
}

/// Samples the resident set size on a plain thread until stopped, keeping the peak.
final class ResidentMemorySampler: Sendable {
    private let peak = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    func start() {
        peak.store(residentBytes(), ordering: .relaxed)
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let now = residentBytes()
                if now > peak.load(ordering: .relaxed) { peak.store(now, ordering: .relaxed) }
                Thread.sleep(forTimeInterval: 0.002)
            }
        }
        thread.start()
    }

    /// Stops sampling and returns the peak seen.
    func stop() -> Int {
        stopped.store(true, ordering: .relaxed)
        return max(peak.load(ordering: .relaxed), residentBytes())
    }
}

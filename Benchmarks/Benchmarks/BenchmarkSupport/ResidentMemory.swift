import Benchmark
import Foundation
import Synchronization

/// Growth of the resident set during the measured upload alone, in MiB. The built-in
/// "Memory Δ (resident peak)" counts from before the benchmark closure runs, so it also holds
/// the emulator's start, the client, the test file's writing and the warm-up upload.
let uploadResidentGrowth = BenchmarkMetric.custom("Upload RSS growth (MiB)", polarity: .prefersSmaller, useScalingFactor: false)

/// Resident set size of this process in bytes, from the second field of `/proc/self/statm`
/// (0 where there is none). Reads into a stack buffer and parses by hand so that sampling every
/// 2 ms does not add mallocs to the benchmark's malloc count.
func residentBytes() -> Int {
    let descriptor = open("/proc/self/statm", O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Int in
        let count = read(descriptor, buffer.baseAddress, buffer.count)
        guard count > 0 else { return 0 }
        var field = 0
        var pages = 0
        for byte in buffer[0..<count] {
            if byte == UInt8(ascii: " ") {
                field += 1
                if field > 1 { break }
            } else if field == 1, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                pages = pages * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Samples the resident set size every 2 ms on a plain thread until stopped, keeping the peak.
final class ResidentPeakSampler: Sendable {
    private let peak = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    func start() {
        peak.store(residentBytes(), ordering: .relaxed)
        Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let now = residentBytes()
                if now > peak.load(ordering: .relaxed) { peak.store(now, ordering: .relaxed) }
                Thread.sleep(forTimeInterval: 0.002)
            }
        }.start()
    }

    /// Stops sampling and returns the peak seen.
    func stop() -> Int {
        stopped.store(true, ordering: .relaxed)
        return max(peak.load(ordering: .relaxed), residentBytes())
    }
}

import Foundation
import Synchronization

/// Resident set size of this process in bytes, from the second field of `/proc/self/statm`
/// (0 where there is none). Reads into a stack buffer and parses by hand so that sampling every
/// 2 ms does not add mallocs to a benchmark's malloc count.
public func residentBytes() -> Int {
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

/// The kernel's high-water mark of this process's resident set (`VmHWM` in `/proc/self/status`),
/// in bytes; 0 where there is none. Allocates: call it outside measured regions.
public func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
        return kilobytes * 1024
    }
    return 0
}

/// Samples the resident set size every 2 ms on a plain thread until stopped, keeping the peak.
public final class ResidentPeakSampler: Sendable {
    private let peak = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public func start() {
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
    public func stop() -> Int {
        stopped.store(true, ordering: .relaxed)
        return max(peak.load(ordering: .relaxed), residentBytes())
    }
}

/// User plus system CPU time this process has used so far, in seconds.
public func processCPUSeconds() -> Double {
    var usage = rusage()
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

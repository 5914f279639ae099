import Foundation

/// Writes `size` pseudo-random bytes to `url` 1 MiB at a time (never the whole file in memory).
/// The content is the same on every call, so uploads of it hash the same way run after run.
public func writePseudoRandomFile(_ url: URL, size: Int) {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    guard let handle = try? FileHandle(forWritingTo: url) else { return }
    defer { try? handle.close() }
    var state: UInt64 = 0x1234_5678
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var remaining = size
    while remaining > 0 {
        for index in stride(from: 0, to: chunk.count, by: 8) {
            state &+= 0x9E37_79B9_7F4A_7C15
            var word = state ^ (state >> 31)
            for offset in index..<(index + 8) {
                chunk[offset] = UInt8(truncatingIfNeeded: word)
                word >>= 8
            }
        }
        let count = min(remaining, chunk.count)
        try? handle.write(contentsOf: chunk[0..<count])
        remaining -= count
    }
}

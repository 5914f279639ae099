import Foundation

/// The one place test waits take their limits from. A slow run (ThreadSanitizer, a loaded
/// machine) raises them all with `PIXEL_TEST_TIME_SCALE` (for example `5`); no test hard-codes a
/// budget of its own. Limits bound waits for events; they are never assertions about speed.
enum TestTime {
    /// The multiplier from `PIXEL_TEST_TIME_SCALE`, at least 1.
    static let scale: Double = {
        let text = ProcessInfo.processInfo.environment["PIXEL_TEST_TIME_SCALE"] ?? ""
        return max(1, Double(text) ?? 1)
    }()

    /// How long to wait for something that normally takes milliseconds.
    static var eventLimit: Duration { scaled(.seconds(20)) }

    /// `duration` times ``scale``.
    static func scaled(_ duration: Duration) -> Duration {
        duration * scale
    }
}

/// Waits for `operation` up to `limit`; returns `nil` when the limit passed first (the operation
/// is then cancelled).
func withTimeLimit<T: Sendable>(_ limit: Duration = TestTime.eventLimit, _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

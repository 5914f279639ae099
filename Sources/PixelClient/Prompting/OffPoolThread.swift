import Foundation

/// Runs blocking work on a fresh, dedicated `Thread` and suspends (never blocks) the caller until
/// it finishes.
///
/// The cooperative pool has one thread per core — two on small machines — so a `read()` waiting
/// for a person to type would stall every task in the process (factory pitfall 15). A prompt is
/// rare and slow, so a thread per call costs nothing worth pooling.
package enum OffPoolThread {
    /// Runs `body` on a new thread named `name` and returns its result. Keep `name` within 15
    /// bytes: Linux refuses longer thread names.
    package static func run<Value: Sendable>(name: String, _ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                // The OS-level name (for `ps`, gdb) is best effort: swift-corelibs-foundation
                // applies it only when the setter runs after `start()` has recorded the thread,
                // which races with this block. The thread dictionary is reliable.
                Thread.current.name = name
                Thread.current.threadDictionary[markerKey] = name
                continuation.resume(returning: body())
            }
            thread.name = name
            thread.start()
        }
    }

    /// The `name` given to ``run(name:_:)`` when called from inside its body, else `nil`.
    package static var currentName: String? {
        Thread.current.threadDictionary[markerKey] as? String
    }

    private static let markerKey = "PixelClient.OffPoolThread.name"
}

import Dispatch
import NIOPosix
import Synchronization

/// Runs async work to completion for a blocking caller.
///
/// Decision (issue 4): a blocking call from inside a Swift concurrency task, or on a NIO event
/// loop, **fails fast** with ``PixelError/Code/syncCallInAsyncContext`` naming the async method.
/// Blocking there could starve the 2-thread cooperative pool (or the event loop) that the very
/// request needs, which deadlocks — with an in-process server it always does.
///
/// Everywhere else (plain threads, the main thread, dispatch queues) the work runs in
/// `Task.detached` (no inherited actor isolation, so a blocked main thread cannot starve it) and
/// the caller waits on a semaphore; the result travels back through a `Mutex`.
enum BlockingBridge {
    /// True inside a task or on an event-loop thread: places where blocking may deadlock.
    static var isInAsyncContext: Bool {
        withUnsafeCurrentTask { $0 != nil } || MultiThreadedEventLoopGroup.currentEventLoop != nil
    }

    static func run<Value: Sendable>(
        asyncMethod: String, _ operation: @escaping @Sendable () async throws(PixelError) -> Value
    ) throws(PixelError) -> Value {
        if isInAsyncContext { throw .syncCallInAsyncContext(asyncMethod: asyncMethod) }
        let result = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let outcome: Result<Value, PixelError>
            do throws(PixelError) {
                outcome = .success(try await operation())
            } catch {
                outcome = .failure(error)
            }
            result.slot.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = result.slot.withLock({ $0 }) else {
            throw PixelError(code: .transport, message: "The blocking bridge finished without a result.")
        }
        return try outcome.get()
    }
}

/// Carries the detached task's result to the blocked thread.
private final class ResultBox<Value: Sendable>: Sendable {
    let slot = Mutex<Result<Value, PixelError>?>(nil)
}

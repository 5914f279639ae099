import Dispatch
import NIOConcurrencyHelpers
import NIOPosix

/// Runs async work to completion for a blocking caller.
///
/// A blocking call from inside a Swift concurrency task, or on a NIO event loop, **fails fast**
/// with ``PixelError/Code/syncCallInAsyncContext`` naming the async method. Blocking there could
/// starve the cooperative pool (or the event loop) that the very request needs, which deadlocks —
/// with an in-process server it always does.
///
/// Everywhere else (plain threads, the main thread, dispatch queues) the work runs in
/// `Task.detached` (no inherited actor isolation, so a blocked main thread cannot starve it) and
/// the caller waits on a semaphore; the result travels back through a lock.
enum BlockingBridge {
    /// True inside a task or on an event-loop thread: places where blocking may deadlock.
    static var isInAsyncContext: Bool {
        withUnsafeCurrentTask { $0 != nil } || MultiThreadedEventLoopGroup.currentEventLoop != nil
    }

    /// Runs `operation`, whose errors are ``PixelError``s.
    static func run<Value: Sendable>(
        asyncMethod: String, _ operation: @escaping @Sendable () async throws(PixelError) -> Value
    ) throws(PixelError) -> Value {
        do {
            return try runAny(asyncMethod: asyncMethod) { () async throws -> Value in try await operation() }
        } catch let error as PixelError {
            throw error
        } catch {
            throw PixelError.wrapping(error)
        }
    }

    /// Runs `operation` and rethrows whatever it throws.
    static func runAny<Value: Sendable>(asyncMethod: String, _ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
        if isInAsyncContext { throw PixelError.syncCallInAsyncContext(asyncMethod: asyncMethod) }
        let slot = NIOLockedValueBox<Result<Value, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let outcome: Result<Value, any Error>
            do {
                outcome = .success(try await operation())
            } catch {
                outcome = .failure(error)
            }
            slot.withLockedValue { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = slot.withLockedValue({ $0 }) else {
            throw PixelError(code: .transport, message: "The blocking bridge finished without a result.")
        }
        return try outcome.get()
    }
}

import NIOConcurrencyHelpers
import NIOCore

/// The undelivered events of one subscriber and the iterator waiting for them.
///
/// At most `capacity` ordinary events are kept: pushing one more drops the oldest ordinary event.
/// Essential events are never dropped and do not count towards the capacity.
final class SubscriberBuffer<Event: Sendable>: Sendable {
    private struct State {
        var queue = CircularBuffer<(event: Event, essential: Bool)>()
        var ordinaryCount = 0
        var waiters: [Int: CheckedContinuation<Event?, Never>] = [:]
        var nextWaiterID = 0
        var finished = false
        var dropped = 0
    }

    private enum PushOutcome {
        case deliver(CheckedContinuation<Event?, Never>)
        case queued(dropped: Bool)
    }

    private enum NextAction {
        case resume(Event?)
        case wait
    }

    private let capacity: Int
    private let state = NIOLockedValueBox(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    var droppedCount: Int { state.withLockedValue { $0.dropped } }

    /// Adds `event` (or hands it to a waiting iterator); returns whether an ordinary event was
    /// dropped to make room.
    func push(_ event: Event, essential: Bool) -> Bool {
        let outcome = state.withLockedValue { state -> PushOutcome in
            if state.finished { return .queued(dropped: false) }
            if let id = state.waiters.keys.min(), let waiter = state.waiters.removeValue(forKey: id) {
                return .deliver(waiter)
            }
            state.queue.append((event, essential))
            if !essential { state.ordinaryCount += 1 }
            guard state.ordinaryCount > capacity, let index = state.queue.firstIndex(where: { !$0.essential }) else {
                return .queued(dropped: false)
            }
            state.queue.remove(at: index)
            state.ordinaryCount -= 1
            state.dropped += 1
            return .queued(dropped: true)
        }
        switch outcome {
        case .deliver(let waiter):
            waiter.resume(returning: event)
            return false
        case .queued(let dropped):
            return dropped
        }
    }

    /// The next event, or `nil` once the buffer is finished and empty or the task is cancelled.
    func next() async -> Event? {
        let id = state.withLockedValue { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Event?, Never>) in
                let action = state.withLockedValue { state -> NextAction in
                    if let first = state.queue.popFirst() {
                        if !first.essential { state.ordinaryCount -= 1 }
                        return .resume(first.event)
                    }
                    if state.finished || Task.isCancelled { return .resume(nil) }
                    state.waiters[id] = continuation
                    return .wait
                }
                if case .resume(let event) = action { continuation.resume(returning: event) }
            }
        } onCancel: {
            // A cancelled iterator ends the subscription.
            let waiters = state.withLockedValue { state in
                state.finished = true
                state.queue.removeAll()
                defer { state.waiters.removeAll() }
                return Array(state.waiters.values)
            }
            for waiter in waiters { waiter.resume(returning: nil) }
        }
    }

    /// No more events arrive; iterators drain what is buffered, then end.
    func finish() {
        let waiters = state.withLockedValue { state in
            state.finished = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }
}

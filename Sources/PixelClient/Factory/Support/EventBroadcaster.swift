import Synchronization

/// A multi-subscriber event stream: every subscriber gets its own bounded `AsyncStream`, and
/// publishing never waits for any of them.
///
/// A plain `AsyncStream` has one consumer; the factory's events have many (a logger, a metrics
/// exporter, a test). Each subscriber keeps only the newest `bufferSize` undelivered events; older
/// ones are dropped and counted, so a slow, stalled or abandoned subscriber costs memory bounded
/// by its buffer and never delays ``publish(_:)``. A subscription ends when the broadcaster
/// finishes, when the iterating task is cancelled, or when the subscription is dropped.
/// Events from one publisher arrive in publish order; events published concurrently from
/// different threads have no order between them.
///
/// ```swift
/// let events = EventBroadcaster<PixelFactoryEvent>()
/// let subscription = events.subscribe(bufferSize: 64)
/// Task { for await event in subscription { print(event) } }
/// events.publish(.shutDown)           // returns at once, whoever listens
/// events.finish()                     // every `for await` loop ends
/// print(subscription.droppedCount)    // events this subscriber lost to a full buffer
/// ```
public final class EventBroadcaster<Event: Sendable>: Sendable {
    private struct Subscriber {
        let continuation: AsyncStream<Event>.Continuation
        let counter: EventDropCounter
    }

    private struct State {
        var subscribers: [UInt64: Subscriber] = [:]
        var nextID: UInt64 = 0
        var isFinished = false
    }

    private let state = Mutex(State())
    private let totalDropped = Atomic<Int>(0)

    /// Creates a broadcaster with no subscribers.
    public init() {}

    /// Starts a new subscription that receives every event published from now on.
    ///
    /// - Parameter bufferSize: how many undelivered events this subscriber may fall behind
    ///   before the oldest are dropped (at least 1; 256 by default).
    /// - Returns: an `AsyncSequence`; after ``finish()`` it is already finished.
    public func subscribe(bufferSize: Int = 256) -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let counter = EventDropCounter()
        let id: UInt64? = state.withLock { state in
            guard !state.isFinished else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(continuation: continuation, counter: counter)
            return state.nextID
        }
        if let id {
            // Set after registering: termination may run synchronously and must find the entry.
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        } else {
            continuation.finish()
        }
        return Subscription(stream: stream, counter: counter)
    }

    /// Delivers `event` to every current subscriber without blocking or suspending.
    ///
    /// Subscribers whose buffer is full lose their oldest undelivered event (counted in
    /// ``Subscription/droppedCount`` and ``droppedEventCount``). After ``finish()`` this does nothing.
    public func publish(_ event: Event) {
        // Collect under the lock, yield after releasing it: a yield may resume a consumer, and
        // termination handlers take the lock.
        let targets: [Subscriber] = state.withLock { state in
            state.subscribers.isEmpty ? [] : Array(state.subscribers.values)
        }
        for target in targets {
            switch target.continuation.yield(event) {
            case .dropped:
                target.counter.increment()
                totalDropped.add(1, ordering: .relaxed)
            case .enqueued, .terminated:
                // `.terminated`: its termination handler removes the entry.
                break
            @unknown default:
                break
            }
        }
    }

    /// Ends every subscription (after it has consumed what is buffered) and ignores later
    /// publishes; later subscriptions start finished. Calling it again does nothing.
    public func finish() {
        let targets: [Subscriber] = state.withLock { state in
            state.isFinished = true
            let all = Array(state.subscribers.values)
            state.subscribers.removeAll()
            return all
        }
        for target in targets { target.continuation.finish() }
    }

    /// How many subscriptions are currently active.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Events dropped across all subscribers since creation.
    public var droppedEventCount: Int {
        totalDropped.load(ordering: .relaxed)
    }

    /// Whether ``finish()`` was called.
    public var isFinished: Bool {
        state.withLock { $0.isFinished }
    }

    private func remove(_ id: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
}

extension EventBroadcaster {
    /// One subscriber's view of the events: iterate it with `for await`.
    ///
    /// Dropping every copy of the subscription (and its iterator) unsubscribes.
    public struct Subscription: AsyncSequence, Sendable {
        public typealias Element = Event
        public typealias Failure = Never

        private let stream: AsyncStream<Event>
        private let counter: EventDropCounter

        fileprivate init(stream: AsyncStream<Event>, counter: EventDropCounter) {
            self.stream = stream
            self.counter = counter
        }

        /// Events this subscriber lost because its buffer was full.
        public var droppedCount: Int { counter.value }

        public func makeAsyncIterator() -> AsyncStream<Event>.Iterator {
            stream.makeAsyncIterator()
        }
    }
}

/// A subscriber's drop count, shared by the broadcaster and the subscription.
final class EventDropCounter: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }

    func increment() { count.add(1, ordering: .relaxed) }
}

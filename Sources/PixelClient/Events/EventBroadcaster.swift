import NIOConcurrencyHelpers

/// A multi-subscriber event stream: every subscriber gets its own bounded buffer, and publishing
/// never waits for any of them.
///
/// Each subscriber keeps at most `bufferSize` undelivered *ordinary* events; when it falls
/// further behind, its oldest ordinary event is dropped and counted. Events the broadcaster was
/// told are *essential* (for a client registry: a client retired or closed, the registry shut
/// down) are never dropped, so a subscriber can rely on seeing them however slow it is; they are
/// few, so the memory they hold stays small. A subscription ends when the broadcaster finishes,
/// when the iterating task is cancelled, or when the subscription is dropped. Events from one
/// publisher arrive in publish order; events published concurrently from different threads have
/// no order between them.
///
/// ```swift
/// let events = EventBroadcaster<PixelFactoryEvent>(isEssential: \.isLifecycleEvent)
/// let subscription = events.subscribe(bufferSize: 64)
/// Task { for await event in subscription { print(event) } }
/// events.publish(.shutDown)           // returns at once, whoever listens
/// events.finish()                     // every `for await` loop ends
/// print(subscription.droppedCount)    // ordinary events this subscriber lost to a full buffer
/// ```
public final class EventBroadcaster<Event: Sendable>: Sendable {
    private struct State {
        var subscribers: [UInt64: SubscriberBuffer<Event>] = [:]
        var nextID: UInt64 = 0
        var isFinished = false
    }

    private let state = NIOLockedValueBox(State())
    private let totalDropped = NIOLockedValueBox(0)
    private let isEssential: @Sendable (Event) -> Bool

    /// Creates a broadcaster with no subscribers.
    ///
    /// - Parameter isEssential: events for which this returns `true` are never dropped from a
    ///   subscriber's buffer.
    public init(isEssential: @escaping @Sendable (Event) -> Bool = { _ in false }) {
        self.isEssential = isEssential
    }

    /// Starts a new subscription that receives every event published from now on.
    ///
    /// - Parameter bufferSize: how many undelivered ordinary events this subscriber may fall
    ///   behind before the oldest are dropped (at least 1; 256 by default).
    /// - Returns: an `AsyncSequence`; after ``finish()`` it is already finished.
    public func subscribe(bufferSize: Int = 256) -> Subscription {
        let buffer = SubscriberBuffer<Event>(capacity: max(1, bufferSize))
        let id: UInt64? = state.withLockedValue { state in
            guard !state.isFinished else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = buffer
            return state.nextID
        }
        guard let id else {
            buffer.finish()
            return Subscription(buffer: buffer, registration: nil)
        }
        return Subscription(buffer: buffer, registration: Registration { [weak self] in self?.remove(id) })
    }

    /// Delivers `event` to every current subscriber without blocking or suspending.
    ///
    /// A subscriber whose buffer is full loses its oldest undelivered ordinary event (counted in
    /// ``Subscription/droppedCount`` and ``droppedEventCount``). After ``finish()`` this does nothing.
    public func publish(_ event: Event) {
        // Collect under the lock, deliver after releasing it: delivering may resume a consumer.
        let targets = state.withLockedValue { Array($0.subscribers.values) }
        guard !targets.isEmpty else { return }
        let essential = isEssential(event)
        var dropped = 0
        for target in targets where target.push(event, essential: essential) { dropped += 1 }
        if dropped > 0 { totalDropped.withLockedValue { $0 += dropped } }
    }

    /// Ends every subscription (after it has consumed what is buffered) and ignores later
    /// publishes; later subscriptions start finished. Calling it again does nothing.
    public func finish() {
        let targets = state.withLockedValue { state in
            state.isFinished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for target in targets { target.finish() }
    }

    /// How many subscriptions are currently active.
    public var subscriberCount: Int {
        state.withLockedValue { $0.subscribers.count }
    }

    /// Ordinary events dropped across all subscribers since creation.
    public var droppedEventCount: Int {
        totalDropped.withLockedValue { $0 }
    }

    /// Whether ``finish()`` was called.
    public var isFinished: Bool {
        state.withLockedValue { $0.isFinished }
    }

    private func remove(_ id: UInt64) {
        let removed = state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
        removed?.finish()
    }
}

extension EventBroadcaster {
    /// One subscriber's view of the events: iterate it with `for await`.
    ///
    /// Dropping every copy of the subscription (and its iterator), or cancelling the task that
    /// iterates it, unsubscribes.
    public struct Subscription: AsyncSequence, Sendable {
        public typealias Element = Event
        public typealias Failure = Never

        private let buffer: SubscriberBuffer<Event>
        private let registration: Registration?

        fileprivate init(buffer: SubscriberBuffer<Event>, registration: Registration?) {
            self.buffer = buffer
            self.registration = registration
        }

        /// Ordinary events this subscriber lost because its buffer was full.
        public var droppedCount: Int { buffer.droppedCount }

        public func makeAsyncIterator() -> Iterator {
            Iterator(buffer: buffer, registration: registration)
        }

        /// Waits for the subscriber's next event.
        public struct Iterator: AsyncIteratorProtocol {
            fileprivate let buffer: SubscriberBuffer<Event>
            fileprivate let registration: Registration?

            public mutating func next() async -> Event? {
                let event = await buffer.next()
                // Cancelled or finished: leave the broadcaster now rather than when dropped.
                if event == nil { registration?.cancel() }
                return event
            }
        }
    }
}

/// Removes a subscriber from its broadcaster when the last copy of its subscription goes away.
private final class Registration: Sendable {
    private let onCancel: NIOLockedValueBox<(@Sendable () -> Void)?>

    init(_ onCancel: @escaping @Sendable () -> Void) {
        self.onCancel = NIOLockedValueBox(onCancel)
    }

    func cancel() {
        let action = onCancel.withLockedValue { action in
            defer { action = nil }
            return action
        }
        action?()
    }

    deinit { cancel() }
}

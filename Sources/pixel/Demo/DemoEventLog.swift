import PixelClient
import NIOConcurrencyHelpers

/// Collects the factory's events while the demo runs, so each step can print the ones it caused.
final class DemoEventLog: Sendable {
    private let events = NIOLockedValueBox<[PixelFactoryEvent]>([])

    /// Reads `subscription` until the registry shuts down.
    func consume(_ subscription: EventBroadcaster<PixelFactoryEvent>.Subscription) async {
        for await event in subscription { events.withLockedValue { $0.append(event) } }
    }

    /// The events so far, removing them from the log.
    func drain() -> [PixelFactoryEvent] {
        events.withLockedValue { events in
            defer { events.removeAll() }
            return events
        }
    }

    /// Drains until an event matching `predicate` has arrived, or 2 s have passed (events are
    /// delivered through a stream, so one published just now may still be on its way).
    func drain(until predicate: (PixelFactoryEvent) -> Bool) async -> [PixelFactoryEvent] {
        var seen: [PixelFactoryEvent] = []
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            seen += drain()
            if seen.contains(where: predicate) { break }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return seen
    }
}

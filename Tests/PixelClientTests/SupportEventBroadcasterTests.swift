import Foundation
import PixelClient
import Settings
import Testing

@Suite struct SupportEventBroadcasterTests {
    private func collect(_ subscription: EventBroadcaster<Int>.Subscription) async -> [Int] {
        var received: [Int] = []
        for await value in subscription { received.append(value) }
        return received
    }

    @Test func everySubscriberGetsEveryEventInPublishOrder() async {
        let broadcaster = EventBroadcaster<Int>()
        let first = broadcaster.subscribe()
        let second = broadcaster.subscribe()
        #expect(broadcaster.subscriberCount == 2)
        async let firstValues = collect(first)
        async let secondValues = collect(second)
        for value in 1...100 { broadcaster.publish(value) }
        broadcaster.finish()
        #expect(await firstValues == Array(1...100))
        #expect(await secondValues == Array(1...100))
        #expect(broadcaster.droppedEventCount == 0)
    }

    @Test func aStalledSubscriberDropsTheOldestEventsWhileAFastOneGetsEverything() async {
        let broadcaster = EventBroadcaster<Int>()
        let stalled = broadcaster.subscribe(bufferSize: 4)  // nobody reads it until the end
        let fast = broadcaster.subscribe(bufferSize: 1_000)
        async let fastValues = collect(fast)
        // 1,000 publishes return although one subscriber never reads: publish cannot wait.
        for value in 1...1_000 { broadcaster.publish(value) }
        broadcaster.finish()
        #expect(await fastValues == Array(1...1_000))
        #expect(await collect(stalled) == [997, 998, 999, 1_000])
        #expect(stalled.droppedCount == 996)
        #expect(fast.droppedCount == 0)
        #expect(broadcaster.droppedEventCount == 996)
    }

    @Test func publishersOnManyThreadsNeverLoseOrReorderTheirOwnEvents() async {
        let broadcaster = EventBroadcaster<Int>()
        let subscription = broadcaster.subscribe(bufferSize: 8 * 500)
        await withTaskGroup(of: Void.self) { group in
            for publisher in 0..<8 {
                group.addTask {
                    for index in 0..<500 { broadcaster.publish(publisher * 1_000 + index) }
                }
            }
        }
        broadcaster.finish()
        let received = await collect(subscription)
        #expect(received.count == 4_000)
        for publisher in 0..<8 {
            let own = received.filter { $0 / 1_000 == publisher }
            #expect(own == (0..<500).map { publisher * 1_000 + $0 })
        }
    }

    @Test func finishEndsEverySubscriptionAndLaterOnesStartFinished() async {
        let broadcaster = EventBroadcaster<Int>()
        let subscriptions = (0..<3).map { _ in broadcaster.subscribe() }
        broadcaster.publish(1)
        broadcaster.finish()
        broadcaster.finish()  // idempotent
        broadcaster.publish(2)  // ignored
        for subscription in subscriptions {
            #expect(await collect(subscription) == [1])
        }
        #expect(broadcaster.isFinished)
        #expect(broadcaster.subscriberCount == 0)
        let late = broadcaster.subscribe()
        #expect(await collect(late) == [])
        #expect(broadcaster.subscriberCount == 0)
    }

    @Test func cancellingTheIteratingTaskUnsubscribes() async {
        let broadcaster = EventBroadcaster<Int>()
        let subscription = broadcaster.subscribe()
        let (started, startedContinuation) = AsyncStream.makeStream(of: Int.self)
        let consumer = Task {
            var count = 0
            for await value in subscription {
                count += 1
                startedContinuation.yield(value)
            }
            return count
        }
        broadcaster.publish(7)
        var iterator = started.makeAsyncIterator()
        #expect(await iterator.next() == 7)  // the consumer is inside its loop
        consumer.cancel()
        #expect(await consumer.value == 1)
        #expect(broadcaster.subscriberCount == 0)
        broadcaster.publish(8)  // no subscriber left; nothing to deliver, nothing breaks
        #expect(broadcaster.droppedEventCount == 0)
    }

    @Test func droppingASubscriptionUnsubscribes() {
        let broadcaster = EventBroadcaster<Int>()
        do {
            let subscription = broadcaster.subscribe()
            #expect(broadcaster.subscriberCount == 1)
            _ = subscription.droppedCount
        }
        #expect(broadcaster.subscriberCount == 0)
    }

    @Test func factoryEventDescriptionsShowSecretsOnlyAsChanged() {
        let sentinel = "S3NT1NEL-pa55word"
        let old = PixelFactoryEvent.ClientID(key: String(repeating: "ab", count: 32), generation: 1)
        let new = PixelFactoryEvent.ClientID(key: old.key, generation: 2)
        let changes = SettingsChange.diff(
            schema: PixelSettings.schema,
            old: ["apiTimeout": .duration(.seconds(10)), "password": .secret("old-password")],
            new: ["apiTimeout": .duration(.seconds(30)), "password": .secret(Secret(sentinel))])
        let events: [PixelFactoryEvent] = [
            .created(old),
            .rebuilt(old: old, new: new, changes: changes),
            .retired(old, inFlight: 2),
            .closed(old, forced: false),
            .client(new, .tokenRefreshed(grant: .password, expiresIn: .seconds(300))),
            .client(new, .authenticationFailed(PixelError(code: .authentication, message: "invalid_grant"))),
            .sessionStoreWarning(SessionStoreWarning(path: "/tmp/x.json", reason: .insecureMode(mode: 0o644))),
            .settingsReloadFailed(SettingsError(problems: [.missing(field: "password", envNames: ["PIXEL_PASSWORD"], filesConsulted: [])])),
            .shutDown,
        ]
        let text = events.map(\.description).joined(separator: "\n")
        #expect(!text.contains(sentinel))
        #expect(
            text.contains(
                "client abababababab#1 rebuilt as generation 2 (password: changed; apiTimeout: \(Duration.seconds(10)) → \(Duration.seconds(30)))"))
        #expect(text.contains("retired with 2 requests in flight"))
        #expect(text.contains("mode 644"))
        #expect(!text.contains(old.key))  // keys are shortened
    }
}

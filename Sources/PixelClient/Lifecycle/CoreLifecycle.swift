import CoreMetrics
import NIOConcurrencyHelpers

/// The one lifecycle of a client core: leases, draining and closing.
///
/// It runs a ``StateMachine`` under a lock and carries out what the machine returns (resuming
/// waiters) after releasing it. Everything that sends bytes for a core holds a lease for as long
/// as it runs; ``close(gracePeriod:shutDown:)`` stops granting leases, waits for the held ones up
/// to the grace period, and then runs `shutDown` (closing the pools, which fails what is still
/// running).
final class CoreLifecycle: Sendable {
    /// How a ``close(gracePeriod:shutDown:)`` call ended.
    enum CloseOutcome: Hashable, Sendable {
        /// This call closed the core; `forced` when leases were still held at the end of the grace period.
        case closed(forced: Bool)
        /// Another call closed it (this one waited for that close to finish).
        case closedElsewhere
    }

    private let machine = NIOLockedValueBox(StateMachine<CheckedContinuation<Void, Never>>())
    /// Follows the leases held (``PixelMetricName/leases``), when metrics are wanted.
    private let leaseMeter: Meter?

    init(leaseMeter: Meter? = nil) {
        self.leaseMeter = leaseMeter
    }

    /// The current state.
    var state: StateMachine<CheckedContinuation<Void, Never>>.State { machine.withLockedValue { $0.state } }

    /// Leases currently held.
    var leaseCount: Int { machine.withLockedValue { $0.leases } }

    /// `false` once draining has started (the core takes no new work).
    var isOpen: Bool { state == .open }

    /// Takes a lease; `false` when the core no longer grants it. Pair every `true` with ``release()``.
    func acquire(_ kind: StateMachine<CheckedContinuation<Void, Never>>.LeaseKind = .new) -> Bool {
        let granted = machine.withLockedValue { $0.acquire(kind) } == .granted
        if granted { leaseMeter?.increment() }
        return granted
    }

    /// Returns a lease taken with ``acquire(_:)``.
    func release() {
        let resume = machine.withLockedValue { $0.release() }
        leaseMeter?.decrement()
        for waiter in resume { waiter.resume() }
    }

    /// Stops granting new leases; returns the leases still held, or `nil` when it was not open.
    @discardableResult
    func beginDraining() -> Int? {
        switch machine.withLockedValue({ $0.beginDraining() }) {
        case .startedDraining(let leases): leases
        case .alreadyDraining: nil
        }
    }

    /// Drains and closes: stops granting leases, waits until none is held or `gracePeriod` has
    /// passed (or the calling task is cancelled), then runs `shutDown`. Concurrent and later
    /// callers wait for the first one to finish.
    func close(gracePeriod: Duration, shutDown: () async -> Void) async -> CloseOutcome {
        switch machine.withLockedValue({ $0.claimClose() }) {
        case .alreadyClosed:
            return .closedElsewhere
        case .waitForClose:
            await wait(until: .closed)
            return .closedElsewhere
        case .drainThenShutDown:
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.wait(until: .idle) }
                group.addTask { try? await Task.sleep(for: gracePeriod) }
                await group.next()
                group.cancelAll()
            }
            let started = machine.withLockedValue { $0.beginShutdown() }
            for waiter in started?.resume ?? [] { waiter.resume() }
            await shutDown()
            let finished = machine.withLockedValue { $0.finishShutdown() }
            for waiter in finished { waiter.resume() }
            return .closed(forced: started?.forced ?? false)
        }
    }

    /// Returns once `condition` holds, or when the calling task is cancelled.
    func wait(until condition: StateMachine<CheckedContinuation<Void, Never>>.Condition) async {
        let id = machine.withLockedValue { $0.nextWaiterID() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let action = machine.withLockedValue { machine in
                    Task.isCancelled ? .resumeNow : machine.wait(id: id, until: condition, waiter: continuation)
                }
                if action == .resumeNow { continuation.resume() }
            }
        } onCancel: {
            machine.withLockedValue { $0.cancelWait(id: id) }?.resume()
        }
    }
}

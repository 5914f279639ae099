extension CoreLifecycle {
    /// The lifecycle of one client core as a plain value: every event is a method that updates
    /// the state and returns what its owner must do (resume waiters, shut the pools down). It
    /// does no I/O and holds no lock, so it can be tested event by event; ``CoreLifecycle`` runs
    /// it under a lock and carries out the actions after releasing it.
    ///
    /// ```
    ///   open ──beginDraining/claimClose──▶ draining ──beginShutdown──▶ shuttingDown ──finishShutdown──▶ closed
    /// ```
    ///
    /// * **Leases.** Every API call, token call, object-store transfer and whole upload holds a
    ///   lease while it runs. `open` grants them; `draining` refuses new ones (callers go to a
    ///   newer core or fail with `clientClosed`) but grants *joining* leases — work started on
    ///   behalf of a lease already held, such as a token refresh — while any lease is held.
    /// * **Draining** waits for the leases to be returned, bounded by a grace period that the
    ///   owner enforces; whoever claims the close drives it, later closers wait for `closed`.
    /// * **One waiter list** holds both kinds of waiters: those waiting for the last lease to be
    ///   returned (`idle`) and those waiting for the close to finish (`closed`).
    ///
    /// `Waiter` is what the owner resumes (a continuation in production, a number in tests).
    struct StateMachine<Waiter> {
        /// Where the core is in its life.
        enum State: Hashable, Sendable {
            /// Serving: leases are granted.
            case open
            /// No new leases; held leases run on. `closeClaimed` once someone drives the close.
            case draining(closeClaimed: Bool)
            /// The pools are being shut down; leases still held fail with `clientClosed`.
            case shuttingDown
            /// Everything is shut down.
            case closed
        }

        /// What a waiter waits for.
        enum Condition: Hashable, Sendable {
            /// No lease is held (or waiting has become pointless because the core is shutting down).
            case idle
            /// The core is closed.
            case closed
        }

        /// Whether a lease starts new work or continues work a held lease started.
        enum LeaseKind: Hashable, Sendable {
            /// A call or operation from a caller: granted only while open.
            case new
            /// Work on behalf of a lease already held (a token refresh): also granted while
            /// draining, as long as some lease is held.
            case joining
        }

        enum AcquireAction: Hashable, Sendable {
            case granted
            case refused
        }

        enum DrainAction: Hashable, Sendable {
            /// The core stopped granting leases now; `leases` are still held.
            case startedDraining(leases: Int)
            /// It was already draining, shutting down or closed.
            case alreadyDraining
        }

        enum CloseAction: Hashable, Sendable {
            /// The caller drives the close: wait for `idle` up to the grace period, then
            /// ``beginShutdown()``, shut the pools down and ``finishShutdown()``.
            case drainThenShutDown
            /// Someone else drives it: wait for `closed`.
            case waitForClose
            /// Nothing to do.
            case alreadyClosed
        }

        enum WaitAction: Hashable, Sendable {
            case resumeNow
            case suspended
        }

        private(set) var state: State = .open
        private(set) var leases = 0
        private var waiters: [Int: (condition: Condition, waiter: Waiter)] = [:]
        private var lastWaiterID = 0

        init() {}

        /// Waiters currently stored.
        var waiterCount: Int { waiters.count }

        /// A fresh waiter id for ``wait(id:until:waiter:)``.
        mutating func nextWaiterID() -> Int {
            lastWaiterID += 1
            return lastWaiterID
        }

        // MARK: - Leases

        mutating func acquire(_ kind: LeaseKind) -> AcquireAction {
            switch state {
            case .open:
                leases += 1
                return .granted
            case .draining where kind == .joining && leases > 0:
                leases += 1
                return .granted
            case .draining, .shuttingDown, .closed:
                return .refused
            }
        }

        /// Returns a lease. While draining, the last one resumes the `idle` waiters. A release
        /// without a lease held is ignored (the count never goes below zero).
        mutating func release() -> [Waiter] {
            guard leases > 0 else { return [] }
            leases -= 1
            guard leases == 0, case .draining = state else { return [] }
            return removeWaiters(for: .idle)
        }

        // MARK: - Closing

        /// Stops granting leases (a registry retiring the core). Does not claim the close.
        mutating func beginDraining() -> DrainAction {
            guard state == .open else { return .alreadyDraining }
            state = .draining(closeClaimed: false)
            return .startedDraining(leases: leases)
        }

        /// Someone wants the core closed: the first claimant drives the close.
        mutating func claimClose() -> CloseAction {
            switch state {
            case .open, .draining(closeClaimed: false):
                state = .draining(closeClaimed: true)
                return .drainThenShutDown
            case .draining(closeClaimed: true), .shuttingDown:
                return .waitForClose
            case .closed:
                return .alreadyClosed
            }
        }

        /// The driver of the close starts shutting the pools down (all leases returned, or the
        /// grace period is over). `forced` when leases are still held: they will fail. Resumes
        /// the `idle` waiters, whose wait no longer matters.
        mutating func beginShutdown() -> (forced: Bool, resume: [Waiter])? {
            guard state == .draining(closeClaimed: true) else { return nil }
            state = .shuttingDown
            return (leases > 0, removeWaiters(for: .idle))
        }

        /// The pools are shut down: resumes every waiter.
        mutating func finishShutdown() -> [Waiter] {
            guard state == .shuttingDown else { return [] }
            state = .closed
            let all = waiters.keys.sorted().compactMap { waiters[$0]?.waiter }
            waiters.removeAll()
            return all
        }

        // MARK: - Waiting

        /// Stores `waiter` until `condition` holds, or says to resume it at once.
        mutating func wait(id: Int, until condition: Condition, waiter: Waiter) -> WaitAction {
            switch (condition, state) {
            case (_, .closed):
                return .resumeNow
            case (.idle, .shuttingDown), (.idle, .open):
                // Shutting down: nothing left to wait for. Open: no drain is running to end the wait.
                return .resumeNow
            case (.idle, .draining) where leases == 0:
                return .resumeNow
            case (.idle, .draining), (.closed, .open), (.closed, .draining), (.closed, .shuttingDown):
                waiters[id] = (condition, waiter)
                return .suspended
            }
        }

        /// Removes a waiter whose task was cancelled; returns it to be resumed, if still stored.
        mutating func cancelWait(id: Int) -> Waiter? {
            waiters.removeValue(forKey: id)?.waiter
        }

        private mutating func removeWaiters(for condition: Condition) -> [Waiter] {
            let ids = waiters.filter { $0.value.condition == condition }.keys.sorted()
            return ids.compactMap { waiters.removeValue(forKey: $0)?.waiter }
        }
    }
}

extension CoreLifecycle.StateMachine: Sendable where Waiter: Sendable {}

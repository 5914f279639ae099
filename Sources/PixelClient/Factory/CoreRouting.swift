import Synchronization

/// How a ``PixelClientCore`` handed out by a ``PixelClientRegistry`` routes calls.
///
/// Every API call takes a *lease* on its core for its whole duration (token fetch, retries and the
/// 401 re-authentication included), so the registry can wait for those calls before it closes the
/// core. Once the registry has retired the core (replaced by a new generation, evicted, or closed
/// by someone), new calls no longer lease it: they go to `successor`, which asks the registry for
/// the current core of the same lineage. A holder of an old handle therefore never lands a call on
/// a closed generation. Cores built directly (not by a registry) have no successor and never
/// forward.
final class CoreRouting: Sendable {
    /// Returns the core that now serves this core's callers.
    typealias Successor = @Sendable () throws(PixelError) -> PixelClientCore

    /// What a call should do.
    enum Admission {
        /// The call holds a lease on this core; it must call ``release()`` when done.
        case leased
        /// The core was retired: send the call to this core instead.
        case forward(Successor)
    }

    private struct State {
        var leases = 0
        var retired = false
        var nextWaiterID = 0
        var idleWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())
    /// `nil` for cores built outside a registry.
    let successor: Successor?

    init(successor: Successor? = nil) {
        self.successor = successor
    }

    /// Takes a lease, or says where to go instead. `transportClosed` is the core's own closed flag:
    /// a factory core closed by a holder also forwards (the registry then builds a fresh one).
    func admit(transportClosed: Bool) -> Admission {
        state.withLock { state in
            if state.retired || transportClosed, let successor { return .forward(successor) }
            state.leases += 1
            return .leased
        }
    }

    /// Ends a lease taken by ``admit(transportClosed:)``.
    func release() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.leases -= 1
            guard state.leases == 0, !state.idleWaiters.isEmpty else { return [] }
            defer { state.idleWaiters.removeAll() }
            return Array(state.idleWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Stops leasing: later calls forward to the successor. Returns the calls still leased.
    @discardableResult
    func retire() -> Int {
        state.withLock { state in
            state.retired = true
            return state.leases
        }
    }

    /// Calls currently holding a lease.
    var leaseCount: Int { state.withLock { $0.leases } }

    /// Whether ``retire()`` was called.
    var isRetired: Bool { state.withLock { $0.retired } }

    /// Returns once no call holds a lease, or when the calling task is cancelled.
    func waitUntilUnleased() async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.leases == 0 || Task.isCancelled { return true }
                    state.idleWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.idleWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}

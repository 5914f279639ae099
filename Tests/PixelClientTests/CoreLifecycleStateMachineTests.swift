@testable import PixelClient
import Testing

/// The core's lifecycle as a value, event by event in every state, without any I/O. Waiters are
/// plain numbers here; in production they are continuations.
@Suite struct CoreLifecycleStateMachineTests {
    typealias Machine = CoreLifecycle.StateMachine<Int>

    /// A named state to start from.
    enum Start: String, CaseIterable, CustomTestStringConvertible {
        case openIdle, openLeased, drainingIdle, drainingLeased, closingLeased, shuttingDownLeased, shuttingDownIdle, closed

        var testDescription: String { rawValue }

        /// The machine in this state. Leased states hold 2 leases; `closing` is draining with the
        /// close claimed.
        var machine: Machine {
            var machine = Machine()
            let leases = [.openLeased, .drainingLeased, .closingLeased, .shuttingDownLeased].contains(self) ? 2 : 0
            for _ in 0..<leases { _ = machine.acquire(.new) }
            switch self {
            case .openIdle, .openLeased:
                break
            case .drainingIdle, .drainingLeased:
                _ = machine.beginDraining()
            case .closingLeased:
                _ = machine.claimClose()
            case .shuttingDownLeased, .shuttingDownIdle:
                _ = machine.claimClose()
                _ = machine.beginShutdown()
            case .closed:
                _ = machine.claimClose()
                _ = machine.beginShutdown()
                _ = machine.finishShutdown()
            }
            return machine
        }

        var leases: Int { machine.leases }
    }

    @Test(arguments: Start.allCases)
    func aNewLeaseIsGrantedOnlyWhileOpen(start: Start) {
        var machine = start.machine
        let action = machine.acquire(.new)
        let open = start == .openIdle || start == .openLeased
        #expect(action == (open ? .granted : .refused))
        #expect(machine.leases == start.leases + (open ? 1 : 0))
        #expect(machine.state == start.machine.state)
    }

    @Test(arguments: Start.allCases)
    func aJoiningLeaseIsGrantedWhileOpenOrWhileDrainingWorkIsHeld(start: Start) {
        var machine = start.machine
        let action = machine.acquire(.joining)
        let granted = [.openIdle, .openLeased, .drainingLeased, .closingLeased].contains(start)
        #expect(action == (granted ? .granted : .refused))
        #expect(machine.leases == start.leases + (granted ? 1 : 0))
    }

    @Test(arguments: Start.allCases)
    func releasingTheLastLeaseWhileDrainingResumesTheIdleWaiters(start: Start) {
        var machine = start.machine
        let id = machine.nextWaiterID()
        let waited = machine.wait(id: id, until: .idle, waiter: 7)
        var resumed: [Int] = []
        for _ in 0..<max(1, start.leases) { resumed += machine.release() }
        #expect(machine.leases == 0, "a release without a lease never goes below zero")
        switch start {
        case .drainingLeased, .closingLeased:
            #expect(waited == .suspended)
            #expect(resumed == [7])
        default:
            #expect(resumed.isEmpty)
        }
        #expect(machine.state == start.machine.state)
    }

    @Test(arguments: Start.allCases)
    func beginDrainingStopsAnOpenCoreAndIsANoOpOtherwise(start: Start) {
        var machine = start.machine
        let action = machine.beginDraining()
        switch start {
        case .openIdle, .openLeased:
            #expect(action == .startedDraining(leases: start.leases))
            #expect(machine.state == .draining(closeClaimed: false))
        default:
            #expect(action == .alreadyDraining)
            #expect(machine.state == start.machine.state)
        }
    }

    @Test(arguments: Start.allCases)
    func theFirstCloseDrivesItAndLaterOnesWait(start: Start) {
        var machine = start.machine
        let action = machine.claimClose()
        switch start {
        case .openIdle, .openLeased, .drainingIdle, .drainingLeased:
            #expect(action == .drainThenShutDown)
            #expect(machine.state == .draining(closeClaimed: true))
        case .closingLeased, .shuttingDownLeased, .shuttingDownIdle:
            #expect(action == .waitForClose)
            #expect(machine.state == start.machine.state)
        case .closed:
            #expect(action == .alreadyClosed)
            #expect(machine.state == .closed)
        }
    }

    @Test(arguments: Start.allCases)
    func shutdownStartsOnlyFromAClaimedDrainAndSaysWhetherItIsForced(start: Start) {
        var machine = start.machine
        let id = machine.nextWaiterID()
        _ = machine.wait(id: id, until: .idle, waiter: 1)
        let started = machine.beginShutdown()
        if start == .closingLeased {
            #expect(started?.forced == true)
            #expect(started?.resume == [1], "idle waiters are pointless once shutdown starts")
            #expect(machine.state == .shuttingDown)
        } else {
            #expect(started == nil)
            #expect(machine.state == start.machine.state)
        }
    }

    @Test func shutdownAfterTheLastLeaseIsNotForced() {
        var machine = Machine()
        _ = machine.acquire(.new)
        #expect(machine.claimClose() == .drainThenShutDown)
        _ = machine.release()
        #expect(machine.beginShutdown()?.forced == false)
    }

    @Test(arguments: Start.allCases)
    func finishingShutdownClosesAndResumesEveryWaiter(start: Start) {
        var machine = start.machine
        let first = machine.nextWaiterID()
        let second = machine.nextWaiterID()
        let closedWait = machine.wait(id: first, until: .closed, waiter: 1)
        let idleWait = machine.wait(id: second, until: .idle, waiter: 2)
        let resumed = machine.finishShutdown()
        switch start {
        case .shuttingDownLeased, .shuttingDownIdle:
            #expect(closedWait == .suspended)
            #expect(idleWait == .resumeNow)
            #expect(resumed == [1])
            #expect(machine.state == .closed)
            #expect(machine.waiterCount == 0)
        case .closed:
            #expect(closedWait == .resumeNow)
            #expect(resumed.isEmpty)
        default:
            #expect(resumed.isEmpty)
            #expect(machine.state == start.machine.state)
        }
    }

    @Test(arguments: Start.allCases)
    func waitingForIdleSuspendsOnlyWhileDrainingWithLeases(start: Start) {
        var machine = start.machine
        let action = machine.wait(id: machine.nextWaiterID(), until: .idle, waiter: 1)
        let suspends = start == .drainingLeased || start == .closingLeased
        #expect(action == (suspends ? .suspended : .resumeNow))
        #expect(machine.waiterCount == (suspends ? 1 : 0))
    }

    @Test(arguments: Start.allCases)
    func waitingForClosedSuspendsUntilClosed(start: Start) {
        var machine = start.machine
        let action = machine.wait(id: machine.nextWaiterID(), until: .closed, waiter: 1)
        #expect(action == (start == .closed ? .resumeNow : .suspended))
    }

    @Test(arguments: Start.allCases)
    func aCancelledWaiterIsHandedBackOnceAndForgotten(start: Start) {
        var machine = start.machine
        let id = machine.nextWaiterID()
        let action = machine.wait(id: id, until: .closed, waiter: 9)
        let cancelled = machine.cancelWait(id: id)
        #expect(cancelled == (action == .suspended ? 9 : nil))
        #expect(machine.cancelWait(id: id) == nil)
        #expect(machine.waiterCount == 0)
        #expect(machine.finishShutdown().isEmpty)
    }

    @Test func aFullLifeRunsOpenDrainingShuttingDownClosed() {
        var machine = Machine()
        #expect(machine.state == .open)
        #expect(machine.acquire(.new) == .granted)
        #expect(machine.beginDraining() == .startedDraining(leases: 1))
        #expect(machine.acquire(.new) == .refused)
        #expect(machine.acquire(.joining) == .granted)
        #expect(machine.claimClose() == .drainThenShutDown)
        #expect(machine.claimClose() == .waitForClose)
        let idle = machine.nextWaiterID()
        let closed = machine.nextWaiterID()
        #expect(machine.wait(id: idle, until: .idle, waiter: 1) == .suspended)
        #expect(machine.wait(id: closed, until: .closed, waiter: 2) == .suspended)
        #expect(machine.release().isEmpty)
        #expect(machine.release() == [1])
        #expect(machine.beginShutdown()?.forced == false)
        #expect(machine.finishShutdown() == [2])
        #expect(machine.state == .closed)
        #expect(machine.claimClose() == .alreadyClosed)
        #expect(machine.acquire(.joining) == .refused)
    }
}

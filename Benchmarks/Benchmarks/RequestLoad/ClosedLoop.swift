import BenchmarkSupport
import Foundation
import Synchronization

/// One phase of a closed-loop run: for a time, or for a number of requests.
enum LoadPhase: Sendable {
    case timed(Duration, measured: Bool)
    case count(Int, measured: Bool)

    var measured: Bool {
        switch self {
        case .timed(_, let measured), .count(_, let measured): measured
        }
    }
}

/// What one phase did.
struct PhaseResult: Sendable {
    var measured: Bool
    var completed: Int
    var errors: Int
    var elapsed: Duration
    /// CPU time (user + system) the whole process used during the phase.
    var cpuSeconds = 0.0
    var firstError: String?

    var requestsPerSecond: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(completed) / seconds : 0
    }
}

/// Hands out the requests of a counted phase, or says when a timed one is over.
final class PhaseBudget: Sendable {
    private let remaining: Atomic<Int>
    private let deadline: ContinuousClock.Instant?

    init(_ phase: LoadPhase) {
        switch phase {
        case .timed(let duration, _):
            remaining = Atomic(Int.max)
            deadline = .now + duration
        case .count(let count, _):
            remaining = Atomic(count)
            deadline = nil
        }
    }

    /// `true` when the caller may send one more request.
    func take() -> Bool {
        if let deadline { return ContinuousClock.now < deadline }
        return remaining.subtract(1, ordering: .relaxed).newValue >= 0
    }
}

/// Runs `operation` from `inFlight` tasks, each sending its next request as soon as its last one
/// finished, for every phase in turn.
func runAsyncClosedLoop(
    phases: [LoadPhase], inFlight: Int, _ operation: @escaping @Sendable () async throws -> Void
) async -> [PhaseResult] {
    var results: [PhaseResult] = []
    for phase in phases {
        let budget = PhaseBudget(phase)
        let start = ContinuousClock.now
        let cpuAtStart = processCPUSeconds()
        var total = PhaseResult(measured: phase.measured, completed: 0, errors: 0, elapsed: .zero)
        await withTaskGroup(of: PhaseResult.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    var mine = PhaseResult(measured: phase.measured, completed: 0, errors: 0, elapsed: .zero)
                    while budget.take() {
                        do {
                            try await operation()
                            mine.completed += 1
                        } catch {
                            mine.recordFailure(error)
                        }
                    }
                    return mine
                }
            }
            for await result in group { total.merge(result) }
        }
        total.elapsed = ContinuousClock.now - start
        total.cpuSeconds = processCPUSeconds() - cpuAtStart
        results.append(total)
    }
    return results
}

/// Runs `operation` on `threads` plain threads in a closed loop (blocking calls), phase by phase.
func runThreadedClosedLoop(
    phases: [LoadPhase], threads: Int, _ operation: @escaping @Sendable () throws -> Void
) async -> [PhaseResult] {
    var results: [PhaseResult] = []
    for phase in phases {
        let budget = PhaseBudget(phase)
        let start = ContinuousClock.now
        let cpuAtStart = processCPUSeconds()
        let collected = Mutex<[PhaseResult]>([])
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            for _ in 0..<threads {
                Thread {
                    var mine = PhaseResult(measured: phase.measured, completed: 0, errors: 0, elapsed: .zero)
                    while budget.take() {
                        do {
                            try operation()
                            mine.completed += 1
                        } catch {
                            mine.recordFailure(error)
                        }
                    }
                    let all = collected.withLock { results in
                        results.append(mine)
                        return results.count == threads
                    }
                    if all { finished.resume() }
                }.start()
            }
        }
        var total = PhaseResult(measured: phase.measured, completed: 0, errors: 0, elapsed: ContinuousClock.now - start)
        total.cpuSeconds = processCPUSeconds() - cpuAtStart
        for result in collected.withLock({ $0 }) { total.merge(result) }
        results.append(total)
    }
    return results
}

extension PhaseResult {
    mutating func recordFailure(_ error: any Error) {
        errors += 1
        if firstError == nil { firstError = String(describing: error) }
    }

    mutating func merge(_ other: PhaseResult) {
        completed += other.completed
        errors += other.errors
        if firstError == nil { firstError = other.firstError }
    }
}

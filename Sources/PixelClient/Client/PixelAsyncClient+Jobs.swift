// Jobs and job groups, with real waiting.
import Logging
extension PixelAsyncClient {
    /// One job (`GET /jobs/{id}`).
    public func getJob(_ id: JobID) async throws(PixelError) -> Job {
        try await get("/jobs/\(id)")
    }

    /// One job group (`GET /jobs/groups/{id}`).
    public func getJobGroup(_ id: JobGroupID) async throws(PixelError) -> JobGroup {
        try await get("/jobs/groups/\(id)")
    }

    /// Polls a job until it completes and returns it.
    ///
    /// The timeout is measured on a monotonic clock, polling backs
    /// off from `initialPollInterval` by ×1.5 up to `maxPollInterval`, cancelling the task stops
    /// the wait, and a job that completes with a failure status is thrown as
    /// ``PixelError/Code/jobFailed``. Running out of time throws ``PixelError/Code/timeout``.
    ///
    /// ```swift
    /// let job = try await client.waitForJob(42, timeout: .seconds(120))
    /// ```
    @discardableResult
    public func waitForJob(
        _ id: JobID, timeout: Duration = .seconds(600), initialPollInterval: Duration = .milliseconds(500),
        maxPollInterval: Duration = .seconds(10)
    ) async throws(PixelError) -> Job {
        try await poll(what: "job \(id)", timeout: timeout, initial: initialPollInterval, max: maxPollInterval) {
            () async throws(PixelError) -> Job? in
            let job = try await getJob(id)
            guard job.completed else { return nil }
            if !job.succeeded {
                throw PixelError(
                    code: .jobFailed, message: "Job \(id) (\(job.name ?? "unnamed")) finished with status \(job.status?.rawValue ?? "unknown").",
                    detail: job.detail)
            }
            return job
        }
    }

    /// Polls a job group until it completes and returns it.
    ///
    /// With `failOnJobFailure` (the default) a group in which any job failed is thrown as
    /// ``PixelError/Code/jobFailed``; pass `false` to inspect `failedCount` yourself (batch uploads
    /// report per-file failures). Timeouts, backoff and cancellation as in ``waitForJob(_:timeout:initialPollInterval:maxPollInterval:)``.
    @discardableResult
    public func waitForJobGroup(
        _ id: JobGroupID, timeout: Duration = .seconds(1200), failOnJobFailure: Bool = true,
        initialPollInterval: Duration = .milliseconds(500), maxPollInterval: Duration = .seconds(10)
    ) async throws(PixelError) -> JobGroup {
        try await poll(what: "job group \(id)", timeout: timeout, initial: initialPollInterval, max: maxPollInterval) {
            () async throws(PixelError) -> JobGroup? in
            let group = try await getJobGroup(id)
            guard group.completed else { return nil }
            if failOnJobFailure, group.failedCount > 0 {
                throw PixelError(
                    code: .jobFailed,
                    message: "Job group \(id) finished with \(group.failedCount) of \(group.totalJobs) jobs failed.")
            }
            return group
        }
    }

    private func poll<Value: Sendable>(
        what: String, timeout: Duration, initial: Duration, max maxInterval: Duration,
        check: () async throws(PixelError) -> Value?
    ) async throws(PixelError) -> Value {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var interval = initial
        var polls = 0
        while true {
            polls += 1
            if let result = try await check() { return result }
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                throw PixelError(code: .timeout, message: "Gave up waiting for \(what) after \(timeout) (\(polls) polls).")
            }
            core.logger.debug("waiting for \(what)", metadata: ["poll": "\(polls)", "next_in": "\(min(interval, remaining))"])
            do {
                try await Task.sleep(for: min(interval, remaining))
            } catch {
                throw .cancelled()
            }
            interval = min(maxInterval, interval * 1.5)
        }
    }
}

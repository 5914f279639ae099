import Hummingbird

extension APIRoutes {
    /// Long-running jobs and job groups, polled until `completed`.
    static let jobs: [APIRoute] = [
        APIRoute(.get, "jobs/{j}") { call in
            let (j, polls) = (try call.id("j"), call.server.configuration.jobPollsUntilComplete)
            return try await call.tenantData { data, store in try data.pollJob(j, pollsUntilComplete: polls, store: &store) }
        },
        APIRoute(.get, "jobs/groups/{g}") { call in
            let (g, polls) = (try call.id("g"), call.server.configuration.jobPollsUntilComplete)
            return try await call.tenantData { data, store in try data.pollGroup(g, pollsUntilComplete: polls, store: &store) }
        },
    ]
}

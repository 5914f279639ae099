import Hummingbird

extension APIRoutes {
    /// Upload jobs: the API side of the presigned upload protocol.
    static let uploadJobs: [APIRoute] = [
        APIRoute(.get, dc + "/upload_jobs/") { call in
            let (p, d, query, limits) = (try call.id("p"), try call.id("dc"), call.query, call.limits)
            return try await call.tenantData { data, store in try data.listUploadJobs(p, d, query, limits: limits, store: store) }
        },
        APIRoute(.post, dc + "/upload_jobs/") { call in
            let (p, d, body) = (try call.id("p"), try call.id("dc"), try call.body())
            return try await call.tenantData { data, store in try data.createUploadJobs(p, d, body, multipart: false, store: &store) }
        },
        APIRoute(.post, dc + "/upload_jobs/multipart") { call in
            let (p, d, body) = (try call.id("p"), try call.id("dc"), try call.body())
            return try await call.tenantData { data, store in try data.createUploadJobs(p, d, body, multipart: true, store: &store) }
        },
        APIRoute(.put, dc + "/upload_jobs/{u}/uploadFinished") { call in
            let (p, d, u) = (try call.id("p"), try call.id("dc"), try call.id("u"))
            let plan = try await call.tenantData { data, store in try data.beginFinish(p, d, u, store: store) }
            let outcome = await UploadVerifier(files: call.server.files).verify(plan)
            return try await call.tenantData { data, store in
                data.recordOutcome(plan, outcome, store: &store)
                return data.finishResponse(jobID: plan.jobID, store: store)
            }
        },
        APIRoute(.put, dc + "/upload_jobs/multiple_uploadFinished") { call in
            let (p, d) = (try call.id("p"), try call.id("dc"))
            guard let ids = try call.body().intList("job_ids") else { throw APIError.missing(["body", "job_ids"]) }
            guard !ids.isEmpty else { throw APIError.validation(["body", "job_ids"], "List should have at least 1 item", type: "too_short") }
            let plans = try await call.tenantData { data, store in try data.beginFinishMany(p, d, ids, store: store) }
            let verifier = UploadVerifier(files: call.server.files)
            var outcomes: [(FinishPlan, (UploadOutcome, StoredObject?))] = []
            for plan in plans { outcomes.append((plan, await verifier.verify(plan))) }
            let finished = outcomes
            return try await call.tenantData { data, store in
                for (plan, outcome) in finished { data.recordOutcome(plan, outcome, store: &store) }
                let groupID = data.createGroup(jobIDs: finished.map(\.0.jobID))
                return [
                    "group_job": data.groups[groupID].map { data.groupJSON($0) } ?? .null,
                    "upload_jobs": .array(
                        finished.compactMap { plan, _ in data.uploadJobs[plan.uploadJobID].map { .object(data.uploadJobJSON($0, store: store)) } }),
                ]
            }
        },
    ]
}

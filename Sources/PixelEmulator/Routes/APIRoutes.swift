/// Every API route of §5.1–5.8, 5.11 and 5.12, with the exact paths and trailing slashes of §5.
enum APIRoutes {
    static let dc = "projects/:p/data_collections/:dc"

    static var all: [APIRoute] {
        account + projects + dataCollections + ResourceKind.allCases.flatMap(resources) + uploadJobs + jobs + attachments + search
    }

    static let account: [APIRoute] = [
        APIRoute(.get, "users/me") { call in
            let extended = try call.query.bool("extended") ?? false
            let username = call.username
            return try await call.tenantData { data, _ in data.me(username: username, extended: extended) }
        },
        APIRoute(.get, "plugins/") { _ in TenantData.plugins },
    ]

    static let projects: [APIRoute] = [
        APIRoute(.post, "projects/") { call in
            let body = try call.body()
            return try await call.tenantData { data, _ in try data.createProject(body) }
        },
        APIRoute(.get, "projects/") { call in
            let (query, limits) = (call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listProjects(query, limits: limits, deleted: false) }
        },
        APIRoute(.get, "projects/deleted") { call in
            let (query, limits) = (call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listProjects(query, limits: limits, deleted: true) }
        },
        APIRoute(.get, "projects/:p") { call in
            let (p, extended) = (call.id("p"), try call.query.bool("extended") ?? false)
            return try await call.tenantData { data, _ in try data.getProject(p, extended: extended) }
        },
        APIRoute(.put, "projects/:p") { call in
            let (p, body) = (call.id("p"), try call.body())
            return try await call.tenantData { data, _ in try data.updateProject(p, body) }
        },
        APIRoute(.put, "projects/:p/move") { call in
            let (p, parent) = (call.id("p"), try call.query.requiredInt("new_parent_id"))
            return try await call.tenantData { data, _ in try data.moveProject(p, newParent: parent) }
        },
        APIRoute(.delete, "projects/:p") { call in
            let p = call.id("p")
            return try await call.tenantData { data, _ in try data.deleteProject(p) }
        },
        APIRoute(.post, "projects/:p/restore") { call in
            let p = call.id("p")
            return try await call.tenantData { data, _ in try data.restoreProject(p) }
        },
    ]

    static let dataCollections: [APIRoute] = [
        APIRoute(.post, "projects/:p/data_collections/") { call in
            let (p, body) = (call.id("p"), try call.body())
            return try await call.tenantData { data, _ in try data.createDataCollection(p, body) }
        },
        APIRoute(.get, "projects/:p/data_collections/") { call in
            let (p, query, limits) = (call.id("p"), call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listDataCollections(p, query, limits: limits, deleted: false) }
        },
        APIRoute(.get, "projects/:p/data_collections/deleted") { call in
            let (p, query, limits) = (call.id("p"), call.query, call.limits)
            return try await call.tenantData { data, _ in try data.listDataCollections(p, query, limits: limits, deleted: true) }
        },
        APIRoute(.get, dc) { call in
            let (p, d) = (call.id("p"), call.id("dc"))
            return try await call.tenantData { data, _ in .object(try data.dataCollection(p, d)) }
        },
        APIRoute(.put, dc) { call in
            let (p, d, body) = (call.id("p"), call.id("dc"), try call.body())
            return try await call.tenantData { data, _ in try data.updateDataCollection(p, d, body) }
        },
        APIRoute(.put, dc + "/move") { call in
            let (p, d, target) = (call.id("p"), call.id("dc"), try call.query.requiredInt("new_project_id"))
            return try await call.tenantData { data, _ in try data.moveDataCollection(p, d, newProject: target) }
        },
        APIRoute(.delete, dc) { call in
            let (p, d) = (call.id("p"), call.id("dc"))
            return try await call.tenantData { data, _ in try data.deleteDataCollection(p, d) }
        },
        APIRoute(.post, dc + "/restore") { call in
            let (p, d) = (call.id("p"), call.id("dc"))
            return try await call.tenantData { data, _ in try data.restoreDataCollection(p, d) }
        },
    ]

    static func resources(_ kind: ResourceKind) -> [APIRoute] {
        let base = dc + "/" + kind.pathSegment
        var routes = [
            APIRoute(.get, base + "/") { call in
                let (p, d, query, limits) = (call.id("p"), call.id("dc"), call.query, call.limits)
                return try await call.tenantData { data, _ in try data.listResources(kind, p, d, query, limits: limits) }
            },
            APIRoute(.get, base + "/:id") { call in
                let (p, d, id) = (call.id("p"), call.id("dc"), call.id("id"))
                return try await call.tenantData { data, _ in .object(try data.resource(kind, p, d, id)) }
            },
            APIRoute(.put, base + "/:id") { call in
                let (p, d, id, body) = (call.id("p"), call.id("dc"), call.id("id"), try call.body())
                return try await call.tenantData { data, _ in try data.updateResource(kind, p, d, id, body) }
            },
            APIRoute(.delete, base + "/:id") { call in
                let (p, d, id) = (call.id("p"), call.id("dc"), call.id("id"))
                return try await call.tenantData { data, _ in try data.deleteResource(kind, p, d, id) }
            },
        ]
        switch kind {
        case .image, .raster:
            routes.append(
                APIRoute(.put, base + "/:id/move") { call in
                    let (p, d, id) = (call.id("p"), call.id("dc"), call.id("id"))
                    let (project, collection) = (try call.query.requiredInt("new_project_id"), try call.query.requiredInt("new_data_collection_id"))
                    return try await call.tenantData { data, _ in
                        try data.moveResource(kind, p, d, id, newProject: project, newCollection: collection)
                    }
                })
        case .pointCloud:
            routes.append(
                APIRoute(.post, base + "/:id/move") { call in
                    let (p, d, id) = (call.id("p"), call.id("dc"), call.id("id"))
                    let collection = try call.body().requiredInt("new_data_collection_id")
                    return try await call.tenantData { data, _ in
                        try data.moveResource(kind, p, d, id, newProject: nil, newCollection: collection)
                    }
                })
        }
        if kind == .image {
            routes.append(
                APIRoute(.get, base + "/:id/metadata") { call in
                    let (p, d, id) = (call.id("p"), call.id("dc"), call.id("id"))
                    return try await call.tenantData { data, _ in try data.imageMetadata(p, d, id) }
                })
        }
        return routes
    }

    static let uploadJobs: [APIRoute] = [
        APIRoute(.get, dc + "/upload_jobs/") { call in
            let (p, d, query, limits) = (call.id("p"), call.id("dc"), call.query, call.limits)
            return try await call.tenantData { data, store in try data.listUploadJobs(p, d, query, limits: limits, store: store) }
        },
        APIRoute(.post, dc + "/upload_jobs/") { call in
            let (p, d, body) = (call.id("p"), call.id("dc"), try call.body())
            return try await call.tenantData { data, store in try data.createUploadJobs(p, d, body, multipart: false, store: &store) }
        },
        APIRoute(.post, dc + "/upload_jobs/multipart") { call in
            let (p, d, body) = (call.id("p"), call.id("dc"), try call.body())
            return try await call.tenantData { data, store in try data.createUploadJobs(p, d, body, multipart: true, store: &store) }
        },
        APIRoute(.put, dc + "/upload_jobs/:u/uploadFinished") { call in
            let (p, d, u) = (call.id("p"), call.id("dc"), call.id("u"))
            let plan = try await call.tenantData { data, store in try data.beginFinish(p, d, u, store: store) }
            let outcome = await UploadVerifier(files: call.server.files).verify(plan)
            return try await call.tenantData { data, store in
                data.recordOutcome(plan, outcome, store: &store)
                return data.finishResponse(jobID: plan.jobID, store: store)
            }
        },
        APIRoute(.put, dc + "/upload_jobs/multiple_uploadFinished") { call in
            let (p, d) = (call.id("p"), call.id("dc"))
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

    static let jobs: [APIRoute] = [
        APIRoute(.get, "jobs/:j") { call in
            let (j, polls) = (call.id("j"), call.server.configuration.jobPollsUntilComplete)
            return try await call.tenantData { data, store in try data.pollJob(j, pollsUntilComplete: polls, store: &store) }
        },
        APIRoute(.get, "jobs/groups/:g") { call in
            let (g, polls) = (call.id("g"), call.server.configuration.jobPollsUntilComplete)
            return try await call.tenantData { data, store in try data.pollGroup(g, pollsUntilComplete: polls, store: &store) }
        },
    ]

    static let attachments: [APIRoute] = [
        APIRoute(.get, "attachments/") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.listAttachments(query) }
        },
        APIRoute(.post, "attachments/") { call in
            let (query, body) = (call.query, try call.body())
            return try await call.tenantData { data, store in try data.addAttachments(query, body, store: &store) }
        },
        APIRoute(.put, "attachments/update") { call in
            let query = call.query
            return try await call.tenantData { data, store in try data.updateAttachment(query, store: store) }
        },
        APIRoute(.put, "attachments/move") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.moveAttachment(query) }
        },
        APIRoute(.delete, "attachments/") { call in
            let query = call.query
            return try await call.tenantData { data, _ in try data.deleteAttachment(query) }
        },
    ]

    static let search: [APIRoute] = [
        APIRoute(.get, "search/info") { call in try TenantData.searchInfo(on: call.query["on"]) },
        APIRoute(.post, "search/") { call in
            let (body, limits) = (try call.body(), call.limits)
            return try await call.tenantData { data, _ in try data.search(body, limits: limits) }
        },
    ]
}

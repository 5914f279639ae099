import HTTPTypes
import PixelEmulator
import Testing

struct AnalysisRouteTests {
    static let service: JSONValue = ["name": "Detector", "module_name": "object_detection", "config": ["model": "trees", "limits": ["max": 10]]]

    @Test func servicesUseAKnownModuleAndPatchesDeepMergeTheirConfig() async throws {
        try await withRouter { api in
            let modules = try await api.ok(.get, "/analysis/modules/")
            #expect(modules.strings("name") == ["object_detection", "change_detection"])
            let created = try await api.ok(.post, "/analysis/services/", Self.service)
            #expect(created["enabled"] == true)
            let id = try created.requiredInt("id")
            let patched = try await api.ok(.patch, "/analysis/services/\(id)", ["enabled": false, "name": nil, "config": ["limits": ["min": 1]]])
            #expect(patched["enabled"] == false)
            #expect(patched["name"] == "Detector")
            #expect(patched["config"] == ["model": "trees", "limits": ["max": 10, "min": 1]])
            let moduleChange = try await api.patch("/analysis/services/\(id)", ["module_name": "change_detection"])
            #expect(moduleChange.status == 422)
            #expect(moduleChange.errorLocation == ["body", "module_name"])
            #expect(try await api.ok(.get, "/analysis/services/?enabled=false").ints("id") == [id])
            #expect(try await api.ok(.get, "/analysis/services/?enabled=true") == [])
            #expect(try await api.get("/analysis/services/?enabled=sometimes").status == 422)
        }
    }

    static let invalidServices: [(body: JSONValue, location: JSONValue)] = [
        (["name": "x", "module_name": "astrology", "config": [:]], ["body", "module_name"]),
        (["name": "x", "module_name": "object_detection"], ["body", "config"]),
        (["module_name": "object_detection", "config": [:]], ["body", "name"]),
        (["name": "x", "module_name": "object_detection", "config": [:], "enabled": "yes"], ["body", "enabled"]),
    ]

    @Test(arguments: invalidServices)
    func invalidServicesAre422(body: JSONValue, location: JSONValue) async throws {
        try await withRouter { api in
            let reply = try await api.post("/analysis/services/", body)
            #expect(reply.status == 422)
            #expect(reply.errorLocation == location)
        }
    }

    @Test func tasksMoveOnWhenRunAndListedAndStopWhenRevoked() async throws {
        try await withRouter { api in
            let service = try await api.ok(.post, "/analysis/services/", Self.service).requiredInt("id")
            let tasks = "/analysis/services/\(service)/tasks/"
            let task = try await api.ok(.post, tasks, ["name": "Survey", "params": ["area": "north"]])
            #expect(task["status"] == "PENDING")
            let id = try task.requiredInt("id")
            #expect(try await api.ok(.post, tasks + "\(id)/run")["status"] == "SCHEDULED")
            #expect(try await api.post(tasks + "\(id)/run").status == 409)
            #expect(try await api.ok(.get, tasks).strings("status") == ["RUNNING"])
            #expect(try await api.ok(.get, tasks + "?status=SUCCESS").ints("id") == [id])
            #expect(try await api.post(tasks + "\(id)/revoke").status == 409)
            #expect(try await api.ok(.post, tasks + "\(id)/run")["status"] == "SCHEDULED")
            #expect(try await api.ok(.post, tasks + "\(id)/revoke")["status"] == "REVOKED")
            #expect(try await api.ok(.get, tasks + "?status=REVOKED").ints("id") == [id])
            #expect(try await api.get(tasks + "?status=DONE").status == 422)
        }
    }

    @Test func tasksOfADisabledServiceDoNotRun() async throws {
        try await withRouter { api in
            let service = try await api.ok(.post, "/analysis/services/", Self.service).requiredInt("id")
            let id = try await api.ok(.post, "/analysis/services/\(service)/tasks/", ["params": [:]]).requiredInt("id")
            _ = try await api.ok(.patch, "/analysis/services/\(service)", ["enabled": false])
            #expect(try await api.post("/analysis/services/\(service)/tasks/\(id)/run").status == 409)
        }
    }

    @Test func unknownServicesAndTasksAre404AndInvalidTasks422() async throws {
        try await withRouter { api in
            let service = try await api.ok(.post, "/analysis/services/", Self.service).requiredInt("id")
            let tasks = "/analysis/services/\(service)/tasks/"
            let noParams = try await api.post(tasks, ["name": "x"])
            #expect(noParams.status == 422)
            #expect(noParams.errorLocation == ["body", "params"])
            let id = try await api.ok(.post, tasks, ["params": [:]]).requiredInt("id")
            #expect(try await api.ok(.delete, tasks + "\(id)")["deleted"] == true)
            for path in [tasks + "\(id)/run", tasks + "\(id)/revoke"] { #expect(try await api.post(path).status == 404) }
            #expect(try await api.delete(tasks + "\(id)").status == 404)
            #expect(try await api.ok(.delete, "/analysis/services/\(service)")["deleted"] == true)
            #expect(try await api.get(tasks).status == 404)
            #expect(try await api.patch("/analysis/services/\(service)", ["name": "x"]).status == 404)
            #expect(try await api.post("/analysis/services/\(service)/tasks/", ["params": [:]]).status == 404)
        }
    }
}

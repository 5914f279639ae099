import Logging
import NIOConcurrencyHelpers
import PixelClient
import PixelEmulator
import Testing

/// Analysis modules, services and tasks, in both client forms, against the emulator.
@Suite struct AnalysisTests {
    static let create = AnalysisServiceCreate(name: "Signs", moduleName: "object_detection", config: ["model": "signs-v2", "min_confidence": 0.5])

    @Test func servicesAreListedCreatedPatchedAndDeleted() async throws {
        try await withClient { _, client in
            let modules = try await client.listAnalysisModules()
            #expect(modules.map(\.name).contains("object_detection"))
            #expect(modules.first?.configSchema?["type"] == "object")

            let service = try await client.createAnalysisService(Self.create)
            #expect(service.moduleName == "object_detection")
            #expect(service.enabled == true)
            let disabled = try await client.createAnalysisService(
                AnalysisServiceCreate(name: "Off", moduleName: "change_detection", enabled: false, config: [:]))
            #expect(try await client.listAnalysisServices().count == 2)
            #expect(try await client.listAnalysisServices(AnalysisServiceListParams(enabled: false)).map(\.id) == [disabled.id])
            #expect(try await client.listAnalysisServices(AnalysisServiceListParams(ListParams(ids: [service.id]))).map(\.id) == [service.id])

            let patched = try await client.patchAnalysisService(
                service.id, AnalysisServicePatch(enabled: .set(false), config: .set(["min_confidence": 0.8])))
            #expect(patched.enabled == false)
            #expect(patched.config?["model"] == "signs-v2")  // deep-merged, not replaced
            #expect(patched.config?["min_confidence"] == 0.8)

            try await client.deleteAnalysisService(disabled.id)
            let gone = await #expect(throws: PixelError.self) { try await client.deleteAnalysisService(disabled.id) }
            #expect(gone?.status == 404)
        }
    }

    @Test func aPatchSendsOnlyWhatItSetsAndNullForWhatItClears() async throws {
        let store = CapturingLogHandler.Store()
        var logger = Logger(label: "test", factory: { _ in CapturingLogHandler(store: store) })
        logger.logLevel = .trace
        try await withClient(hooks: .testing { $0.logger = logger }) { _, client in
            let service = try await client.createAnalysisService(Self.create)
            let patched = try await client.patchAnalysisService(service.id, AnalysisServicePatch(name: .set("Renamed"), config: .clear))
            #expect(patched.name == "Renamed")
            #expect(patched.enabled == true)
            let empty = await #expect(throws: PixelError.self) { try await client.patchAnalysisService(service.id, AnalysisServicePatch()) }
            #expect(empty?.code == .invalidInput)
        }
        let bodies = store.lines.withLockedValue { $0 }.filter { $0.contains("request body") && $0.contains("Renamed") }
        #expect(bodies.count == 1)
        #expect(bodies.first?.contains(#"{"config":null,"name":"Renamed"}"#) == true)
    }

    @Test func tasksAreCreatedRunMoveOnWhenListedAndAreRevokedAndDeleted() async throws {
        try await withClient { _, client in
            let service = try await client.createAnalysisService(Self.create)
            let task = try await client.createAnalysisTask(service.id, AnalysisTaskCreate(name: "Batch 1", params: ["collection": 7]))
            #expect(task.status == .pending)
            #expect(task.params?["collection"] == 7)
            let unnamed = try await client.createAnalysisTask(service.id, AnalysisTaskCreate(params: [:]))
            #expect(unnamed.name != nil)

            let scheduled = try await client.runAnalysisTask(service.id, task.id)
            #expect(scheduled.status == .scheduled)
            #expect(try await client.listAnalysisTasks(service.id, AnalysisTaskListParams(status: .running)).map(\.id) == [task.id])
            let done = try await client.listAnalysisTasks(service.id, AnalysisTaskListParams(ListParams(ids: [task.id])))
            #expect(done.first?.status == .success)
            #expect(done.first?.result != nil)

            let revoked = try await client.revokeAnalysisTask(service.id, unnamed.id)
            #expect(revoked.status == .revoked)
            let finished = await #expect(throws: PixelError.self) { try await client.revokeAnalysisTask(service.id, task.id) }
            #expect(finished?.status == 409)
            try await client.deleteAnalysisTask(service.id, task.id)
            #expect(try await client.listAnalysisTasks(service.id).map(\.id) == [unnamed.id])
        }
    }

    @Test func whatTheAPIRejectsIsA422WithItsDetail() async throws {
        try await withClient { _, client in
            let unknown = await #expect(throws: PixelError.self) {
                try await client.createAnalysisService(AnalysisServiceCreate(name: "X", moduleName: "mind_reading", config: [:]))
            }
            expectValidationError(unknown, naming: "module_name")
            let service = try await client.createAnalysisService(Self.create)
            let badStatus = await #expect(throws: PixelError.self) {
                try await client.listAnalysisTasks(service.id, AnalysisTaskListParams(status: .unknown("SLEEPING")))
            }
            expectValidationError(badStatus, naming: "status")
        }
    }

    @Test func everyAnalysisMethodWorksBlocking() async throws {
        try await withClient { _, asyncClient in
            let client = asyncClient.blocking
            try await onPlainThread {
                #expect(try !client.listAnalysisModules().isEmpty)
                let service = try client.createAnalysisService(Self.create)
                #expect(try client.listAnalysisServices().map(\.id) == [service.id])
                #expect(try client.patchAnalysisService(service.id, AnalysisServicePatch(name: .set("B"))).name == "B")
                let task = try client.createAnalysisTask(service.id, AnalysisTaskCreate(params: ["a": 1]))
                #expect(try client.listAnalysisTasks(service.id).count == 1)
                #expect(try client.runAnalysisTask(service.id, task.id).status == .scheduled)
                #expect(try client.revokeAnalysisTask(service.id, task.id).status == .revoked)
                try client.deleteAnalysisTask(service.id, task.id)
                try client.deleteAnalysisService(service.id)
                expectValidationError(
                    #expect(throws: PixelError.self) {
                        try client.createAnalysisService(AnalysisServiceCreate(name: "X", moduleName: "nope", config: [:]))
                    },
                    naming: "module_name")
            }
            let inTask = GenericResourceTests.callBlocking { try client.listAnalysisModules() }
            #expect(inTask?.code == .syncCallInAsyncContext)
            #expect(inTask?.message.contains("listAnalysisModules()") == true)
        }
    }
}

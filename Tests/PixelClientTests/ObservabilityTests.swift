import CoreMetrics
import Foundation
import InMemoryTracing
import MetricsTestKit
import PixelClient
import PixelEmulator
import Testing
import Tracing

/// Metrics through swift-metrics' test backend and spans through the in-memory tracer, both
/// given to the client in its hooks, against the emulator.
@Suite struct ObservabilityTests {
    private func dimension(_ name: String, of counter: TestCounter) -> String? {
        counter.dimensions.first { $0.0 == name }?.1
    }

    // MARK: - Metrics

    @Test func callsAreCountedAndTimedByMethodRouteTemplateAndStatusClass() async throws {
        let metrics = TestMetrics()
        try await withClient(hooks: .testing { $0.metricsFactory = metrics }) { emulator, client in
            let project = try await client.createProject(name: "Counted", description: "", areaOfInterest: testArea)
            _ = try await client.getProject(project.id)
            _ = await #expect(throws: PixelError.self) { try await client.getProject(ProjectID(987_654)) }

            let requests = metrics.counters(label: PixelMetricName.requests)
            let byKey = Dictionary(
                requests.map { counter in
                    (
                        "\(dimension("http.request.method", of: counter) ?? "") \(dimension("url.template", of: counter) ?? "") \(dimension("http.response.status_class", of: counter) ?? "")",
                        counter.totalValue
                    )
                }, uniquingKeysWith: +)
            #expect(byKey["POST /projects/ 2xx"] == 1)
            #expect(byKey["GET /projects/{id} 2xx"] == 1)
            #expect(byKey["GET /projects/{id} 4xx"] == 1)
            let timer = try metrics.expectTimer(
                PixelMetricName.requestDuration,
                [("http.request.method", "GET"), ("url.template", "/projects/{id}"), ("http.response.status_class", "2xx")])
            #expect(timer.values.count == 1)
            #expect(timer.values.allSatisfy { $0 > 0 })
        }
    }

    @Test func retriesAndTokenGrantsAreCounted() async throws {
        let metrics = TestMetrics()
        try await withClient(hooks: .testing { $0.metricsFactory = metrics }) { emulator, client in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            _ = try await client.listProjects()
            #expect(
                metrics.counterTotal(
                    label: PixelMetricName.requestRetries,
                    dimensions: [("http.request.method", "GET"), ("url.template", "/projects/"), ("reason", "status")]) == 1)
            #expect(metrics.counterTotal(label: PixelMetricName.tokenGrants, dimensions: [("grant_type", "password"), ("outcome", "success")]) == 1)
        }
        try await withClient(hooks: .testing { $0.metricsFactory = metrics }, password: "wrong") { _, client in
            _ = await #expect(throws: PixelError.self) { try await client.me() }
        }
        #expect(metrics.counterTotal(label: PixelMetricName.tokenGrants, dimensions: [("grant_type", "password"), ("outcome", "failure")]) == 1)
    }

    @Test func leasesInFlightReturnToZeroAndUploadsCountFilesAndBytes() async throws {
        let metrics = TestMetrics()
        let directory = try TemporaryDirectory()
        let source = try directory.file("metered.tif", size: 3 * 64 * 1024 + 7, seed: 31)
        try await withClient(hooks: .testing { $0.metricsFactory = metrics }) { _, client in
            let (project, dc) = try await client.makeCollection(.rgb)
            _ = try await client.uploadRaster(
                project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: 64 * 1024), options: .testing())
            let leases = try metrics.expectMeter(PixelMetricName.leases)
            #expect(leases.values.contains { $0 > 0 })
            #expect(leases.lastValue == 0)
        }
        #expect(metrics.counterTotal(label: PixelMetricName.uploadFiles, dimensions: [("outcome", "success")]) == 1)
        #expect(metrics.counterTotal(label: PixelMetricName.uploadBytes) == Int64(3 * 64 * 1024 + 7))
    }

    @Test func registryGenerationsAreCountedAsTheyAreCreatedRebuiltRetiredAndClosed() async throws {
        let metrics = TestMetrics()
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let registry = PixelClientRegistry(configuration: .init(hooks: .testing { $0.metricsFactory = metrics }))
            _ = try registry.asyncClient(settings: testSettings(emulator))
            _ = try registry.asyncClient(settings: testSettings(emulator) { $0.retryAttempts = 2 })
            try await registry.shutdown()
        }
        let events = Dictionary(
            metrics.counters(label: PixelMetricName.generations).map { (dimension("event", of: $0) ?? "", $0.totalValue) },
            uniquingKeysWith: +)
        #expect(events == ["created": 2, "retired": 2, "closed": 2])
    }

    @Test func noMetricLabelCarriesASecretAUserNameOrAnID() async throws {
        let metrics = TestMetrics()
        try await withClient(
            hooks: .testing { $0.metricsFactory = metrics }, username: "sentinel@example.com", password: clientSentinelPassword
        ) { emulator, client in
            let project = try await client.createProject(name: "Labels", description: "", areaOfInterest: testArea)
            _ = try await client.getProject(project.id)
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/projects/", with: .status(502))
            _ = try await client.listProjects()
        }
        let labelled: [(label: String, dimensions: [(String, String)])] =
            metrics.counters.map { ($0.label, $0.dimensions) } + metrics.timers.map { ($0.label, $0.dimensions) }
            + metrics.meters.map { ($0.label, $0.dimensions) }
        #expect(labelled.count >= 5)
        for (label, dimensions) in labelled {
            for (name, value) in dimensions {
                #expect(!value.contains(clientSentinelPassword), "\(label) \(name)")
                #expect(!value.contains("sentinel"), "\(label) \(name)")
                #expect(!value.contains("http"), "\(label) \(name)")
                let hasDigits = value.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
                #expect(!hasDigits || name == "http.response.status_class", "\(label) \(name)=\(value)")
            }
        }
    }

    // MARK: - Spans

    private func string(_ key: String, of span: FinishedInMemorySpan) -> String? {
        if case .string(let value)? = span.attributes.get(key) { return value }
        return nil
    }

    private func int(_ key: String, of span: FinishedInMemorySpan) -> Int64? {
        if case .int64(let value)? = span.attributes.get(key) { return value }
        return nil
    }

    @Test func everyCallHasASpanWithItsRequestIDRouteStatusAndRetriesAndPropagatesTheTrace() async throws {
        let tracer = InMemoryTracer()
        let emulatorConfiguration = EmulatorConfiguration.testing { $0.recordedHeaders = [InMemoryTracer.traceIDKey, InMemoryTracer.spanIDKey] }
        try await withClient(emulator: emulatorConfiguration, hooks: .testing { $0.tracer = tracer }) { emulator, client in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            try await tracer.withSpan("caller") { _ in _ = try await client.listProjects() }
            let spans = tracer.finishedSpans
            let caller = try #require(spans.first { $0.operationName == "caller" })
            let call = try #require(spans.first { $0.operationName == "GET /projects/" })
            #expect(call.parentSpanID == caller.spanID)
            #expect(call.traceID == caller.traceID)
            #expect(call.kind == .client)
            #expect(string("url.template", of: call) == "/projects/")
            #expect(string("http.request.method", of: call) == "GET")
            #expect(string("pixel.request_id", of: call)?.count == 36)
            #expect(int("http.response.status_code", of: call) == 200)
            #expect(int("pixel.retry_count", of: call) == 1)
            #expect(call.errors.isEmpty)

            // AsyncHTTPClient's spans (one per attempt) hang off the call's span, and the trace
            // context reached the server on both attempts.
            let attempts = spans.filter { $0.parentSpanID == call.spanID && $0.operationName == "GET" }
            #expect(attempts.count == 2)
            let sentTraceIDs = emulator.stats.headerValues(InMemoryTracer.traceIDKey, method: "GET", path: "/demo/projects/")
            #expect(sentTraceIDs == [caller.traceID, caller.traceID])

            // The token grant has its own span in the same trace.
            let grant = try #require(spans.first { $0.operationName == "token password grant" })
            #expect(grant.traceID == caller.traceID)
            #expect(string("grant_type", of: grant) == "password")
        }
    }

    @Test func aFailedCallRecordsItsErrorOnItsSpan() async throws {
        let tracer = InMemoryTracer()
        try await withClient(hooks: .testing { $0.tracer = tracer }) { _, client in
            _ = await #expect(throws: PixelError.self) { try await client.getProject(ProjectID(424_242)) }
            let call = try #require(tracer.finishedSpans.first { $0.operationName == "GET /projects/{id}" })
            #expect(call.errors.count == 1)
            #expect((call.errors.first?.error as? PixelError)?.status == 404)
            #expect(call.status?.code == .error)
            #expect(int("http.response.status_code", of: call) == 404)
        }
    }

    @Test func uploadsHaveASpanPerFileWithASpanPerPartAndNoPresignedURLAnywhere() async throws {
        let tracer = InMemoryTracer()
        let directory = try TemporaryDirectory()
        let source = try directory.file("traced.tif", size: 3 * 32 * 1024, seed: 32)
        try await withClient(hooks: .testing { $0.tracer = tracer }, username: "sentinel@example.com", password: clientSentinelPassword) {
            _, client in
            let (project, dc) = try await client.makeCollection(.rgb)
            _ = try await client.uploadRaster(
                project: project, dataCollection: dc, UploadFile(source), mode: .multipart(partSize: 32 * 1024), options: .testing())
        }
        let spans = tracer.finishedSpans
        let file = try #require(spans.first { $0.operationName == "upload file" })
        #expect(string("pixel.upload.file", of: file) == "traced.tif")
        #expect(int("pixel.upload.bytes", of: file) == Int64(3 * 32 * 1024))
        let parts = spans.filter { $0.operationName == "upload part" }
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.parentSpanID == file.spanID })
        #expect(Set(parts.compactMap { int("pixel.upload.part_number", of: $0) }) == [1, 2, 3])

        // Object-store requests get no AsyncHTTPClient span (it would record the presigned
        // query), and no attribute anywhere holds a secret or a presigned URL.
        for span in spans {
            span.attributes.forEach { key, value in
                let text = "\(value)"
                #expect(!text.contains("_store"), "\(span.operationName) \(key)")
                #expect(!text.contains("Signature"), "\(span.operationName) \(key)")
                #expect(!text.contains(clientSentinelPassword), "\(span.operationName) \(key)")
                #expect(!text.lowercased().contains("bearer"), "\(span.operationName) \(key)")
            }
        }
    }
}

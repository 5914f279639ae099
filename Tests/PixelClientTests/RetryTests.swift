import PixelClient
import PixelEmulator
import Testing

@Suite struct RetryTests {
    @Test func injected503OnGetSucceedsAfterARetry() async throws {
        let recorder = EventRecorder()
        try await withClient(hooks: .testing { $0.eventHandler = recorder.handler }) { emulator, client in
            emulator.faults.failNext(2, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
            let projects = try await client.listProjects()
            #expect(projects.isEmpty)
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/projects/") == 3)
            #expect(recorder.descriptions.filter { $0.hasPrefix("retrying") }.count == 2)
        }
    }

    @Test func injected503OnPostIsNotRetried() async throws {
        try await withClient { emulator, client in
            emulator.faults.failNext(1, method: "POST", pathPrefix: "/demo/projects/", with: .status(503))
            let error = try await #require(throws: PixelError.self) {
                try await client.createProject(name: "Once", description: "", areaOfInterest: testArea)
            }
            #expect(error.code == .httpStatus)
            #expect(error.status == 503)
            #expect(emulator.stats.requestCount(method: "POST", path: "/demo/projects/") == 1)
        }
    }

    @Test func retriesStopAfterTheConfiguredAttempts() async throws {
        try await withClient(settings: { $0.retryAttempts = 3 }) { emulator, client in
            emulator.faults.failNext(5, method: "GET", pathPrefix: "/demo/projects/", with: .status(502))
            let error = try await #require(throws: PixelError.self) { try await client.listProjects() }
            #expect(error.status == 502)
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/projects/") == 3)
        }
    }

    @Test(arguments: [429, 504])
    func otherRetryableStatusesAreRetried(status: Int) async throws {
        try await withClient { emulator, client in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .status(status))
            _ = try await client.getPlugins()
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/plugins/") == 2)
        }
    }

    @Test func connectionResetOnGetIsRetried() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .connectionReset)
            _ = try await client.getPlugins()
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/plugins/") == 2)
        }
    }

    @Test func aSlowResponseIsATypedTimeoutError() async throws {
        // Only the delayed call runs under the short API timeout (the token has its own), so a
        // loaded machine cannot make another request time out first.
        try await withClient(settings: { $0.apiTimeout = .milliseconds(200) }) { emulator, client in
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .delay(TestTime.scaled(.seconds(2))))
            let error = try await #require(throws: PixelError.self) { try await client.getPlugins() }
            #expect(error.code == .timeout)
            #expect(error.method == "GET")
            #expect(error.url?.hasSuffix("/demo/plugins/") == true)
        }
    }

    @Test func aSlowTokenEndpointIsATypedTimeoutError() async throws {
        let tokenTimeout = TestTime.scaled(.seconds(1))
        try await withClient(settings: { $0.tokenTimeout = tokenTimeout }) { emulator, client in
            emulator.faults.failNext(1, pathPrefix: "/realms/", with: .delay(TestTime.scaled(.seconds(4))))
            let error = try await #require(throws: PixelError.self) { try await client.me() }
            #expect(error.code == .timeout)
            #expect(error.message.contains("within \(tokenTimeout)"))
            // The failure is not cached: later calls fetch a token again and succeed. Under a
            // full parallel test run a 1 s token budget can be exceeded by scheduling alone, so a
            // few further timeouts are tolerated; a cached failure would never succeed.
            var recovered = false
            for _ in 0..<5 where !recovered {
                do {
                    _ = try await client.me()
                    recovered = true
                } catch let error as PixelError where error.code == .timeout {
                    continue
                }
            }
            #expect(recovered)
        }
    }

    @Test func serverErrorsCarryTheDetailAndOurRequestID() async throws {
        try await withClient { emulator, client in
            emulator.faults.failNext(4, method: "GET", pathPrefix: "/demo/plugins/", with: .status(500))
            let error = try await #require(throws: PixelError.self) { try await client.getPlugins() }
            #expect(error.status == 500)
            #expect(emulator.stats.requestCount(method: "GET", path: "/demo/plugins/") == 1)  // 500 is not retryable
            #expect(error.requestID != nil)
            #expect(error.description.contains("500"))
        }
    }
}

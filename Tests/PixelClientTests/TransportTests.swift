import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

@Suite struct TransportTests {
    @Test func queryEncodingJoinsListsLowercasesBooleansAndDropsNils() {
        var query = QueryItems()
        query["extended"] = true
        query["ids"] = [1, 2, 3]
        query["tags"] = ["a b", "ø"]
        query["name"] = nil as String?
        query["empty"] = [Int]()
        #expect(query.encoded == "extended=true&ids=1%2C2%2C3&tags=a+b%2C%C3%B8")
    }

    @Test func pathsAreAppendedAfterTheTenantSegment() {
        let request = APIRequest(.GET, "/projects/")
        #expect(request.url(base: "https://prod.api.geodatapixel.no/acme") == "https://prod.api.geodatapixel.no/acme/projects/")
        #expect(request.url(base: "https://prod.api.geodatapixel.no/acme/") == "https://prod.api.geodatapixel.no/acme/projects/")
    }

    @Test func aClientReleasedWithoutCloseShutsItsConnectionsDownInsteadOfLeakingThem() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            /// Opens a connection, then drops the only reference without `close()`. Before the
            /// transport's deinit shut the pools down, AsyncHTTPClient stopped the test process
            /// here (debug builds) and release builds leaked the connection. (Whether the pooled
            /// connection is still open at this point is up to the pool, so it is not asserted.)
            func useAndDrop() async throws {
                let client = try PixelAsyncClient(settings: testSettings(emulator), options: .testing())
                _ = try await client.me()
            }
            try await useAndDrop()
            #expect(await waitUntil { openConnectionDescriptors(port: emulator.port) == 0 })
        }
    }

    @Test func constructionDoesNoIOAndCloseIsIdempotent() async throws {
        let settings = PixelSettings(username: "u", password: "p", tenant: "t", apiURLOverride: "https://unreachable.invalid/t")
        let core = try PixelClientCore(settings: settings, options: .testing())
        #expect(core.inFlightRequestCount == 0)
        await core.close()
        await core.close()
        #expect(core.isClosed)
    }

    @Test func callsAfterCloseFailWithClientClosed() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let client = try PixelAsyncClient(settings: testSettings(emulator), options: .testing())
            _ = try await client.me()
            await client.close()
            let error = try await #require(throws: PixelError.self) { try await client.me() }
            #expect(error.code == .clientClosed)
        }
    }

    @Test func closeWaitsForInFlightRequests() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .delay(TestTime.scaled(.milliseconds(300))))
            let slow = Task { try await client.getPlugins() }
            while client.core.inFlightRequestCount == 0 { await Task.yield() }
            await client.close(gracePeriod: .seconds(10))
            let plugins = try await slow.value
            #expect(!plugins.isEmpty)
        }
    }

    @Test func closeForcesShutdownAfterTheGracePeriod() async throws {
        try await withClient { emulator, client in
            _ = try await client.me()
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .delay(TestTime.scaled(.seconds(5))))
            let slow = Task { try await client.getPlugins() }
            while client.core.inFlightRequestCount == 0 { await Task.yield() }
            await client.close(gracePeriod: .milliseconds(50))
            let error = await #expect(throws: PixelError.self) { try await slow.value }
            #expect(error?.code == .clientClosed || error?.code == .cancelled || error?.code == .transport)
            #expect(client.core.inFlightRequestCount == 0)
        }
    }

    @Test func credentialsAreNeverSentOverPlainHTTPToANonLoopbackHost() async throws {
        let settings = PixelSettings(
            username: "u", password: Secret(clientSentinelPassword), tenant: "acme", authServerURLOverride: "http://keycloak.example.com",
            apiURLOverride: "http://api.example.com/acme")
        let client = try PixelAsyncClient(settings: settings, options: .testing())
        let error = try await #require(throws: PixelError.self) { try await client.me() }
        #expect(error.code == .insecureTransport)
        #expect(!error.description.contains(clientSentinelPassword))
        await client.close()
    }

    @Test func allowInsecureHTTPLetsPlainHTTPThrough() async throws {
        // 127.0.0.1 is loopback anyway; the point is that the flag does not break normal calls.
        try await withClient(settings: { $0.allowInsecureHTTP = true }) { _, client in
            _ = try await client.me()
        }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("localhost", true), ("[::1]", true), ("10.0.0.1", false), ("example.com", false),
    ])
    func loopbackDetection(host: String, isLoopback: Bool) {
        #expect(PixelClientCore.isSafeForCredentials("http://\(host):8080/x") == isLoopback)
        #expect(PixelClientCore.isSafeForCredentials("https://\(host)/x"))
    }

    @Test func proxyComesFromSettingsThenEnvironmentAndNoProxyExcludesHosts() throws {
        func proxy(_ environment: [String: String], _ url: String) throws -> String? {
            try PixelClientCore.proxyDescription(settingsProxy: nil, environment: environment, url: url)
        }
        func proxy(_ settings: String, _ environment: [String: String], _ url: String) throws -> String? {
            try PixelClientCore.proxyDescription(settingsProxy: settings, environment: environment, url: url)
        }
        let corporate = ["https_proxy": "http://proxy.local:3128", "NO_PROXY": "internal.example, .corp"]
        #expect(try proxy(corporate, "https://api.geodatapixel.no/acme") == "proxy.local:3128")
        #expect(try proxy(corporate, "https://x.corp/") == nil)
        #expect(try proxy(corporate, "https://internal.example/") == nil)
        #expect(try proxy(["HTTPS_PROXY": "proxy:1"], "https://x.corp/") == "proxy:1")
        #expect(try proxy("http://mine:8080", ["HTTPS_PROXY": "other:1"], "https://a.b/") == "mine:8080")
        #expect(try proxy("http://mine:8080", [:], "http://a.b/") == "mine:8080", "the settings' proxy takes every scheme")
        #expect(try proxy(["HTTPS_PROXY": "proxy:1"], "https://127.0.0.1/") == nil, "loopback never goes through a proxy")
        #expect(throws: PixelError.self) { try proxy("socks5://x:1", [:], "https://a/") }
    }

    @Test func eachSchemeUsesItsOwnProxyVariable() throws {
        func proxy(_ environment: [String: String], _ url: String) throws -> String? {
            try PixelClientCore.proxyDescription(settingsProxy: nil, environment: environment, url: url)
        }
        let both = ["HTTPS_PROXY": "secure:1", "http_proxy": "plain:2"]
        #expect(try proxy(both, "https://a.b/") == "secure:1")
        #expect(try proxy(both, "http://a.b/") == "plain:2")
        #expect(try proxy(["HTTPS_PROXY": "secure:1"], "http://a.b/") == nil)
        #expect(try proxy(["ALL_PROXY": "any:3"], "http://a.b/") == "any:3")
        #expect(try proxy(["ALL_PROXY": "any:3", "HTTPS_PROXY": "secure:1"], "https://a.b/") == "secure:1")
        // A CGI program must not take HTTP_PROXY from a request's `Proxy:` header.
        #expect(try proxy(["HTTP_PROXY": "evil:9", "REQUEST_METHOD": "GET"], "http://a.b/") == nil)
        #expect(try proxy(["http_proxy": "plain:2", "REQUEST_METHOD": "GET"], "http://a.b/") == "plain:2")
    }

    @Test func everyRequestCarriesAFreshRequestIDThatErrorsReport() async throws {
        try await withClient { _, client in
            let first = try await #require(throws: PixelError.self) { try await client.getProject(999_999) }
            let second = try await #require(throws: PixelError.self) { try await client.getProject(999_998) }
            #expect(first.requestID != nil)
            #expect(first.requestID != second.requestID)
            #expect(UUID(uuidString: first.requestID ?? "") != nil)
        }
    }
}

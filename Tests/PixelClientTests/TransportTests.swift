import AsyncHTTPClient
import Foundation
import NIOHTTP1
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

    @Test func formEncodingMatchesFoundationsPercentEncodingWithSpacesAsPlus() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~ ")
        let everyASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let samples = [
            "", "false", "plain-Text_1.2~3", "a b", "a+b", "100%", "x=1&y=2", "/users/oidc/", "ø", "Bjørnøya Svalbard",
            "日本語", "e\u{301}", "👩‍💻 dev", "?#[]@!$'()*,;", everyASCII,
        ]
        for text in samples {
            let foundation = (text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text).replacingOccurrences(of: " ", with: "+")
            #expect(QueryItems.escape(text) == foundation, "\(text.debugDescription)")
        }
    }

    @Test func requestIDsAreRandomVersion4UUIDsInLowerCase() throws {
        #expect(RequestID.text(high: 0x1b4e_28ba_2fa1_41d2, low: 0x883f_0016_d3cc_a427) == "1b4e28ba-2fa1-41d2-883f-0016d3cca427")
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let id = RequestID.make()
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            #expect(uuid.uuid.6 >> 4 == 4)
            #expect(uuid.uuid.8 >> 6 == 0b10)
            seen.insert(id)
        }
        #expect(seen.count == 1_000)
    }

    @Test(arguments: [
        ("2026-11-25T12:00:00Z", 1_795_608_000.0), ("2026-11-25T12:00:00.123456Z", 1_795_608_000.123456),
        ("2026-11-25T12:00:00.123456", 1_795_608_000.123456), ("2026-11-25T12:00:00", 1_795_608_000.0),
        ("2026-11-25T13:00:00+01:00", 1_795_608_000.0), ("2026-11-25T06:30:00-05:30", 1_795_608_000.0),
        (" 2026-11-25T12:00:00Z", 1_795_608_000.0), ("2026-11-25T12:00:00 Z", 1_795_608_000.0),
    ])
    func timestampsDecodeInEveryShapeServersSend(text: String, secondsSince1970: Double) throws {
        let date = try #require(PixelJSON.parseISO8601(text))
        #expect(abs(date.timeIntervalSince1970 - secondsSince1970) < 1e-6)
    }

    @Test func textThatIsNoTimestampDecodesToNoDate() {
        for text in ["", "garbage", "2026-13-01T00:00:00Z", "2026-11-25", "2026-11-25T12:00Z", "20261125T120000Z"] {
            #expect(PixelJSON.parseISO8601(text) == nil, "\(text.debugDescription)")
        }
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
            await client.close(gracePeriod: TestTime.eventLimit)
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

    @Test func urlsThatOnlyLookLikeTheConfiguredLoopbackBaseStillNeverGetCredentials() async throws {
        let settings = PixelSettings(
            username: "u", password: Secret(clientSentinelPassword), tenant: "t", authServerURLOverride: "http://127.0.0.1:9",
            apiURLOverride: "http://127.0.0.1:9/t")
        let transport = try HTTPTransport(settings: settings, environment: [:])
        for url in [
            "http://127.0.0.1:9.evil.example/t/x", "http://127.0.0.1:9@evil.example/t/x", "http://evil.example/t/x",
            "http://127.0.0.1.evil.example:9/t",
        ] {
            let error = await #expect(throws: PixelError.self, "\(url)") {
                try await transport.execute(HTTPClientRequest(url: url), kind: .api, carriesCredentials: true, logger: .pixelSilent)
            }
            #expect(error?.code == .insecureTransport, "\(url)")
        }
        await transport.shutDown()
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

import Foundation
import PixelClient
import PixelEmulator
import Settings
import Testing

/// Requests through a real HTTP proxy (tinyproxy) on loopback. The emulator is on loopback too,
/// which a client normally never sends through a proxy, so these clients turn that bypass off.
@Suite(.enabled(if: TinyProxy.isInstalled, "needs tinyproxy (apt-get install tinyproxy; .ci/run installs it)"))
struct ProxyTests {
    /// Hooks that let loopback traffic use the proxy, with `environment` for proxy variables.
    private func hooks(_ environment: [String: String] = [:]) -> PixelClientHooks {
        var hooks = PixelClientHooks.testing { $0.proxyEnvironment = environment }
        hooks.proxyBypassesLoopback = false
        return hooks
    }

    private func tunnels(_ proxy: TinyProxy, to emulator: PixelEmulator) -> Int {
        proxy.requests.filter { $0.hasPrefix("CONNECT 127.0.0.1:\(emulator.port) ") }.count
    }

    /// Runs `body` with a started emulator, stopping `proxy` before the emulator stops (the
    /// proxy's upstream connections would hold the emulator's shutdown).
    private func withEmulator(stopping proxy: TinyProxy, _ body: (PixelEmulator) async throws -> Void) async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            do {
                try await body(emulator)
            } catch {
                await proxy.stop()
                throw error
            }
            await proxy.stop()
        }
    }

    /// A client on `emulator` with `tweak` applied to its settings; closed after `body`.
    private func withProxiedClient(
        _ emulator: PixelEmulator, settings tweak: (inout PixelSettings) -> Void = { _ in }, environment: [String: String] = [:],
        _ body: (PixelAsyncClient) async throws -> Void
    ) async throws {
        let client = try PixelAsyncClient(settings: testSettings(emulator, tweak), options: .testing(), hooks: hooks(environment))
        do {
            try await body(client)
        } catch {
            await client.close(gracePeriod: .zero)
            throw error
        }
        await client.close(gracePeriod: .zero)
    }

    @Test func theSettingsProxyCarriesTokenAndAPIRequests() async throws {
        let proxy = try await TinyProxy()
        try await withEmulator(stopping: proxy) { emulator in
            try await withProxiedClient(emulator, settings: { $0.proxy = "http://127.0.0.1:\(proxy.port)" }) { client in
                let me = try await client.me()
                #expect(me.email == "demo@example.com")
                #expect(tunnels(proxy, to: emulator) >= 1, "\(proxy.requests)")
                #expect(emulator.stats.grantCount(.password) == 1)
            }
        }
    }

    @Test func httpProxyFromTheEnvironmentIsUsedAndNoProxyExcludesTheHost() async throws {
        let proxy = try await TinyProxy()
        try await withEmulator(stopping: proxy) { emulator in
            try await withProxiedClient(emulator, environment: ["http_proxy": "127.0.0.1:\(proxy.port)"]) { client in
                _ = try await client.me()
                #expect(tunnels(proxy, to: emulator) >= 1, "\(proxy.requests)")
            }
            let before = proxy.requests.count
            try await withProxiedClient(emulator, environment: ["HTTP_PROXY": "127.0.0.1:\(proxy.port)", "NO_PROXY": "127.0.0.1"]) { client in
                _ = try await client.me()
            }
            try await withProxiedClient(emulator, environment: ["HTTPS_PROXY": "127.0.0.1:\(proxy.port)"]) { client in
                _ = try await client.me()  // an http:// API: HTTPS_PROXY does not apply
            }
            #expect(proxy.requests.count == before, "\(proxy.requests)")
        }
    }

    /// The emulator speaks plain HTTP, so an `https://` request through the proxy reaches it but
    /// cannot complete its TLS handshake: what this shows is that `HTTPS_PROXY` (and not
    /// `HTTP_PROXY`) carried the `https://` request, and that the failure is a typed error.
    @Test func httpsProxyFromTheEnvironmentCarriesHTTPSRequestsAndHTTPProxyDoesNot() async throws {
        let proxy = try await TinyProxy()
        try await withEmulator(stopping: proxy) { emulator in
            let httpsSettings: (inout PixelSettings) -> Void = {
                $0.authServerURLOverride = "https://127.0.0.1:\(emulator.port)"
                $0.apiURLOverride = "https://127.0.0.1:\(emulator.port)/demo"
                $0.retryAttempts = 1
                $0.tokenTimeout = TestTime.scaled(.seconds(3))  // a handshake with a plain-HTTP server may wait for it
            }
            try await withProxiedClient(emulator, settings: httpsSettings, environment: ["HTTP_PROXY": "127.0.0.1:\(proxy.port)"]) { client in
                await #expect(throws: PixelError.self) { try await client.me() }
            }
            #expect(tunnels(proxy, to: emulator) == 0, "\(proxy.requests)")
            try await withProxiedClient(emulator, settings: httpsSettings, environment: ["HTTPS_PROXY": "127.0.0.1:\(proxy.port)"]) { client in
                let error = try await #require(throws: PixelError.self) { try await client.me() }
                // The handshake fails (`transport`) or, on a loaded machine, outlasts the timeout.
                #expect(error.code == .transport || error.code == .timeout, "\(error)")
                #expect(error.description.contains("through the proxy 127.0.0.1:\(proxy.port)"), "\(error)")
                #expect(!error.description.contains("demo-password"))
            }
            #expect(tunnels(proxy, to: emulator) >= 1, "\(proxy.requests)")
        }
    }

    @Test func proxyAuthenticationWorksAndAWrongPasswordIsATypedErrorThatHidesIt() async throws {
        let proxy = try await TinyProxy(credentials: ("alice", "pr0xy-pa55"))
        try await withEmulator(stopping: proxy) { emulator in
            try await withProxiedClient(emulator, settings: { $0.proxy = "http://alice:pr0xy-pa55@127.0.0.1:\(proxy.port)" }) { client in
                _ = try await client.me()
                #expect(tunnels(proxy, to: emulator) >= 1, "\(proxy.requests)")
            }
            let wrongPassword = clientSentinelPassword
            try await withProxiedClient(
                emulator,
                settings: {
                    $0.proxy = "http://alice:\(wrongPassword)@127.0.0.1:\(proxy.port)"
                    $0.retryAttempts = 1
                }
            ) { client in
                let error = try await #require(throws: PixelError.self) { try await client.me() }
                #expect(error.code == .transport, "\(error)")
                #expect(error.description.contains("The proxy 127.0.0.1:\(proxy.port) refused the connection"), "\(error)")
                #expect(!error.description.contains(wrongPassword))
                #expect(!String(reflecting: error).contains(wrongPassword))
            }
        }
    }

    @Test func anUnreachableProxyIsATransportErrorNamingItWithoutItsCredentials() async throws {
        let port = try freeLoopbackPort()
        try await withClient(
            settings: {
                $0.proxy = "http://alice:\(clientSentinelPassword)@127.0.0.1:\(port)"
                $0.retryAttempts = 1
            }, hooks: hooks()
        ) { _, client in
            let error = try await #require(throws: PixelError.self) { try await client.me() }
            #expect(error.code == .transport, "\(error)")
            #expect(error.description.contains("through the proxy 127.0.0.1:\(port)"), "\(error)")
            #expect(!error.description.contains(clientSentinelPassword))
            #expect(!String(reflecting: error).contains(clientSentinelPassword))
        }
    }
}

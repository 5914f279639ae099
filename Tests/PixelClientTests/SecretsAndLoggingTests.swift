import Foundation
import Logging
import NIOConcurrencyHelpers
import PixelClient
import PixelEmulator
import Settings
import Testing

@Suite struct SecretsAndLoggingTests {
    @Test func traceLogsAndErrorsNeverContainThePasswordOrTokens() async throws {
        let store = CapturingLogHandler.Store()
        var logger = Logger(label: "test", factory: { _ in CapturingLogHandler(store: store) })
        logger.logLevel = .trace
        let tokens = RecordingSessionStore()
        let hooks = PixelClientHooks.testing {
            $0.logger = logger
            $0.sessionStore = tokens
        }
        var descriptions: [String] = []
        try await withClient(hooks: hooks, username: "sentinel@example.com", password: clientSentinelPassword) { emulator, client in
            _ = try await client.me()
            emulator.faults.expireAllAccessTokens()
            _ = try await client.listProjects()  // 401 → refresh → retry
            emulator.faults.failNext(1, method: "GET", pathPrefix: "/demo/plugins/", with: .status(503))
            _ = try await client.getPlugins()
            descriptions.append(String(describing: try await #require(throws: PixelError.self) { try await client.getProject(5_555) }))
            let user = OIDCUserCreate(firstName: "A", lastName: "B", email: "a@b.no", password: Secret(clientSentinelPassword), userType: .viewer)
            _ = try await client.createOIDCUser(user)  // served now; creating the same user again is the 409 error path
            let oidcError = try await #require(throws: PixelError.self) { try await client.createOIDCUser(user) }
            descriptions.append(oidcError.description)
            #expect(oidcError.requestBody == nil)
        }
        let refreshTokens = tokens.saved.withLockedValue { $0.map { $0.reveal() } }
        #expect(refreshTokens.count == 2)
        let text = store.text + descriptions.joined()
        #expect(!text.isEmpty)
        #expect(text.contains("→ GET"))
        #expect(!text.contains(clientSentinelPassword))
        for token in refreshTokens { #expect(!text.contains(token)) }
        #expect(!text.localizedCaseInsensitiveContains("bearer "))
    }

    @Test func theDefaultLoggerIsSilent() throws {
        let hooks = PixelClientHooks()
        #expect(hooks.logger.handler is SwiftLogNoOpLogHandler)
    }

    @Test func errorDescriptionIsOneReadableParagraph() {
        let error = PixelError(
            code: .httpStatus, message: "The API answered 404 Not Found.", method: "GET",
            url: "https://user:\(clientSentinelPassword)@api.example.com/acme/projects/1", status: 404, requestID: "abc",
            detail: "Project 1 not found")
        #expect(!error.description.contains(clientSentinelPassword))
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("GET https://api.example.com/acme/projects/1 → 404"))
        #expect(error.description.contains("Server detail: Project 1 not found."))
        #expect(error.description.contains("Request id: abc."))
    }
}

import Logging
import PixelClient
import PixelEmulator
import Settings
import Testing

/// OIDC user bodies and harvest credentials are sensitive: the sentinel password never reaches an
/// error, a log line (at trace level) or an event, even when the server echoes the body back.
@Suite struct SensitiveBodyTests {
    static let apiKeySentinel = "S3NT1NEL-api-key"

    /// A client whose trace logs and events are captured.
    private func withWatchedClient(_ body: (PixelEmulator, PixelAsyncClient) async throws -> Void) async throws -> (logs: String, events: [String]) {
        let store = CapturingLogHandler.Store()
        var logger = Logger(label: "test", factory: { _ in CapturingLogHandler(store: store) })
        logger.logLevel = .trace
        let events = EventRecorder()
        let hooks = PixelClientHooks.testing {
            $0.logger = logger
            $0.eventHandler = events.handler
        }
        try await withClient(hooks: hooks) { emulator, client in try await body(emulator, client) }
        return (store.text, events.descriptions)
    }

    private static var user: OIDCUserCreate {
        OIDCUserCreate(firstName: "Sam", lastName: "Sentinel", email: "sam@example.com", password: Secret(clientSentinelPassword), userType: .viewer)
    }

    private static var harvest: HarvestServiceCreate {
        HarvestServiceCreate(
            name: "Roads", description: "", url: HarvestTests.url,
            auth: HarvestAuth(
                credentials: HarvestCredentials(username: "harvester", password: Secret(clientSentinelPassword)),
                apiKey: HarvestAPIKey(apiKey: Secret(apiKeySentinel))))
    }

    private static func expectClean(_ error: PixelError?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return
        }
        let text = String(describing: error) + String(reflecting: error) + (error.detail ?? "") + error.message
        #expect(!text.contains(clientSentinelPassword), "\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains(apiKeySentinel), "\(text)", sourceLocation: sourceLocation)
        #expect(error.requestBody == nil, sourceLocation: sourceLocation)
    }

    @Test func oidcUsersCarryIntegerIdsAndTheirPasswordsNowhere() async throws {
        let (logs, events) = try await withWatchedClient { emulator, client in
            let user = try await client.createOIDCUser(Self.user)
            let id = try #require(user.id)
            #expect(id.rawValue >= 2)
            let updated = try await client.updateOIDCUser(
                id, OIDCUserUpdate(lastName: "Changed", password: Secret(clientSentinelPassword), enabled: false))
            #expect(updated.lastName == "Changed")
            #expect(updated.enabled == false)

            // The server echoes the rejected body, password included (FastAPI's `input`).
            emulator.faults.failNext(1, method: "POST", pathPrefix: "/demo/users/oidc/", with: .echoRequestBody(422))
            let echoed = await #expect(throws: PixelError.self) { try await client.createOIDCUser(Self.user) }
            Self.expectClean(echoed)
            #expect(echoed?.status == 422)
            #expect(echoed?.detail?.contains("<redacted>") == true)
            #expect(echoed?.detail?.contains("sam@example.com") == true)  // the rest of the echo stays

            emulator.faults.failNext(1, method: "PUT", pathPrefix: "/demo/users/oidc/", with: .echoRequestBody(422))
            Self.expectClean(
                await #expect(throws: PixelError.self) {
                    try await client.updateOIDCUser(id, OIDCUserUpdate(password: Secret(clientSentinelPassword)))
                })
            let conflict = await #expect(throws: PixelError.self) { try await client.createOIDCUser(Self.user) }
            #expect(conflict?.status == 409)
            Self.expectClean(conflict)
            let invalid = OIDCUserCreate(
                firstName: "A", lastName: "B", email: "not-an-address", password: Secret(clientSentinelPassword), userType: .viewer)
            let rejected = await #expect(throws: PixelError.self) { try await client.createOIDCUser(invalid) }
            expectValidationError(rejected, naming: "email")
            Self.expectClean(rejected)
        }
        #expect(logs.contains("→ POST"))
        #expect(!logs.contains(clientSentinelPassword))
        #expect(!events.joined().contains(clientSentinelPassword))
    }

    @Test func harvestCredentialsAndAPIKeysAppearNowhere() async throws {
        let (logs, events) = try await withWatchedClient { emulator, client in
            let (project, dc) = try await client.makeCollection(.image)
            let service = try await client.createHarvestService(project: project, dataCollection: dc, Self.harvest)
            #expect(!String(describing: service).contains(clientSentinelPassword))
            let update = HarvestServiceUpdate(auth: Self.harvest.auth)
            _ = try await client.updateHarvestService(project: project, dataCollection: dc, id: service.id, update)

            let path = "/demo/projects/\(project)/data_collections/\(dc)/harvest_services/"
            emulator.faults.failNext(1, method: "POST", pathPrefix: path, with: .echoRequestBody(422))
            Self.expectClean(
                await #expect(throws: PixelError.self) { try await client.createHarvestService(project: project, dataCollection: dc, Self.harvest) })
            emulator.faults.failNext(1, method: "PUT", pathPrefix: path, with: .echoRequestBody(400))
            Self.expectClean(
                await #expect(throws: PixelError.self) {
                    try await client.updateHarvestService(project: project, dataCollection: dc, id: service.id, update)
                })
            // A password with JSON escapes is blanked out of the echo too.
            let quoted = "pa\"ss\\word-\(clientSentinelPassword)"
            var tricky = Self.harvest
            tricky.auth.credentials?.password = Secret(quoted)
            emulator.faults.failNext(1, method: "POST", pathPrefix: path, with: .echoRequestBody(422))
            let escaped = await #expect(throws: PixelError.self) {
                try await client.createHarvestService(project: project, dataCollection: dc, tricky)
            }
            Self.expectClean(escaped)
            #expect(escaped?.detail?.contains("pa\\\"ss") == false)
        }
        #expect(logs.contains("harvest_services"))
        #expect(!logs.contains(clientSentinelPassword) && !logs.contains(Self.apiKeySentinel))
        #expect(!events.joined().contains(clientSentinelPassword))
    }

    @Test func theBlockingFormsKeepTheSecretsOutToo() async throws {
        let (logs, _) = try await withWatchedClient { emulator, asyncClient in
            let (project, dc) = try await asyncClient.makeCollection(.image)
            let client = asyncClient.blocking
            try await onPlainThread {
                let user = try client.createOIDCUser(Self.user)
                _ = try client.updateOIDCUser(try #require(user.id), OIDCUserUpdate(password: Secret(clientSentinelPassword)))
                emulator.faults.failNext(1, method: "POST", pathPrefix: "/demo/users/oidc/", with: .echoRequestBody(422))
                Self.expectClean(#expect(throws: PixelError.self) { try client.createOIDCUser(Self.user) })
                let service = try client.createHarvestService(project: project, dataCollection: dc, Self.harvest)
                emulator.faults.failNext(1, method: "PUT", pathPrefix: "/demo/projects/", with: .echoRequestBody(422))
                Self.expectClean(
                    #expect(throws: PixelError.self) {
                        try client.updateHarvestService(
                            project: project, dataCollection: dc, id: service.id, HarvestServiceUpdate(auth: Self.harvest.auth))
                    })
            }
        }
        #expect(!logs.contains(clientSentinelPassword) && !logs.contains(Self.apiKeySentinel))
    }

    @Test func redactionBlanksEverySecretInEveryTextOfAnError() {
        let error = PixelError(
            code: .httpStatus, message: "m s3cret", url: "https://api.example.com/x?k=s3cret", status: 422,
            detail: #"{"input":{"password":"s3cret"}}"#,
            requestBody: "s3cret", underlying: "s3cret")
        let clean = error.redacting(["s3cret", ""])
        #expect(!String(describing: clean).contains("s3cret"))
        #expect(clean.detail == #"{"input":{"password":"<redacted>"}}"#)
        #expect(clean.status == 422)
    }
}

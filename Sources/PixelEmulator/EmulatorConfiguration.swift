import Foundation

/// One account the emulator's token endpoint accepts.
///
/// ```swift
/// let user = EmulatorUser(username: "ada@example.com", password: "pw", tenant: "acme")
/// ```
public struct EmulatorUser: Sendable, Hashable {
    /// Login name, compared exactly.
    public var username: String
    /// Password, compared exactly. Never logged or printed by the emulator.
    public var password: String
    /// Tenant (Keycloak realm). Realm and API path segment compare case-insensitively.
    public var tenant: String

    public init(username: String, password: String, tenant: String) {
        self.username = username
        self.password = password
        self.tenant = tenant
    }
}

/// How a ``PixelEmulator`` behaves. Every property has a test-friendly default.
///
/// ```swift
/// var configuration = EmulatorConfiguration()
/// configuration.accessTokenLifetime = .seconds(1)
/// configuration.jobPollsUntilComplete = 3
/// try await PixelEmulator.withRunning(configuration) { emulator in … }
/// ```
///
/// ## Body size limits
/// - API and token requests: ``maxJSONBodyBytes`` (default 1 MiB); larger bodies get 413 with a `detail`.
/// - Object-store form fields (presigned POST): 64 KiB per field, 64 fields.
/// - Object-store file parts and part PUTs: no cap beyond the declared `content_length`
///   (part PUTs) — bytes stream to disk, memory stays bounded.
public struct EmulatorConfiguration: Sendable {
    /// Interface to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// Port to bind; `0` picks a free ephemeral port (read it back from ``PixelEmulator/port``).
    public var port: Int = 0
    /// Accounts accepted by the password grant.
    public var users: [EmulatorUser] = [EmulatorUser(username: "demo@example.com", password: "demo-password", tenant: "demo")]
    /// Lifetime of access tokens (`expires_in`).
    public var accessTokenLifetime: Duration = .seconds(300)
    /// Lifetime of refresh tokens (`refresh_expires_in`).
    public var refreshTokenLifetime: Duration = .seconds(1800)
    /// How many `GET /jobs/{id}` (or group) polls report `completed: false` before a job completes.
    /// Jobs validate uploads, run raster and point-cloud optimizations and start, stop or refresh
    /// ArcGIS services; what they do takes effect when they complete, so nothing changes on a
    /// timer. Groups always report at least one incomplete poll (the Python client crashes otherwise).
    public var jobPollsUntilComplete: Int = 1
    /// Upper bound for `limit` on list and search requests; `nil` means no cap.
    public var maxPageSize: Int? = nil
    /// Serve the `/_emulator/…` admin endpoint (fault injection over HTTP).
    public var adminEndpointEnabled: Bool = false
    /// Where uploaded objects are stored; a fresh temporary directory (removed on shutdown) when `nil`.
    public var storageDirectory: String? = nil
    /// Lifetime of presigned object-store URLs.
    public var presignedURLLifetime: Duration = .seconds(3600)
    /// Largest accepted JSON or form body on API and token routes.
    public var maxJSONBodyBytes: Int = 1 << 20
    /// Default `limit` when a list request sends none.
    public var defaultPageSize: Int = 100
    /// A file every issued access and refresh token is appended to, one per line, so a secret
    /// audit can search logs and files for them afterwards. `nil` (the default) writes nothing;
    /// the `PIXEL_EMULATOR_TOKEN_LOG` environment variable sets it for every emulator a process
    /// starts. Never point it at a place other people can read.
    public var issuedTokenLog: String? = ProcessInfo.processInfo.environment["PIXEL_EMULATOR_TOKEN_LOG"].flatMap { $0.isEmpty ? nil : $0 }
    /// Request headers whose values ``EmulatorStats/headerValues(_:method:path:)`` keeps (lower
    /// case), to check trace-context propagation: by default the W3C `traceparent` and
    /// `tracestate`. Never list a header that carries a credential.
    public var recordedHeaders: Set<String> = ["traceparent", "tracestate"]

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        users: [EmulatorUser] = [EmulatorUser(username: "demo@example.com", password: "demo-password", tenant: "demo")],
        accessTokenLifetime: Duration = .seconds(300),
        refreshTokenLifetime: Duration = .seconds(1800),
        jobPollsUntilComplete: Int = 1,
        maxPageSize: Int? = nil,
        adminEndpointEnabled: Bool = false,
        storageDirectory: String? = nil,
        presignedURLLifetime: Duration = .seconds(3600)
    ) {
        self.host = host
        self.port = port
        self.users = users
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.jobPollsUntilComplete = jobPollsUntilComplete
        self.maxPageSize = maxPageSize
        self.adminEndpointEnabled = adminEndpointEnabled
        self.storageDirectory = storageDirectory
        self.presignedURLLifetime = presignedURLLifetime
    }
}

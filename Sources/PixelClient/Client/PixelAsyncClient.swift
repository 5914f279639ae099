import Settings
import NIOHTTP1

/// The async Pixel API client. Method names mirror pixel-client's, camel-cased
/// (`list_projects` → ``listProjects(_:)``), with typed models and ids.
///
/// It is a cheap `Sendable` value over a ``PixelClientCore`` (connection pool + token); copies
/// share the core. Every error is a ``PixelError``.
///
/// ```swift
/// let client = try PixelAsyncClient(settings: settings)
/// let me = try await client.me()
/// for project in try await client.listProjects(ListParams(limit: 20)) { print(project.name) }
/// await client.close()
/// ```
public struct PixelAsyncClient: Sendable {
    /// Where each call finds its core: the core itself, or a registry generation that follows
    /// the newest core of its settings.
    package let source: any CoreSource

    /// The shared core: pool, token provider, logger and hooks.
    public var core: PixelClientCore { source.currentCore }

    /// A facade over an existing core (facades of one core share its pool and token).
    public init(core: PixelClientCore) {
        self.source = core
    }

    package init(source: any CoreSource) {
        self.source = source
    }

    /// Builds a new core from settings (no I/O) and wraps it. Close it with ``close(gracePeriod:)``.
    public init(
        settings: PixelSettings, options: PixelClientOptions = PixelClientOptions(), hooks: PixelClientHooks = PixelClientHooks()
    ) throws(PixelError) {
        self.source = try PixelClientCore(settings: settings, options: options, hooks: hooks)
    }

    /// Closes the shared core (idempotent): later calls on any facade of it fail with
    /// ``PixelError/Code/clientClosed``.
    public func close(gracePeriod: Duration = .seconds(10)) async {
        await core.close(gracePeriod: gracePeriod)
    }

    /// Runs `operation` with a client pinned to one core under one lease: every call it makes
    /// goes to that core, which stays open for it even if it is retired or closed meanwhile (up
    /// to the close's grace period).
    func pinned<Result>(_ operation: (PixelAsyncClient) async throws(PixelError) -> Result) async throws(PixelError) -> Result {
        try await source.withLease { core async throws(PixelError) -> Result in
            try await operation(PixelAsyncClient(source: PinnedCore(core: core)))
        }
    }

    // MARK: - Helpers shared by the resource extensions

    static func dcPath(_ project: ProjectID, _ dataCollection: DataCollectionID) -> String {
        "/projects/\(project)/data_collections/\(dataCollection)"
    }

    /// Sends `request` on a leased core and decodes the response.
    func send<Response: Decodable>(_ request: APIRequest, as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        try await source.withLease { core async throws(PixelError) -> Response in try await core.perform(request) }
    }

    /// Sends `request` on a leased core; a 2xx answer is success whatever its body.
    func sendIgnoringBody(_ request: APIRequest) async throws(PixelError) {
        _ = try await source.withLease { core async throws(PixelError) -> TransportResponse in try await core.perform(request) }
    }

    func get<Response: Decodable>(_ path: String, query: QueryItems = QueryItems(), as type: Response.Type = Response.self) async throws(PixelError)
        -> Response
    {
        try await send(APIRequest(.GET, path, query: query))
    }

    func send<Response: Decodable>(_ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems(), as type: Response.Type = Response.self)
        async throws(PixelError) -> Response
    {
        try await send(APIRequest(method, path, query: query))
    }

    func send<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems(), body: some Encodable & Sendable,
        as type: Response.Type = Response.self
    ) async throws(PixelError) -> Response {
        try await send(APIRequest(method, path, query: query).withJSONBody(body))
    }
}

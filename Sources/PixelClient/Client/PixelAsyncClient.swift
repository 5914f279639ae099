import Settings
import NIOHTTP1

/// The async Pixel API client. Method names mirror pixel-client's, camel-cased
/// (`list_projects` → ``listProjects(_:)``), with typed models and ids.
///
/// It is a cheap `Sendable` handle on a ``PixelClientCore`` (connection pool + token); copies share
/// the core. Every error is a ``PixelError``.
///
/// ```swift
/// let core = try PixelClientCore(settings: settings)
/// let client = PixelAsyncClient(core: core)
/// let me = try await client.me()
/// for project in try await client.listProjects(ListParams(limit: 20)) { print(project.name) }
/// await client.close()
/// ```
public struct PixelAsyncClient: Sendable {
    /// The shared core: pool, token provider, logger and hooks.
    public var core: PixelClientCore { handle.core }

    /// What this facade holds: a small per-holder object that points at the shared core, so that
    /// copying a client from the factory's per-thread cache does not touch the core's reference
    /// count, which every thread would otherwise contend on.
    @usableFromInline let handle: ClientHandle

    /// A facade over an existing core (the factory shares one core between facades).
    public init(core: PixelClientCore) {
        self.handle = ClientHandle(core: core)
    }

    @usableFromInline
    init(handle: ClientHandle) {
        self.handle = handle
    }

    /// Builds a new core from settings (no I/O) and wraps it. Close it with ``close(gracePeriod:)``.
    public init(settings: PixelSettings, options: PixelClientOptions = PixelClientOptions()) throws(PixelError) {
        self.handle = ClientHandle(core: try PixelClientCore(settings: settings, options: options))
    }

    /// Closes the shared core (idempotent): later calls on any facade of it fail with
    /// ``PixelError/Code/clientClosed``.
    public func close(gracePeriod: Duration = .seconds(10)) async {
        await core.close(gracePeriod: gracePeriod)
    }

    /// A blocking facade over the same core.
    public var blocking: PixelClient { PixelClient(handle: handle) }

    // MARK: - Helpers shared by the resource extensions

    static func dcPath(_ project: ProjectID, _ dataCollection: DataCollectionID) -> String {
        "/projects/\(project)/data_collections/\(dataCollection)"
    }

    func get<Response: Decodable>(_ path: String, query: QueryItems = QueryItems(), as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        try await core.send(APIRequest(.GET, path, query: query))
    }

    func send<Response: Decodable>(_ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems(), as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        try await core.send(APIRequest(method, path, query: query))
    }

    func send<Response: Decodable>(_ method: HTTPMethod, _ path: String, query: QueryItems = QueryItems(), body: some Encodable & Sendable, sensitive: Bool = false, as type: Response.Type = Response.self) async throws(PixelError) -> Response {
        try await core.send(APIRequest(method, path, query: query).withJSONBody(body, sensitive: sensitive))
    }
}


/// Selects the async client in ``getClient(async:settings:)-(PixelClientMode,PixelSettings?)``: the Swift spelling of Python's
/// `get_client(async_=True)`.
///
/// A `Bool` argument cannot change a Swift return type, so the async form takes this single-case
/// marker instead and returns a statically typed ``PixelAsyncClient``:
///
/// | Python (pixel-client 1.2.8) | Swift |
/// |---|---|
/// | `get_client()` | `try getClient()` → ``PixelClient`` (blocking) |
/// | `get_client(settings=s)` | `try getClient(settings: s)` → ``PixelClient`` |
/// | `get_client(async_=True)` | `try getClient(async: .async)` → ``PixelAsyncClient`` |
/// | `get_client(async_=True, settings=s)` | `try getClient(async: .async, settings: s)` → ``PixelAsyncClient`` |
/// | `get_client(**kwargs)` | a ``PixelClientRegistry`` with ``PixelClientRegistry/Configuration/clientOptions`` |
/// | `with get_client() as c:` | `try await registry.withClient { c in … }` (closes only what it created) |
public enum PixelClientMode: Sendable, Hashable {
    /// The async client, ``PixelAsyncClient``.
    case async
}

/// The blocking Pixel client for `settings`, or for the default settings (environment, `./.env`,
/// `./pixel.yaml`) when `nil` — Python's `pixel_client.get_client()`.
///
/// Clients are cached per settings key in ``PixelClientRegistry/shared``: the same settings give
/// the same client (blocking and async forms share one connection pool and one token), the
/// default settings are re-checked on every call (about a microsecond when nothing changed) and
/// a change builds a new client while the old one finishes its requests and closes. Building a
/// client does no network I/O; the token is fetched by the first request.
///
/// ```swift
/// let client = try getClient()                         // like get_client()
/// for project in try client.listProjects() { print(project.name) }
/// ```
///
/// - Throws: `SettingsError` when the default settings are incomplete or invalid (every problem
///   listed, passwords never shown); ``PixelError`` with ``PixelError/Code/registryShutDown``
///   after `PixelClientRegistry.shared.shutdown()`.
public func getClient(settings: PixelSettings? = nil) throws -> PixelClient {
    try PixelClientRegistry.shared.client(settings: settings)
}

/// The blocking Pixel client for explicit `settings`: the overload a non-optional argument picks.
/// The settings are borrowed, not copied, all the way to the cache check, which makes a repeated
/// call with the same value the cheapest way to get a client (a few tens of nanoseconds).
///
/// ```swift
/// let settings = PixelSettings(username: "me@example.com", password: "s3cret", tenant: "acme")
/// let client = try getClient(settings: settings)       // like get_client(settings=s)
/// ```
///
/// - Throws: ``PixelError`` with ``PixelError/Code/registryShutDown`` after
///   `PixelClientRegistry.shared.shutdown()`.
@inlinable
public func getClient(settings: borrowing PixelSettings) throws -> PixelClient {
    try PixelClientRegistry.shared.client(settings: settings)
}

/// The async Pixel client for `settings`, or for the default settings when `nil` — Python's
/// `pixel_client.get_client(async_=True)`. It shares its core with ``getClient(settings:)-(PixelSettings?)``.
///
/// ```swift
/// let client = try getClient(async: .async)            // like get_client(async_=True)
/// let me = try await client.me()
/// ```
///
/// - Throws: as ``getClient(settings:)-(PixelSettings?)``.
public func getClient(async mode: PixelClientMode, settings: PixelSettings? = nil) throws -> PixelAsyncClient {
    try PixelClientRegistry.shared.asyncClient(settings: settings)
}

/// The async Pixel client for explicit `settings`, borrowed like
/// ``getClient(settings:)-(PixelSettings)``.
///
/// ```swift
/// let client = try getClient(async: .async, settings: settings)
/// ```
///
/// - Throws: as ``getClient(settings:)-(PixelSettings)``.
@inlinable
public func getClient(async mode: PixelClientMode, settings: borrowing PixelSettings) throws -> PixelAsyncClient {
    try PixelClientRegistry.shared.asyncClient(settings: settings)
}

extension PixelClientRegistry {
    /// The instance form of the global ``getClient(settings:)-(PixelSettings?)``: the blocking client.
    public func getClient(settings: PixelSettings? = nil) throws -> PixelClient {
        try client(settings: settings)
    }

    /// The instance form of the global ``getClient(async:settings:)-(PixelClientMode,PixelSettings?)``: the async client.
    public func getClient(async mode: PixelClientMode, settings: PixelSettings? = nil) throws -> PixelAsyncClient {
        try asyncClient(settings: settings)
    }

    /// The instance form of the global ``getClient(settings:)-(PixelSettings)``: explicit
    /// settings, borrowed.
    @inlinable
    public func getClient(settings: borrowing PixelSettings) throws -> PixelClient {
        try client(settings: settings)
    }

    /// The instance form of the global ``getClient(async:settings:)-(PixelClientMode,PixelSettings)``.
    @inlinable
    public func getClient(async mode: PixelClientMode, settings: borrowing PixelSettings) throws -> PixelAsyncClient {
        try asyncClient(settings: settings)
    }
}

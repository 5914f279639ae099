/// Selects the async client in ``getClient(async:settings:options:)``: the Swift spelling of
/// Python's `get_client(async_=True)`.
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
/// | `get_client(**kwargs)` | `try getClient(options: PixelClientOptions(…))` |
/// | `with get_client() as c:` | `try PixelClientRegistry.shared.withBlockingClient { c in … }` (closes only what it created) |
public enum PixelClientMode: Sendable, Hashable {
    /// The async client, ``PixelAsyncClient``.
    case async
}

/// The blocking Pixel client for `settings` (the default settings — environment, `./.env`,
/// `./pixel.yaml` — when `nil`) and `options` — Python's `pixel_client.get_client()`.
///
/// Clients are cached in ``PixelClientRegistry/shared`` per settings and options: the same ones
/// give the same client (blocking and async forms share one connection pool and one token), the
/// default settings are re-checked on every call (about a microsecond when nothing changed), and
/// a change builds a new client while the old one finishes its work and closes. Building a client
/// does no network I/O; the token is fetched by the first request.
///
/// ```swift
/// let client = try getClient()                         // like get_client()
/// for project in try client.listProjects() { print(project.name) }
///
/// let settings = PixelSettings(username: "me@example.com", password: "s3cret", tenant: "acme")
/// let patient = try getClient(settings: settings, options: .init(apiTimeout: .seconds(60)))
/// ```
///
/// - Throws: `SettingsError` when the default settings are incomplete or invalid (every problem
///   listed, passwords never shown).
public func getClient(settings: PixelSettings? = nil, options: PixelClientOptions? = nil) throws -> PixelClient {
    try PixelClientRegistry.shared.client(settings: settings, options: options)
}

/// The async Pixel client for `settings` (the default settings when `nil`) and `options` —
/// Python's `pixel_client.get_client(async_=True)`. It shares its core with
/// ``getClient(settings:options:)`` for the same settings and options.
///
/// ```swift
/// let client = try getClient(async: .async)            // like get_client(async_=True)
/// let me = try await client.me()
/// ```
///
/// - Throws: as ``getClient(settings:options:)``.
public func getClient(async mode: PixelClientMode, settings: PixelSettings? = nil, options: PixelClientOptions? = nil) throws -> PixelAsyncClient {
    try PixelClientRegistry.shared.asyncClient(settings: settings, options: options)
}

/// How one client behaves beyond its ``PixelSettings``: request-timing overrides, retry backoff
/// and token refresh. Options are plain values and part of a client's identity: the factory gives
/// the same settings with different options different clients, and with equal options the same
/// client (like the keyword arguments of Python's `get_client(**kwargs)`).
///
/// Every override left `nil` keeps the value from the settings (`PIXEL_API_TIMEOUT` and friends).
///
/// ```swift
/// var options = PixelClientOptions()
/// options.apiTimeout = .seconds(30)        // this client only; the settings say 10 s
/// options.retryAttempts = 1                // no retries
/// let client = try getClient(async: .async, options: options)
/// ```
public struct PixelClientOptions: Sendable, Hashable {
    /// Overrides ``PixelSettings/apiTimeout`` (time per API request).
    public var apiTimeout: Duration?
    /// Overrides ``PixelSettings/uploadTimeout`` (time per object-store request).
    public var uploadTimeout: Duration?
    /// Overrides ``PixelSettings/tokenTimeout`` (time per token-endpoint request).
    public var tokenTimeout: Duration?
    /// Overrides ``PixelSettings/retryAttempts`` (total attempts for retryable requests).
    public var retryAttempts: Int?
    /// Overrides ``PixelSettings/uploadConcurrency`` (object-store transfers in flight per upload).
    public var uploadConcurrency: Int?
    /// The first retry delay; it doubles per attempt, with full jitter.
    public var retryBaseDelay: Duration
    /// The longest single retry delay, a server's `Retry-After` included.
    public var retryMaxDelay: Duration
    /// How long before expiry an access token is refreshed in the background; `nil` means the
    /// smaller of 30 seconds and a quarter of the token's lifetime.
    public var tokenRefreshMargin: Duration?

    /// Creates options; every argument has a production default.
    public init(
        apiTimeout: Duration? = nil,
        uploadTimeout: Duration? = nil,
        tokenTimeout: Duration? = nil,
        retryAttempts: Int? = nil,
        uploadConcurrency: Int? = nil,
        retryBaseDelay: Duration = .milliseconds(250),
        retryMaxDelay: Duration = .seconds(30),
        tokenRefreshMargin: Duration? = nil
    ) {
        self.apiTimeout = apiTimeout
        self.uploadTimeout = uploadTimeout
        self.tokenTimeout = tokenTimeout
        self.retryAttempts = retryAttempts
        self.uploadConcurrency = uploadConcurrency
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
        self.tokenRefreshMargin = tokenRefreshMargin
    }

    /// `settings` with this value's overrides applied: what a client built with both uses.
    public func applied(to settings: PixelSettings) -> PixelSettings {
        var effective = settings
        if let apiTimeout { effective.apiTimeout = apiTimeout }
        if let uploadTimeout { effective.uploadTimeout = uploadTimeout }
        if let tokenTimeout { effective.tokenTimeout = tokenTimeout }
        if let retryAttempts { effective.retryAttempts = retryAttempts }
        if let uploadConcurrency { effective.uploadConcurrency = uploadConcurrency }
        return effective
    }
}

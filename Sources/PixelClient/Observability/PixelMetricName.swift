/// The metrics a client reports through swift-metrics, with their dimensions.
///
/// Labels and dimension names follow the OpenTelemetry naming conventions that swift-metrics
/// backends map to their own (Prometheus turns `pixel.client.requests` into
/// `pixel_client_requests`). No label carries a secret, a token, a user name or a URL with ids:
/// routes are templates such as `/projects/{id}/`.
///
/// Bootstrap `MetricsSystem` with your backend at startup (or give a factory to
/// ``PixelClientHooks/metricsFactory``); every client created afterwards reports to it.
public enum PixelMetricName {
    /// Counter: API calls that finished, by `http.request.method`, `url.template` and
    /// `http.response.status_class` (`2xx` … `5xx`, or `error` when no response arrived).
    public static let requests = "pixel.client.requests"
    /// Timer (seconds): how long API calls took, retries and waits included, with the dimensions
    /// of ``requests``.
    public static let requestDuration = "pixel.client.request.duration"
    /// Counter: attempts repeated after a retryable status or a connection failure, by
    /// `http.request.method`, `url.template` and `reason` (`status` or `connection`). Object-store
    /// transfers count with `url.template` `object-store`.
    public static let requestRetries = "pixel.client.request.retries"
    /// Counter: token grants at Keycloak, by `grant_type` (`password`, `refresh_token`) and
    /// `outcome` (`success`, `failure`).
    public static let tokenGrants = "pixel.client.token.grants"
    /// Counter: client generations of a registry, by `event` (`created`, `rebuilt`, `retired`,
    /// `closed`).
    public static let generations = "pixel.client.generations"
    /// Meter: calls, transfers and uploads in flight (leases held on client cores).
    public static let leases = "pixel.client.leases"
    /// Counter: bytes of files and parts that reached the object store.
    public static let uploadBytes = "pixel.client.upload.bytes"
    /// Counter: files uploaded, by `outcome` (`success`, `failure`).
    public static let uploadFiles = "pixel.client.upload.files"
}

/// The one error type every PixelClient API throws.
///
/// A struct with an extensible ``Code`` (adding a kind is not a breaking change) and the context
/// that makes a failure diagnosable: the HTTP method, the URL (never with credentials), the status,
/// the `X-Request-ID` **we** sent (so it is known even when the server does not echo it), the
/// server's `detail` and — for non-sensitive calls only — the request body.
///
/// `description` is one readable paragraph and never contains a password or token.
///
/// ```swift
/// do {
///     _ = try await client.getProject(42)
/// } catch let error as PixelError where error.code == .httpStatus && error.status == 404 {
///     print(error.detail ?? "not found")   // "Project 42 not found"
///     print(error.requestID ?? "")         // the UUID we sent, for the server logs
/// }
/// ```
public struct PixelError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Compare with `==` against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case httpStatus, transport, timeout, authentication, decoding, invalidInput, clientClosed
            case syncCallInAsyncContext, insecureTransport, jobFailed, cancelled, registryShutDown
            case presignedURLExpired, uploadPairingMismatch, shutdownUnsupported
        }
        private let backing: Backing
        private init(_ backing: Backing) { self.backing = backing }

        /// The server answered with a non-2xx status (3xx included: redirects are not followed).
        public static let httpStatus = Code(.httpStatus)
        /// The network failed: connection refused or reset, DNS, TLS, proxy.
        public static let transport = Code(.transport)
        /// A request or a wait (`waitForJob`) ran past its time limit.
        public static let timeout = Code(.timeout)
        /// The token endpoint refused the credentials, or the API said 401 twice.
        public static let authentication = Code(.authentication)
        /// A response did not have the expected JSON shape.
        public static let decoding = Code(.decoding)
        /// The caller passed something unusable (an empty update, a bad URL, a bad page size).
        public static let invalidInput = Code(.invalidInput)
        /// The client (its shared core) was closed; create a new one.
        public static let clientClosed = Code(.clientClosed)
        /// A blocking ``PixelClient`` method was called inside a Swift concurrency task or on a
        /// NIO event loop, where blocking could deadlock. The message names the async method.
        public static let syncCallInAsyncContext = Code(.syncCallInAsyncContext)
        /// Credentials would have gone over plain `http://` to a non-loopback host.
        public static let insecureTransport = Code(.insecureTransport)
        /// A job or job group finished, but not successfully.
        public static let jobFailed = Code(.jobFailed)
        /// The calling task was cancelled.
        public static let cancelled = Code(.cancelled)
        /// The client registry was shut down; `getClient` no longer hands out clients.
        public static let registryShutDown = Code(.registryShutDown)
        /// ``PixelClientRegistry/shared`` was asked to shut down; it stays usable for the whole process.
        public static let shutdownUnsupported = Code(.shutdownUnsupported)
        /// The object store refused a presigned upload URL with 403: it expired (or its signature
        /// no longer matches). Retrying the same URL cannot help; start the upload again.
        public static let presignedURLExpired = Code(.presignedURLExpired)
        /// The server's upload jobs (or support-file / attachment targets) do not match the files
        /// that were sent, name for name; nothing was transferred for the affected files.
        public static let uploadPairingMismatch = Code(.uploadPairingMismatch)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence describing what went wrong.
    public var message: String
    /// The HTTP method of the failed request, when there was one.
    public var method: String?
    /// The request URL without user info (credentials are never kept).
    public var url: String?
    /// The HTTP status code, for ``Code/httpStatus`` and ``Code/authentication`` errors.
    public var status: Int?
    /// The `X-Request-ID` header the client sent (kept across retries).
    public var requestID: String?
    /// The server's `detail` field from a JSON error body (compact JSON when it is not a string).
    public var detail: String?
    /// The request body text; `nil` for sensitive calls (token requests, OIDC user calls).
    public var requestBody: String?
    /// A description of the underlying error (a NIO or AsyncHTTPClient error), if any.
    public var underlying: String?
    /// Set by the transport when no response arrived (connect failure, reset): idempotent
    /// requests may be retried.
    var isConnectionFailure = false

    /// Creates an error. Library code uses the static factories; this is public for tests and
    /// for layers built on top (the factory, the CLI).
    public init(
        code: Code, message: String, method: String? = nil, url: String? = nil, status: Int? = nil,
        requestID: String? = nil, detail: String? = nil, requestBody: String? = nil, underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.method = method
        self.url = url.map(URLRedaction.strippingCredentials)
        self.status = status
        self.requestID = requestID
        self.detail = detail
        self.requestBody = requestBody
        self.underlying = underlying
    }

    /// One paragraph: kind, request, status, server detail, request id, body, cause.
    public var description: String {
        var text = "PixelError.\(code): \(message)"
        if let method, let url {
            text += " [\(method) \(url)"
            if let status { text += " → \(status)" }
            text += "]"
        } else if let status {
            text += " [status \(status)]"
        }
        if let detail, !detail.isEmpty { text += " Server detail: \(detail)." }
        if let requestID { text += " Request id: \(requestID)." }
        if let requestBody, !requestBody.isEmpty { text += " Request body: \(requestBody)" }
        if let underlying { text += " Cause: \(underlying)" }
        return text
    }
}

extension PixelError {
    static func invalidInput(_ message: String) -> PixelError {
        PixelError(code: .invalidInput, message: message)
    }

    static func clientClosed() -> PixelError {
        PixelError(code: .clientClosed, message: "The Pixel client was closed; create a new client to make more calls.")
    }

    static func cancelled() -> PixelError {
        PixelError(code: .cancelled, message: "The calling task was cancelled.")
    }

    static func syncCallInAsyncContext(asyncMethod: String) -> PixelError {
        PixelError(
            code: .syncCallInAsyncContext,
            message: "The blocking PixelClient was called from inside a Swift concurrency task or a NIO event loop, "
                + "where blocking can deadlock. Use `try await PixelAsyncClient.\(asyncMethod)` instead "
                + "(e.g. `client.async.\(asyncMethod)`)."
        )
    }

    /// Wraps any error as a `PixelError` (used at API boundaries so callers see one type).
    static func wrapping(_ error: any Error) -> PixelError {
        if let pixel = error as? PixelError { return pixel }
        if error is CancellationError { return .cancelled() }
        return PixelError(code: .transport, message: "Unexpected failure.", underlying: String(describing: error))
    }
}

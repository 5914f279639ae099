import NIOHTTP1

/// The headers every API request carries, built and validated once; a request copies them and
/// adds only what changes per request (`X-Request-ID`, `Authorization`, the body's headers).
enum APIRequestHeaders {
    /// `Accept`, `Accept-Encoding` and `User-Agent`, with room for the per-request headers.
    static let constant: HTTPHeaders = {
        var headers = HTTPHeaders()
        headers.reserveCapacity(8)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        headers.add(name: "User-Agent", value: PixelUserAgent.value)
        return headers
    }()
}

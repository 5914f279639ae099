/// The `User-Agent` of every request the client sends (API, token endpoint and object store).
enum PixelUserAgent {
    static let value = "PixelClient-Swift/1.0"
}

// Small, package-visible views of transport decisions, so tests can check them without traffic.
extension PixelClientCore {
    /// Whether credentials may be sent to `url` (https, or http to loopback).
    package static func isSafeForCredentials(_ url: String) -> Bool {
        TransportSecurity.isSafeForCredentials(url)
    }

    /// `host:port` of the proxy a request to `url` would use, `nil` for a direct connection.
    package static func proxyDescription(settingsProxy: String?, environment: [String: String], url: String) throws(PixelError) -> String? {
        try ProxySettings.resolve(settingsProxy: settingsProxy, environment: environment)?.server(for: url)?.displayName
    }
}

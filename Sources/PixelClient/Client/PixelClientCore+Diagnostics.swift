// Small, package-visible views of transport decisions, so tests can check them without traffic.
extension PixelClientCore {
    /// Whether credentials may be sent to `url` (https, or http to loopback).
    package static func isSafeForCredentials(_ url: String) -> Bool {
        TransportSecurity.isSafeForCredentials(url)
    }

    /// `host:port` of the proxy a request to `host` would use, `nil` for a direct connection.
    package static func proxyDescription(settingsProxy: String?, environment: [String: String], host: String) throws(PixelError) -> String? {
        guard let proxy = try ProxySettings.resolve(settingsProxy: settingsProxy, environment: environment), proxy.applies(toHost: host) else {
            return nil
        }
        return "\(proxy.host):\(proxy.port)"
    }
}

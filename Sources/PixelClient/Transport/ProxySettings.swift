import AsyncHTTPClient
import Foundation

/// The HTTP proxy to use, from `PIXEL_PROXY` (settings) or `HTTPS_PROXY`/`https_proxy`, with
/// `NO_PROXY`/`no_proxy` exclusions. AsyncHTTPClient reads none of these variables itself, so they
/// are parsed here from an injected environment dictionary (httpx reads them, so Python users
/// expect them to work).
///
/// Loopback hosts never go through the proxy.
struct ProxySettings: Sendable, Equatable {
    var host: String
    var port: Int
    var username: String?
    var password: String?
    /// `NO_PROXY` entries, lower-cased: host names, `.suffix` domains, or `*`.
    var exclusions: [String]

    /// The settings' proxy wins; otherwise `HTTPS_PROXY` (any case); `nil` when neither is set.
    static func resolve(settingsProxy: String?, environment: [String: String]) throws(PixelError) -> ProxySettings? {
        func variable(_ name: String) -> String? {
            let value = environment[name] ?? environment[name.lowercased()]
            return value.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let raw = settingsProxy ?? variable("HTTPS_PROXY") ?? variable("ALL_PROXY") else { return nil }
        let exclusions = (variable("NO_PROXY") ?? "")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        let withScheme = raw.contains("://") ? raw : "http://" + raw
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw .invalidInput("The proxy setting is not a URL of the form http://host:port.")
        }
        guard components.scheme?.lowercased() == "http" else {
            throw .invalidInput("Only http:// proxies (HTTP CONNECT) are supported; got scheme \(components.scheme ?? "?").")
        }
        return ProxySettings(
            host: host, port: components.port ?? 80, username: components.user, password: components.password,
            exclusions: exclusions)
    }

    /// Whether a request to `host` goes through this proxy (`NO_PROXY` and loopback bypass it).
    func applies(toHost host: String) -> Bool {
        let host = host.lowercased()
        if TransportSecurity.isLoopback(host: host) { return false }
        for entry in exclusions {
            if entry == "*" { return false }
            let bare = entry.split(separator: ":").first.map(String.init) ?? entry
            let domain = bare.hasPrefix(".") ? String(bare.dropFirst()) : bare
            if host == domain || host.hasSuffix("." + domain) { return false }
        }
        return true
    }

    var ahcProxy: HTTPClient.Configuration.Proxy {
        if let username {
            return .server(host: host, port: port, authorization: .basic(username: username, password: password ?? ""))
        }
        return .server(host: host, port: port)
    }
}

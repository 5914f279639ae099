import AsyncHTTPClient
import Foundation

/// One HTTP proxy server: where it is and how to authenticate to it.
struct ProxyServer: Sendable, Hashable {
    var host: String
    var port: Int
    var username: String?
    var password: String?

    /// Parses `http://[user:password@]host[:port]` (the scheme may be left out).
    init(parsing raw: String) throws(PixelError) {
        let withScheme = raw.contains("://") ? raw : "http://" + raw
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw .invalidInput("The proxy setting is not a URL of the form http://host:port.")
        }
        guard components.scheme?.lowercased() == "http" else {
            throw .invalidInput("Only http:// proxies (HTTP CONNECT) are supported; got scheme \(components.scheme ?? "?").")
        }
        self.host = host
        self.port = components.port ?? 80
        self.username = components.user?.removingPercentEncoding ?? components.user
        self.password = components.password?.removingPercentEncoding ?? components.password
    }

    /// `host:port`, never the credentials: what errors and logs name.
    var displayName: String { "\(host):\(port)" }

    var ahcProxy: HTTPClient.Configuration.Proxy {
        if let username {
            return .server(host: host, port: port, authorization: .basic(username: username, password: password ?? ""))
        }
        return .server(host: host, port: port)
    }
}

/// Which proxy a request goes through, from `PIXEL_PROXY` (the settings: every request) or the
/// environment: `HTTPS_PROXY` for `https://` URLs, `HTTP_PROXY` for `http://` ones, `ALL_PROXY`
/// for both, each in upper or lower case, with `NO_PROXY` exclusions. AsyncHTTPClient reads none
/// of these variables itself, so they are parsed here from an injected environment dictionary.
///
/// Like curl, the upper-case `HTTP_PROXY` is ignored when `REQUEST_METHOD` is set (a CGI program,
/// where a request's `Proxy:` header would arrive as that variable). Loopback hosts never go
/// through a proxy: a proxy cannot reach this machine's loopback.
struct ProxySettings: Sendable, Equatable {
    /// The proxy for `http://` URLs, if any.
    var http: ProxyServer?
    /// The proxy for `https://` URLs, if any.
    var https: ProxyServer?
    /// `NO_PROXY` entries, lower-cased: host names, `.suffix` domains, or `*`.
    var exclusions: [String]
    /// `false` only in tests, where proxy and server both run on loopback.
    var bypassesLoopback = true

    /// The settings' proxy wins for both schemes; otherwise the environment; `nil` when no proxy
    /// is configured at all.
    static func resolve(settingsProxy: String?, environment: [String: String]) throws(PixelError) -> ProxySettings? {
        func variable(_ name: String, upperCase: Bool = true) -> String? {
            let value = environment[name.lowercased()] ?? (upperCase ? environment[name] : nil)
            return value.flatMap { $0.isEmpty ? nil : $0 }
        }
        let exclusions = (variable("NO_PROXY") ?? "")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        if let settingsProxy {
            let server = try ProxyServer(parsing: settingsProxy)
            return ProxySettings(http: server, https: server, exclusions: exclusions)
        }
        let all = variable("ALL_PROXY")
        let cgi = environment["REQUEST_METHOD"] != nil
        let https = try (variable("HTTPS_PROXY") ?? all).map { raw throws(PixelError) in try ProxyServer(parsing: raw) }
        let http = try (variable("HTTP_PROXY", upperCase: !cgi) ?? all).map { raw throws(PixelError) in try ProxyServer(parsing: raw) }
        guard https != nil || http != nil else { return nil }
        return ProxySettings(http: http, https: https, exclusions: exclusions)
    }

    /// The proxy a request to `url` goes through, or `nil` for a direct connection (no proxy for
    /// its scheme, `NO_PROXY`, or a loopback host).
    func server(for url: String) -> ProxyServer? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let server = components.scheme?.lowercased() == "https" ? https : http
        guard let server, applies(toHost: host) else { return nil }
        return server
    }

    /// Whether a request to `host` may use a proxy at all (`NO_PROXY` and loopback bypass it).
    func applies(toHost host: String) -> Bool {
        let host = host.lowercased()
        if bypassesLoopback, TransportSecurity.isLoopback(host: host) { return false }
        for entry in exclusions {
            if entry == "*" { return false }
            let bare = entry.split(separator: ":").first.map(String.init) ?? entry
            let domain = bare.hasPrefix(".") ? String(bare.dropFirst()) : bare
            if host == domain || host.hasSuffix("." + domain) { return false }
        }
        return true
    }
}

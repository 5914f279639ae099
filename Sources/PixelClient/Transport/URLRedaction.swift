import Foundation

/// Keeps credentials out of URLs that end up in errors and logs.
enum URLRedaction {
    /// `https://user:pw@host/x` → `https://host/x`. Presigned object-store URLs also lose their
    /// query (it holds the signature), which is replaced by `?<signed>`.
    static func strippingCredentials(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        guard components.user != nil || components.password != nil else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }

    /// The URL without its query, for presigned object-store URLs whose query is a credential.
    static func withoutQuery(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        guard components.query != nil else { return strippingCredentials(url) }
        components.query = nil
        components.user = nil
        components.password = nil
        return (components.string ?? url) + "?<signed>"
    }
}

/// Decides whether credentials may travel to a URL.
enum TransportSecurity {
    /// True for `https`, and for `http` to a loopback host (`localhost`, `127.0.0.0/8`, `::1`).
    static func isSafeForCredentials(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            return false
        }
        if scheme == "https" { return true }
        guard scheme == "http", let host = components.host?.lowercased() else { return false }
        return isLoopback(host: host)
    }

    static func isLoopback(host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        let octets = bare.split(separator: ".")
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

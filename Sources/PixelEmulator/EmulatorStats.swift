import NIOConcurrencyHelpers

/// Grant types of the token endpoint, for ``EmulatorStats/grantCount(_:)``.
public enum EmulatorGrant: String, Sendable, Hashable {
    case password
    case refreshToken = "refresh_token"
}

/// Request counters of a running ``PixelEmulator``.
///
/// ```swift
/// #expect(emulator.stats.grantCount(.password) == 1)
/// #expect(emulator.stats.requestCount(method: "GET", path: "/demo/projects/") == 2)
/// #expect(emulator.stats.routeCount("GET /projects/{p}") == 1)
/// ```
public final class EmulatorStats: Sendable {
    private struct Counters {
        var requests: [String: Int] = [:]
        var routes: [String: Int] = [:]
        var grants: [EmulatorGrant: Int] = [:]
        var tokensIssued = 0
        var total = 0
        var headers: [String: [String]] = [:]
    }

    /// Values kept per header, method and path; older ones are dropped beyond this.
    static let maxRecordedHeaderValues = 1_000

    private let counters = NIOLockedValueBox(Counters())

    init() {}

    /// Requests seen with this exact path (query excluded); any method when `method` is `nil`.
    public func requestCount(method: String? = nil, path: String) -> Int {
        counters.withLockedValue { counters in
            if let method { return counters.requests["\(method.uppercased()) \(path)", default: 0] }
            return counters.requests.filter { $0.key.split(separator: " ", maxSplits: 1).last.map(String.init) == path }
                .values.reduce(0, +)
        }
    }

    /// Requests per matched route, keyed like `"GET /projects/{p}"` (tenant prefix left out),
    /// `"POST /token"`, `"POST /_store/post"`, `"PUT /_store/part"`.
    public func routeCount(_ route: String) -> Int {
        counters.withLockedValue { $0.routes[route, default: 0] }
    }

    /// All route counters.
    public var routeCounts: [String: Int] { counters.withLockedValue { $0.routes } }

    /// Successful grants of this type.
    public func grantCount(_ grant: EmulatorGrant) -> Int {
        counters.withLockedValue { $0.grants[grant, default: 0] }
    }

    /// Access tokens issued so far.
    public var tokensIssued: Int { counters.withLockedValue { $0.tokensIssued } }

    /// All requests seen.
    public var totalRequests: Int { counters.withLockedValue { $0.total } }

    /// The values of header `name` (one of ``EmulatorConfiguration/recordedHeaders``) that
    /// requests with this method and exact path carried, oldest first.
    public func headerValues(_ name: String, method: String, path: String) -> [String] {
        counters.withLockedValue { $0.headers["\(name.lowercased()) \(method.uppercased()) \(path)"] ?? [] }
    }

    func recordHeader(_ name: String, value: String, method: String, path: String) {
        counters.withLockedValue { counters in
            let key = "\(name.lowercased()) \(method) \(path)"
            counters.headers[key, default: []].append(value)
            if counters.headers[key, default: []].count > Self.maxRecordedHeaderValues { counters.headers[key]?.removeFirst() }
        }
    }

    func recordRequest(method: String, path: String) {
        counters.withLockedValue {
            $0.requests["\(method) \(path)", default: 0] += 1
            $0.total += 1
        }
    }

    func recordRoute(_ route: String) {
        counters.withLockedValue { $0.routes[route, default: 0] += 1 }
    }

    func recordGrant(_ grant: EmulatorGrant) {
        counters.withLockedValue {
            $0.grants[grant, default: 0] += 1
            $0.tokensIssued += 1
        }
    }
}

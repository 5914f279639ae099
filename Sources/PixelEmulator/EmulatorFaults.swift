import NIOConcurrencyHelpers

/// What an injected fault does to a matching request.
public enum EmulatorFault: Sendable, Hashable {
    /// Answer with this status and a JSON `{"detail": "injected fault"}` body (5xx: a plain-text body).
    case status(Int)
    /// Close the connection without answering.
    case connectionReset
    /// Wait this long, then handle the request normally.
    case delay(Duration)
    /// Answer with this status and a validation body whose `input` is the request body (secrets
    /// included), as an API server does for a body it rejects as a whole.
    case echoRequestBody(Int)
}

/// Fault injection and token switches for a running ``PixelEmulator``.
///
/// ```swift
/// emulator.faults.failNext(2, method: "GET", pathPrefix: "/demo/projects/", with: .status(503))
/// emulator.faults.expireAllAccessTokens()
/// ```
public final class EmulatorFaults: Sendable {
    struct Rule: Sendable {
        var remaining: Int
        var method: String?
        var pathPrefix: String
        var fault: EmulatorFault
    }

    private let rules = NIOLockedValueBox<[Rule]>([])
    private let injected = NIOLockedValueBox<[EmulatorFault: Int]>([:])
    let tokenSwitches: TokenSwitches

    init(tokenSwitches: TokenSwitches) {
        self.tokenSwitches = tokenSwitches
    }

    /// Make the next `count` requests whose method equals `method` (any method when `nil`) and whose
    /// path starts with `pathPrefix` fail with `fault`. Rules are consumed in the order they were added.
    public func failNext(_ count: Int, method: String? = nil, pathPrefix: String, with fault: EmulatorFault) {
        guard count > 0 else { return }
        rules.withLockedValue { $0.append(Rule(remaining: count, method: method?.uppercased(), pathPrefix: pathPrefix, fault: fault)) }
    }

    /// Drop all pending fault rules.
    public func clear() {
        rules.withLockedValue { $0.removeAll() }
    }

    /// Every access token issued so far stops working now (API calls answer 401).
    public func expireAllAccessTokens() {
        tokenSwitches.expireAccessTokens()
    }

    /// Every refresh token issued so far stops working now (refresh grants answer 400 `invalid_grant`).
    public func revokeRefreshTokens() {
        tokenSwitches.revokeRefreshTokens()
    }

    /// Cap the page size of list and search requests (`nil` removes the cap).
    public func setMaxPageSize(_ size: Int?) {
        tokenSwitches.setMaxPageSize(size)
    }

    /// How many requests each fault kind has hit so far.
    public func injectedCount(_ fault: EmulatorFault) -> Int {
        injected.withLockedValue { $0[fault, default: 0] }
    }

    /// Total number of injected faults of any kind.
    public var totalInjected: Int {
        injected.withLockedValue { $0.values.reduce(0, +) }
    }

    /// Takes one matching rule, if any.
    func consume(method: String, path: String) -> EmulatorFault? {
        let fault: EmulatorFault? = rules.withLockedValue { rules in
            guard
                let index = rules.firstIndex(where: { rule in
                    (rule.method == nil || rule.method == method) && path.hasPrefix(rule.pathPrefix)
                })
            else { return nil }
            let fault = rules[index].fault
            rules[index].remaining -= 1
            if rules[index].remaining == 0 { rules.remove(at: index) }
            return fault
        }
        if let fault { injected.withLockedValue { $0[fault, default: 0] += 1 } }
        return fault
    }
}

/// Generation counters the token checks compare against; kept outside the state actor so the
/// synchronous fault API can flip them.
final class TokenSwitches: Sendable {
    private struct State {
        var accessGeneration = 0
        var refreshGeneration = 0
        var maxPageSize: Int?
    }

    private let state: NIOLockedValueBox<State>

    init(maxPageSize: Int?) {
        state = NIOLockedValueBox(State(maxPageSize: maxPageSize))
    }

    func expireAccessTokens() { state.withLockedValue { $0.accessGeneration += 1 } }
    func revokeRefreshTokens() { state.withLockedValue { $0.refreshGeneration += 1 } }
    func setMaxPageSize(_ size: Int?) { state.withLockedValue { $0.maxPageSize = size } }

    var accessGeneration: Int { state.withLockedValue { $0.accessGeneration } }
    var refreshGeneration: Int { state.withLockedValue { $0.refreshGeneration } }
    var maxPageSize: Int? { state.withLockedValue { $0.maxPageSize } }
}

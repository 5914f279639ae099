import Hummingbird
import NIOCore

/// Request context of every emulator route: the connection's channel (so a fault can drop the
/// connection) and, below `/{tenant}`, the authenticated caller.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    /// Set by ``TenantAuthentication`` once the bearer token checked out.
    var caller: APICaller?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// Who is calling the API, from a valid bearer token.
struct APICaller: Sendable {
    var tenant: String
    var username: String
}

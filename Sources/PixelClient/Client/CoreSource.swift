/// Where a client facade finds the core for each call, and how it holds a lease on it.
///
/// A core built directly is its own source: a call leases it or fails with `clientClosed` once it
/// is closing. A registry's clients use the registry's generation as their source, which sends
/// calls to the newest core of the same settings once their own core was retired. An upload pins
/// the core it started on for its whole run (see ``PinnedCore``).
package protocol CoreSource: Sendable {
    /// The core calls go to now.
    var currentCore: PixelClientCore { get }

    /// Runs `body` with a core while holding a lease on it.
    func withLease<Result>(_ body: (PixelClientCore) async throws(PixelError) -> Result) async throws(PixelError) -> Result
}

extension PixelClientCore: CoreSource {
    package var currentCore: PixelClientCore { self }

    package func withLease<Result>(_ body: (PixelClientCore) async throws(PixelError) -> Result) async throws(PixelError) -> Result {
        guard lifecycle.acquire() else { throw .clientClosed() }
        defer { lifecycle.release() }
        return try await body(self)
    }
}

/// A core that a long operation (an upload, a batch, attachments) holds one lease on from its first
/// call to its last: every call the operation makes runs on that core under that lease, so a
/// rebuild or a close in the middle lets the operation finish where it started.
package struct PinnedCore: CoreSource {
    let core: PixelClientCore

    package var currentCore: PixelClientCore { core }

    package func withLease<Result>(_ body: (PixelClientCore) async throws(PixelError) -> Result) async throws(PixelError) -> Result {
        try await body(core)
    }
}

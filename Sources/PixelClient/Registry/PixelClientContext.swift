import NIOConcurrencyHelpers

/// The client bound to the current task, with Swift's `@TaskLocal`.
///
/// Child tasks (`async let`, task groups, `Task {}`) inherit the binding; `Task.detached` does not.
/// ``PixelClientRegistry/withClient(settings:options:_:)`` and
/// ``PixelClientRegistry/withInjectedClient(_:settings:options:_:)`` bind it for their scope, and
/// ``PixelClientRegistry/getOrCreateClient(_:settings:options:)`` reads it.
///
/// ```swift
/// func countProjects() async throws -> Int {
///     let (client, _) = try PixelClientRegistry.shared.getOrCreateClient()   // the bound one if any
///     return try await client.listProjects().count
/// }
/// try await PixelClientContext.$current.withValue(myClient) { try await countProjects() }
/// ```
public enum PixelClientContext {
    /// The client in scope, or `nil` outside any binding.
    @TaskLocal public static var current: PixelAsyncClient?
}

extension PixelClientRegistry {
    /// The client to use: `client` when given, else the task's ``PixelClientContext/current``
    /// when its settings match `settings` (any settings when `nil`), else the registry's client.
    ///
    /// `inferred` is `true` when the client came from the caller or the context — the caller does
    /// not manage it — and `false` when it came from the registry.
    ///
    /// ```swift
    /// let (client, inferred) = try registry.getOrCreateClient()
    /// ```
    public func getOrCreateClient(
        _ client: PixelAsyncClient? = nil, settings: PixelSettings? = nil, options: PixelClientOptions? = nil
    ) throws -> (client: PixelAsyncClient, inferred: Bool) {
        if let client { return (client, true) }
        if let current = PixelClientContext.current, settings == nil || current.core.settings == settings {
            return (current, true)
        }
        return (try asyncClient(settings: settings, options: options), false)
    }

    /// Runs `operation` with a client, managing only what it created:
    /// an explicit or task-bound client is used as is; otherwise the registry's client is bound
    /// to the task for the operation and, if this call built it, closed afterwards.
    ///
    /// ```swift
    /// let names = try await registry.withInjectedClient { client in
    ///     try await client.listProjects().map(\.name)
    /// }
    /// ```
    public func withInjectedClient<T: Sendable>(
        _ client: PixelAsyncClient? = nil, settings: PixelSettings? = nil, options: PixelClientOptions? = nil,
        _ operation: (PixelAsyncClient) async throws -> T
    ) async throws -> T {
        // Look without creating: a client built here must be seen as built by `withClient`.
        if let found = client ?? PixelClientContext.current.flatMap({ settings == nil || $0.core.settings == settings ? $0 : nil }) {
            return try await PixelClientContext.$current.withValue(found) { try await operation(found) }
        }
        return try await withClient(settings: settings, options: options, operation)
    }

    /// Scoped use: runs `body` with the client for `settings` and `options` (the defaults when
    /// `nil`), bound as the task's ``PixelClientContext/current``. If this call built the client,
    /// it is drained and closed when `body` returns or throws; a client that already existed is
    /// left alone for its other users (unlike Python's `with get_client()`, which closes the
    /// cached client for everyone).
    ///
    /// ```swift
    /// let me = try await registry.withClient(settings: settings) { client in try await client.me() }
    /// ```
    public func withClient<T: Sendable>(
        settings: PixelSettings? = nil, options: PixelClientOptions? = nil, _ body: (PixelAsyncClient) async throws -> T
    ) async throws -> T {
        let acquired = try acquire(settings: settings, options: options)
        let client = PixelAsyncClient(source: acquired.generation)
        do {
            let result = try await PixelClientContext.$current.withValue(client) { try await body(client) }
            if acquired.created { await release(acquired.generation) }
            return result
        } catch {
            if acquired.created { await release(acquired.generation) }
            throw error
        }
    }

    /// The blocking form of ``withClient(settings:options:_:)`` for scripts on plain threads —
    /// Python's `with get_client() as c:`. Runs `body` on the calling thread with the blocking
    /// client; if this call built it, it is drained and closed afterwards, otherwise left alone.
    ///
    /// ```swift
    /// let projects = try PixelClientRegistry.shared.withBlockingClient { client in
    ///     try client.listProjects()
    /// }
    /// ```
    ///
    /// - Throws: what `body` throws; ``PixelError/Code/syncCallInAsyncContext`` inside a Swift
    ///   concurrency task (nothing is built then).
    @available(*, noasync, message: "Use `try await registry.withClient(settings:options:_:)`")
    public func withBlockingClient<T>(
        settings: PixelSettings? = nil, options: PixelClientOptions? = nil, _ body: (PixelClient) throws -> T
    ) throws -> T {
        if BlockingBridge.isInAsyncContext { throw PixelError.syncCallInAsyncContext(asyncMethod: "withClient(settings:options:_:)") }
        let acquired = try acquire(settings: settings, options: options)
        defer {
            if acquired.created {
                let generation = acquired.generation
                _ = try? BlockingBridge.run(asyncMethod: "withClient(settings:options:_:)") { () async throws(PixelError) in
                    await self.release(generation)
                }
            }
        }
        return try body(PixelClient(async: PixelAsyncClient(source: acquired.generation)))
    }

    /// Removes a generation this registry built for a scope and waits until it is closed.
    func release(_ generation: RegistryGeneration) async {
        let removed = state.withLockedValue { state -> Bool in
            guard state.entries[generation.key]?.generation === generation else { return false }
            state.remove(generation)
            return true
        }
        guard removed else { return }
        await retire(generation).value
    }
}

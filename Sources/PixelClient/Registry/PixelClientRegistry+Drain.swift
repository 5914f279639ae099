import NIOConcurrencyHelpers
extension PixelClientRegistry {
    /// Retires `generation` and starts its drain: new calls go to its successor at once, the
    /// calls, transfers and uploads already running finish, then it closes (forced after the
    /// grace period). The registry keeps the drain task until it ends, and ``shutdown()`` awaits
    /// it: nothing is fire-and-forget.
    @discardableResult
    func retire(_ generation: RegistryGeneration) -> Task<Void, Never> {
        let held = generation.core.beginDraining() ?? generation.core.inFlightRequestCount
        report(.retired(generation.id, inFlight: held))
        let id = state.withLockedValue { state -> Int in
            state.nextDrainID += 1
            return state.nextDrainID
        }
        let task = Task {
            await self.drain(generation)
            self.state.withLockedValue { state in
                if state.drains.removeValue(forKey: id) == nil { state.finishedDrains.insert(id) }
            }
        }
        state.withLockedValue { state in
            if state.finishedDrains.remove(id) == nil { state.drains[id] = task }
        }
        return task
    }

    /// Waits for the generation's leases (up to the grace period), then closes its pool.
    private func drain(_ generation: RegistryGeneration) async {
        let outcome = await generation.core.finishClosing(gracePeriod: configuration.gracePeriod)
        switch outcome {
        case .closed(let forced): report(.closed(generation.id, forced: forced))
        // A holder closed the core itself (with its own grace period); it is closed now.
        case .closedElsewhere: report(.closed(generation.id, forced: false))
        }
    }

    /// Retires clients unused for ``Configuration/idleExpiry`` that have nothing in flight.
    /// ``run()`` calls it periodically; call it yourself when you do not run the service.
    public func sweepIdle() {
        let now = configuration.now()
        let expired = state.withLockedValue { state in
            state.isShutDown ? [] : state.expireIdle(expiry: configuration.idleExpiry, now: now)
        }
        for generation in expired { retire(generation) }
    }

    /// Stops handing out clients, retires every generation, waits for their work (each up to the
    /// grace period), closes them and finishes the event streams. Later calls for a client throw
    /// ``PixelError/Code/registryShutDown``. Safe to call more than once and concurrently: every
    /// call returns once everything is closed.
    ///
    /// ```swift
    /// let registry = PixelClientRegistry()
    /// defer { Task { try await registry.shutdown() } }   // or run it as a Service
    /// ```
    ///
    /// - Throws: ``PixelError/Code/shutdownUnsupported`` for ``shared``, which stays usable for
    ///   the whole process.
    public func shutdown() async throws(PixelError) {
        guard canBeShutDown else { throw .shutdownUnsupported() }
        let (generations, first) = state.withLockedValue { state -> ([RegistryGeneration], Bool) in
            let first = !state.isShutDown
            state.isShutDown = true
            return (state.removeAll(), first)
        }
        // Newest first: the reverse of creation, like a ServiceGroup.
        for generation in generations { retire(generation) }
        await prompts.forget()
        while let pending = state.withLockedValue({ $0.drains.first?.value }) {
            await pending.value
        }
        if first {
            report(.shutDown)
            broadcaster.finish()
        }
    }

    /// Whether ``shutdown()`` has been called.
    public var isShutDown: Bool { state.withLockedValue { $0.isShutDown } }
}

extension PixelError {
    /// ``PixelClientRegistry/shutdown()`` on the shared registry.
    static func shutdownUnsupported() -> PixelError {
        PixelError(
            code: .shutdownUnsupported,
            message: "PixelClientRegistry.shared cannot be shut down: other code in this process may still use getClient(). "
                + "Create your own PixelClientRegistry if you need to shut one down.")
    }
}

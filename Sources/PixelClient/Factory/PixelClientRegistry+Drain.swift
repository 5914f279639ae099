import Synchronization

extension PixelClientRegistry {
    /// Retires `generation` and starts its drain: new calls go to its successor at once, calls in
    /// flight finish, then it closes (forced after the grace period). The registry keeps the
    /// drain task until it ends, and ``shutdown()`` awaits it — nothing is fire-and-forget.
    @discardableResult
    func retire(_ generation: RegistryGeneration) -> Task<Void, Never> {
        epoch.add(1, ordering: .releasing)
        let leased = generation.core.routing.retire()
        generation.core.retire()
        broadcaster.publish(.retired(generation.id, inFlight: max(leased, generation.core.inFlightRequestCount)))
        let id = state.withLock { state -> Int in
            state.nextDrainID += 1
            return state.nextDrainID
        }
        let task = Task {
            await self.drain(generation)
            self.state.withLock { state in
                if state.drains.removeValue(forKey: id) == nil { state.finishedDrains.insert(id) }
            }
        }
        state.withLock { state in
            if state.finishedDrains.remove(id) == nil { state.drains[id] = task }
        }
        return task
    }

    /// Waits for the generation's calls (up to the grace period), then closes its pool.
    private func drain(_ generation: RegistryGeneration) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.gracePeriod)
        let routing = generation.core.routing
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await routing.waitUntilUnleased() }
            group.addTask { try? await Task.sleep(until: deadline, clock: clock) }
            await group.next()
            group.cancelAll()
        }
        let forced = routing.leaseCount > 0 || generation.core.inFlightRequestCount > 0
        let remaining = max(.zero, deadline - clock.now)
        await generation.core.close(gracePeriod: remaining)
        broadcaster.publish(.closed(generation.id, forced: forced))
    }

    /// Retires entries unused for ``Configuration/idleExpiry`` that have nothing in flight.
    /// ``run()`` calls it periodically; call it yourself when you do not run the service.
    public func sweepIdle() {
        let now = configuration.now()
        let expired = state.withLock { state in
            let expired = state.isShutDown ? [] : state.expireIdle(expiry: configuration.idleExpiry, now: now)
            if !expired.isEmpty { epoch.add(1, ordering: .releasing) }
            return expired
        }
        for generation in expired { retire(generation) }
    }

    /// Stops handing out clients, retires every generation, waits for their requests (each up to
    /// the grace period), closes them and finishes the event streams. Later `getClient` calls
    /// throw ``PixelError/Code/registryShutDown``. Safe to call more than once and concurrently.
    public func shutdown() async {
        let (generations, first) = state.withLock { state -> ([RegistryGeneration], Bool) in
            let first = !state.isShutDown
            state.isShutDown = true
            let all = state.entries.values.map(\.generation).sorted { $0.id.generation > $1.id.generation }
            state.entries.removeAll()
            state.explicitIndex.removeAll()
            state.recent = nil
            state.defaultGeneration = nil
            state.defaultResolved = nil
            epoch.add(1, ordering: .releasing)
            return (all, first)
        }
        // Newest first: the reverse of creation, like a ServiceGroup.
        for generation in generations { retire(generation) }
        while let pending = state.withLock({ $0.drains.first?.value }) {
            await pending.value
        }
        if first {
            broadcaster.publish(.shutDown)
            broadcaster.finish()
        }
    }

    /// Whether ``shutdown()`` has been called.
    public var isShutDown: Bool { state.withLock { $0.isShutDown } }
}

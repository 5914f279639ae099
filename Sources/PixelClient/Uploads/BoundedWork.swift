/// Runs work items with at most `width` of them in flight, in one task group: the structured
/// replacement for pixel-client's per-client semaphore. An item may produce follow-up
/// items (support files after their main file), which join the queue.
///
/// Items never throw: each records its own failure, so one file's failure cannot cancel its
/// siblings. Cancelling the calling task cancels every item in flight and starts no more.
enum BoundedWork {
    static func run<Item: Sendable>(
        _ initial: [Item], width: Int, _ work: @escaping @Sendable (Item) async -> [Item]
    ) async {
        var pending = initial[...]
        let width = max(1, width)
        await withTaskGroup(of: [Item].self) { group in
            var running = 0
            while true {
                while running < width, !Task.isCancelled, let item = pending.popFirst() {
                    group.addTask { await work(item) }
                    running += 1
                }
                guard running > 0, let followUps = await group.next() else { return }
                running -= 1
                if !followUps.isEmpty {
                    pending = ArraySlice(followUps + Array(pending))
                }
            }
        }
    }

    /// Maps `items` with at most `width` in flight and returns the results in input order.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, _ transform: @escaping @Sendable (Item) async -> Result
    ) async -> [Result?] {
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        await withTaskGroup(of: (Int, Result).self) { group in
            var running = 0
            while true {
                while running < max(1, width), !Task.isCancelled, next < items.count {
                    let index = next
                    let item = items[index]
                    group.addTask { (index, await transform(item)) }
                    next += 1
                    running += 1
                }
                guard running > 0, let finished = await group.next() else { return }
                running -= 1
                results[finished.0] = finished.1
            }
        }
        return results
    }
}

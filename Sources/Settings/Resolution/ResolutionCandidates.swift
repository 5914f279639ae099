/// Every candidate of one resolution in one flat array (one allocation, instead of an array per
/// source per field), grouped by field only once, when the winners are picked.
struct ResolutionCandidates {
    private(set) var all: [ResolutionCandidate] = []

    /// Room for a typical resolution (a default and one or two given values per field).
    mutating func reserve(_ count: Int) {
        all.reserveCapacity(count)
    }

    mutating func add(_ candidate: ResolutionCandidate) {
        all.append(candidate)
    }

    /// Indices into ``all``, grouped by field (group `f` is `order[starts[f]..<starts[f + 1]]`),
    /// each group strongest first. Equal precedence and rank keep the order of addition, which is
    /// document order.
    func groupedByField(fieldCount: Int) -> (order: [Int], starts: [Int]) {
        // A counting sort by field keeps the order of addition; the groups are a handful of
        // candidates each, so an insertion sort finishes them. Read through a buffer pointer so
        // that no candidate is copied.
        all.withUnsafeBufferPointer { all in
            var starts = [Int](repeating: 0, count: fieldCount + 1)
            for index in all.indices { starts[all[index].field + 1] += 1 }
            for field in 0..<fieldCount { starts[field + 1] += starts[field] }
            var fill = starts
            var order = [Int](repeating: 0, count: all.count)
            for index in all.indices {
                let field = all[index].field
                order[fill[field]] = index
                fill[field] += 1
            }
            for field in 0..<fieldCount {
                var sorted = starts[field] + 1
                while sorted < starts[field + 1] {
                    let moving = order[sorted]
                    var slot = sorted
                    while slot > starts[field], all[moving].precedes(all[order[slot - 1]]) {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = moving
                    sorted += 1
                }
            }
            return (order, starts)
        }
    }
}

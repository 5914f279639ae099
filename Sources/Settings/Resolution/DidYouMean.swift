/// "Did you mean …?" for unknown keys: the known name at the smallest edit distance.
///
/// The names are prepared once (upper-cased bytes) for all the keys of a source.
struct DidYouMean {
    private let names: [String]
    private let upperNames: [[UInt8]]

    init(names: [String]) {
        self.names = names
        upperNames = names.map { Array($0.uppercased().utf8) }
    }

    /// The nearest name to `key` (case-insensitive Levenshtein distance), when it is close enough
    /// to be a plausible typo: at most 2 edits, or a third of the name's length.
    ///
    /// A name whose length differs from the key's by more than that is never compared (the
    /// distance is at least the difference), so a file full of long unknown keys costs time in
    /// proportion to its size, not to its size times the names' lengths.
    func suggestion(for key: String) -> String? {
        let target = Array(key.uppercased().utf8)
        let limit = max(2, target.count / 3)
        var best: (index: Int, distance: Int)?
        for (index, name) in upperNames.enumerated() {
            guard abs(name.count - target.count) <= min(limit, best?.distance ?? limit) else { continue }
            let distance = Self.editDistance(target, name)
            if let current = best, current.distance <= distance { continue }
            best = (index, distance)
        }
        guard let best, best.distance <= limit else { return nil }
        return names[best.index]
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

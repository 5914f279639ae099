/// A cheap, exact "certainly not one of these names" test, run before a dictionary lookup so that
/// the many keys of a settings file that name nothing in the schema (other tools' settings) are
/// not hashed.
///
/// It only ever rules out ASCII keys, and only when every name is ASCII: String equality is
/// Unicode canonical equivalence (`"\u{212A}"`, the Kelvin sign, equals `"K"`), which for two ASCII
/// strings is plain byte equality. An ASCII key can then equal a name only if some name has the
/// key's length and first byte; anything else is left to the dictionary.
struct KeyPrefilter: Sendable {
    private static let maximumLength = 64
    /// Bit `byte` of word `length * 2 + byte / 64`: some name has this length and first byte.
    private let starts: [UInt64]
    private let isActive: Bool

    init(names: some Sequence<String>) {
        var starts = [UInt64](repeating: 0, count: Self.maximumLength * 2)
        var isActive = true
        for name in names {
            let utf8 = Array(name.utf8)
            guard let first = utf8.first, utf8.count < Self.maximumLength, utf8.allSatisfy({ $0 < 0x80 }) else {
                isActive = false
                break
            }
            starts[utf8.count * 2 + Int(first >> 6)] |= 1 << UInt64(first & 63)
        }
        self.starts = starts
        self.isActive = isActive
    }

    /// `false` only when `key` is certainly none of the names.
    func mayMatch(_ key: String) -> Bool {
        guard isActive else { return true }
        let verdict = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, bytes.count < Self.maximumLength, !bytes.contains(where: { $0 >= 0x80 }) else {
                return true
            }
            return starts[bytes.count * 2 + Int(first >> 6)] & (1 << UInt64(first & 63)) != 0
        }
        return verdict ?? true
    }
}

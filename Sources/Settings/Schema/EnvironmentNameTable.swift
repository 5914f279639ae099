/// The distinct environment names of a schema, numbered once per schema, so that a resolution
/// records what it looked up in an array indexed by slot instead of hashing names into a
/// dictionary on every call. A class, so that copying a schema copies one reference.
final class EnvironmentNameTable: Sendable {
    /// Distinct names, in schema order (first occurrence).
    let names: [String]
    /// NUL-terminated copies of ``names`` for `getenv`, shared by every resolution's inputs.
    let cNames: [[CChar]]
    /// The slot of each name; see ``slot(of:)``.
    let slotByName: [String: Int]
    /// Rules out most keys that are no name before `slotByName` is asked.
    private let prefilter: KeyPrefilter
    /// For each field, the slot of each of its env names, in name order.
    let slotsByField: [[Int]]
    /// The first field that has the slot's name and the name's position in it: the field a `.env`
    /// key names (like ``SettingsSchema/field(forEnvName:)``).
    let firstUse: [(field: Int, rank: Int)]
    /// Slots ordered by name (`String <`), the order ``SettingsInputs`` keeps its variables in.
    let sortedSlots: [Int]

    init(fields: [SettingField]) {
        var names: [String] = []
        var slotByName: [String: Int] = [:]
        var slotsByField: [[Int]] = []
        var firstUse: [(field: Int, rank: Int)] = []
        for (fieldIndex, field) in fields.enumerated() {
            var slots: [Int] = []
            for (rank, envName) in field.envNames.enumerated() {
                if let slot = slotByName[envName.name] {
                    slots.append(slot)
                    continue
                }
                slotByName[envName.name] = names.count
                slots.append(names.count)
                names.append(envName.name)
                firstUse.append((fieldIndex, rank))
            }
            slotsByField.append(slots)
        }
        self.names = names
        self.cNames = names.map { Array($0.utf8CString) }
        self.slotByName = slotByName
        self.prefilter = KeyPrefilter(names: names)
        self.slotsByField = slotsByField
        self.firstUse = firstUse
        self.sortedSlots = names.indices.sorted { names[$0] < names[$1] }
    }

    /// The slot of the name equal to `key`, or `nil`; most keys of other tools are turned away
    /// without hashing them.
    func slot(of key: String) -> Int? {
        prefilter.mayMatch(key) ? slotByName[key] : nil
    }
}

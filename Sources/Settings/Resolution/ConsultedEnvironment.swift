/// Every environment name one resolution looked up, with the value seen: the schema's own names in
/// an array indexed by ``EnvironmentNameTable`` slot (looked up on every resolution, so no hashing),
/// other names (file selectors, `.env` interpolation) in a dictionary.
struct ConsultedEnvironment {
    /// `nil`: not looked up; `.some(nil)`: looked up and unset.
    private var schemaValues: [String??]
    private var others: [String: String?] = [:]

    init(slotCount: Int) {
        schemaValues = Array(repeating: nil, count: slotCount)
    }

    func value(slot: Int) -> String?? { schemaValues[slot] }

    mutating func record(_ value: String?, slot: Int) { schemaValues[slot] = .some(value) }

    func value(other name: String) -> String?? { others[name] }

    mutating func record(_ value: String?, other name: String) { others[name] = .some(value) }

    /// The consulted variables sorted by name, as ``SettingsInputs`` keeps them: the schema's
    /// presorted slots merged with the (few) other names.
    func variables(_ table: EnvironmentNameTable) -> [SettingsInputs.Variable] {
        let otherNames = others.keys.sorted()
        var variables: [SettingsInputs.Variable] = []
        variables.reserveCapacity(table.names.count + otherNames.count)
        var next = 0
        for slot in table.sortedSlots {
            guard let value = schemaValues[slot] else { continue }
            let name = table.names[slot]
            while next < otherNames.count, otherNames[next] < name {
                variables.append(Self.variable(otherNames[next], others[otherNames[next]] ?? nil))
                next += 1
            }
            variables.append(SettingsInputs.Variable(name: table.cNames[slot], value: value.map { Array($0.utf8CString) }))
        }
        for name in otherNames[next...] { variables.append(Self.variable(name, others[name] ?? nil)) }
        return variables
    }

    private static func variable(_ name: String, _ value: String?) -> SettingsInputs.Variable {
        SettingsInputs.Variable(name: Array(name.utf8CString), value: value.map { Array($0.utf8CString) })
    }
}

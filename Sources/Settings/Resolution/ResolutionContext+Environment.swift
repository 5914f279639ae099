extension ResolutionContext {
    /// Every name of every field, looked up in the environment; prefixed unknown names warned about.
    mutating func addEnvironmentCandidates(precedence: Int) {
        let table = schema.environmentNames
        // Fields by index: each name is read in place, without copying the whole field.
        for index in schema.fields.indices {
            for (rank, slot) in table.slotsByField[index].enumerated() {
                guard let value = lookup(slot: slot) else { continue }
                let envName = schema.fields[index].envNames[rank]
                candidates.add(
                    ResolutionCandidate(
                        field: index, precedence: precedence, origin: SettingOrigin(kind: .environment, name: envName.name),
                        raw: .text(value), nameRank: rank, isDeprecatedName: envName.isDeprecated))
            }
        }
        let prefixed: [String]
        switch sources.environment {
        case .process: prefixed = ProcessEnvironment.names(withPrefixes: schema.prefixes)
        case .dictionary(let dictionary): prefixed = dictionary.keys.filter { schema.hasPrefix($0, ignoringCase: false) }
        }
        // Known names are the common case; only the unknown ones need sorting (warning order).
        let unknown = prefixed.filter { table.slot(of: $0) == nil && !schema.reservedNames.contains($0) }
        guard !unknown.isEmpty else { return }
        let suggestions = DidYouMean(names: schema.allEnvNames)
        for name in unknown.sorted() {
            warnUnknown(name, place: "env \(name)", suggestions: suggestions)
        }
    }
}

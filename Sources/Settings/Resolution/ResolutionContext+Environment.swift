extension ResolutionContext {
    /// Every name of every field, looked up in the environment; prefixed unknown names warned about.
    mutating func environmentLayer() -> ResolutionLayer {
        var layer = ResolutionLayer(fieldCount: schema.fields.count)
        for (index, field) in schema.fields.enumerated() {
            for (rank, envName) in field.envNames.enumerated() {
                guard let value = lookup(envName.name) else { continue }
                layer.add(
                    ResolutionCandidate(
                        origin: SettingOrigin(kind: .environment, name: envName.name), raw: .text(value), nameRank: rank,
                        isDeprecatedName: envName.isDeprecated),
                    field: index)
            }
        }
        let prefixed: [String]
        switch sources.environment {
        case .process: prefixed = ProcessEnvironment.names(withPrefixes: schema.prefixes)
        case .dictionary(let dictionary): prefixed = dictionary.keys.filter { schema.hasPrefix($0, ignoringCase: false) }
        }
        for name in prefixed.sorted() where schema.index(forEnvName: name) == nil && !schema.reservedNames.contains(name) {
            warnUnknown(name, place: "env \(name)", suggestions: schema.allEnvNames)
        }
        return layer
    }
}

extension ResolutionContext {
    /// Picks each field's winner, converts it, and builds the result or the aggregated error.
    mutating func finish() throws(SettingsError) -> ResolvedSettings {
        var values: [String: SettingValue] = [:]
        var provenance: [String: SettingProvenance] = [:]
        for (index, field) in schema.fields.enumerated() {
            var ordered: [ResolutionCandidate] = []
            for layer in layers {
                // Stable: equal ranks keep document order.
                let here = layer.candidates[index].enumerated().sorted { ($0.element.nameRank, $0.offset) < ($1.element.nameRank, $1.offset) }
                    .map(\.element)
                checkAliasConflict(field: field, candidates: here)
                ordered += here
            }
            let display: (ResolutionCandidate) -> String = { field.isSecret ? Secret<String>.redacted : $0.rawDisplay }
            guard let winner = ordered.first else {
                if case .required = field.requirement {
                    fieldProblems.append(.missing(field: field.name, envNames: field.envNames.map(\.name), filesConsulted: filesConsulted))
                }
                provenance[field.name] = SettingProvenance(field: field.name, origin: nil, displayValue: nil, overridden: [])
                continue
            }
            if winner.isDeprecatedName, let name = winner.origin.name {
                warnings.append(SettingsWarning(
                    kind: .deprecatedName, field: field.name, place: winner.origin.description,
                    message: "\(name) is deprecated; use \(field.canonicalEnvName)"))
            }
            let losers = ordered.dropFirst().map { SettingCandidate(origin: $0.origin, displayValue: display($0)) }
            guard let value = convert(winner, for: field) else { continue }
            values[field.name] = value
            provenance[field.name] = SettingProvenance(
                field: field.name, origin: winner.origin, displayValue: value.description, overridden: losers)
        }
        let problems = fileProblems + fieldProblems
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        let inputs = SettingsInputs(
            usesProcessEnvironment: sources.environment == .process, consulted: consulted, files: stamps,
            currentDirectory: implicitDirectory)
        return ResolvedSettings(
            schema: schema, sources: sources, values: values, provenance: provenance, warnings: warnings,
            fingerprint: SettingsFingerprint(schema: schema, values: values), inputs: inputs)
    }

    /// Converts the winning candidate, recording a problem when it does not fit. Secret fields
    /// become ``SettingValue/secret(_:)`` holding their text.
    mutating func convert(_ candidate: ResolutionCandidate, for field: SettingField) -> SettingValue? {
        let converted: SettingValue?
        var text: String?
        switch candidate.raw {
        case .text(let raw):
            text = raw
            converted = field.type.convert(raw)
        case .typed(let value):
            converted = field.type.accepts(value) ? value : nil
            text = value.plainText
        case .nonScalar:
            converted = nil
        }
        guard let converted else {
            let expected: String
            if case .nonScalar = candidate.raw { expected = "a single value (\(field.type.expectation))" } else { expected = field.type.expectation }
            fieldProblems.append(.invalidValue(
                field: field.name, origin: candidate.origin, expected: expected, value: field.isSecret ? nil : candidate.rawDisplay))
            return nil
        }
        if field.isSecret { return .secret(Secret(text ?? converted.plainText)) }
        return converted
    }

    /// Two candidates of one field in one source with different values: a warning or a problem.
    mutating func checkAliasConflict(field: SettingField, candidates: [ResolutionCandidate]) {
        guard let first = candidates.first else { return }
        guard let other = candidates.dropFirst().first(where: { $0.raw != first.raw }) else { return }
        switch sources.aliasConflicts {
        case .warn:
            warnings.append(SettingsWarning(
                kind: .aliasConflict, field: field.name, place: first.origin.description,
                message: "\(first.origin.name ?? field.name) and \(other.origin) have different values; using \(first.origin.name ?? field.name)"))
        case .error:
            fieldProblems.append(.aliasConflict(field: field.name, first: first.origin, second: other.origin))
        }
    }
}

extension SettingValue {
    /// The value as plain text (secrets revealed: only for the secret's own storage).
    var plainText: String {
        switch self {
        case .secret(let secret): secret.reveal()
        case .duration(let duration): String(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        default: description
        }
    }
}

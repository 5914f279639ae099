extension ResolutionContext {
    /// Picks each field's winner, converts it, and builds the result or the aggregated error.
    mutating func finish(fingerprintKey: FingerprintKey) throws(SettingsError) -> ResolvedSettings {
        let fields = schema.fields
        let (order, starts) = candidates.groupedByField(fieldCount: fields.count)
        var values = [String: SettingValue](minimumCapacity: fields.count)
        var provenance = [String: SettingProvenance](minimumCapacity: fields.count)
        // The same values by field index, for the fingerprint (no name lookups there).
        var resolved = [SettingValue?](repeating: nil, count: fields.count)
        // By index, so that each field is borrowed rather than copied.
        for index in fields.indices {
            resolveField(
                fields[index], at: index, group: order[starts[index]..<starts[index + 1]],
                values: &values, provenance: &provenance, resolved: &resolved)
        }
        let problems = fileProblems + fieldProblems
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        if unlistedUnknownKeys > 0 {
            warnings.append(
                SettingsWarning(
                    kind: .unknownKey, field: nil, place: "unknown settings",
                    message: "\(unlistedUnknownKeys) more beyond the first \(Self.listedUnknownKeyLimit) are not listed"))
        }
        let inputs = SettingsInputs(
            usesProcessEnvironment: sources.environment == .process, variables: consulted.variables(schema.environmentNames),
            files: stamps, currentDirectory: implicitDirectory)
        return ResolvedSettings(
            schema: schema, sources: sources, values: values, provenance: provenance, warnings: warnings,
            fingerprint: SettingsFingerprint(schema: schema, key: fingerprintKey, valueAt: { resolved[$0] }), inputs: inputs)
    }

    /// One field: alias conflicts, the winner (with a deprecated-name warning), its conversion,
    /// and the provenance with every loser. `group` holds the field's candidates, strongest first.
    private mutating func resolveField(
        _ field: borrowing SettingField, at index: Int, group: ArraySlice<Int>, values: inout [String: SettingValue],
        provenance: inout [String: SettingProvenance], resolved: inout [SettingValue?]
    ) {
        checkAliasConflicts(field: field, group: group)
        guard let winnerIndex = group.first else {
            if case .required = field.requirement {
                fieldProblems.append(.missing(field: field.name, envNames: field.envNames.map(\.name), filesConsulted: filesConsulted))
            }
            provenance[field.name] = SettingProvenance(field: field.name, origin: nil, displayValue: nil, overridden: [])
            return
        }
        let winner = candidates.all[winnerIndex]
        if winner.isDeprecatedName, let name = winner.origin.name {
            warnings.append(
                SettingsWarning(
                    kind: .deprecatedName, field: field.name, place: winner.origin.description,
                    message: "\(name) is deprecated; use \(field.canonicalEnvName)"))
        }
        let isSecret = field.isSecret
        let losers = group.dropFirst().map { loser in
            let candidate = candidates.all[loser]
            return SettingCandidate(origin: candidate.origin, displayValue: display(candidate, secret: isSecret, at: index))
        }
        guard let value = convert(winner, for: field) else { return }
        values[field.name] = value
        resolved[index] = value
        let shown = winner.origin.kind == .defaultValue && !isSecret ? schema.defaultDescriptions[index] : nil
        provenance[field.name] = SettingProvenance(
            field: field.name, origin: winner.origin, displayValue: shown ?? value.description, overridden: losers)
    }

    /// A losing candidate's display text: `<redacted>` for secrets, a default's text formatted
    /// once per schema.
    private func display(_ candidate: ResolutionCandidate, secret: Bool, at index: Int) -> String {
        if secret { return Secret<String>.redacted }
        if candidate.origin.kind == .defaultValue, let text = schema.defaultDescriptions[index] { return text }
        return candidate.rawDisplay
    }

    /// Checks each source's run of candidates in `group` (strongest first) for alias conflicts.
    private mutating func checkAliasConflicts(field: SettingField, group: ArraySlice<Int>) {
        var runStart = group.startIndex
        while runStart < group.endIndex {
            let precedence = candidates.all[group[runStart]].precedence
            var runEnd = runStart + 1
            while runEnd < group.endIndex, candidates.all[group[runEnd]].precedence == precedence { runEnd += 1 }
            if runEnd - runStart > 1 { checkAliasConflict(field: field, run: group[runStart..<runEnd]) }
            runStart = runEnd
        }
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
            // Only a secret keeps the text (formatting a duration's seconds is not free).
            if field.isSecret { text = value.plainText }
        case .nonScalar:
            converted = nil
        }
        guard let converted else {
            let expected: String
            if case .nonScalar = candidate.raw { expected = "a single value (\(field.type.expectation))" } else { expected = field.type.expectation }
            fieldProblems.append(
                .invalidValue(
                    field: field.name, origin: candidate.origin, expected: expected, value: field.isSecret ? nil : candidate.rawDisplay))
            return nil
        }
        if field.isSecret { return .secret(Secret(text ?? converted.plainText)) }
        return converted
    }

    /// Two candidates of one field in one source with different values: a warning or a problem.
    mutating func checkAliasConflict(field: SettingField, run: ArraySlice<Int>) {
        guard let firstIndex = run.first else { return }
        let first = candidates.all[firstIndex]
        guard let otherIndex = run.dropFirst().first(where: { candidates.all[$0].raw != first.raw }) else { return }
        let other = candidates.all[otherIndex]
        switch sources.aliasConflicts {
        case .warn:
            warnings.append(
                SettingsWarning(
                    kind: .aliasConflict, field: field.name, place: first.origin.description,
                    message: "\(first.origin.name ?? field.name) and \(other.origin) have different values; using \(first.origin.name ?? field.name)")
            )
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

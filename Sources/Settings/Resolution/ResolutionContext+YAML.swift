/// Accepted YAML shapes:
///
/// ```yaml
/// PIXEL_USERNAME: me          # an env name …
/// keycloak_realm: acme        # … or an alias, in any letter case …
/// apiTimeout: 30              # … or the field name
/// ```
/// or the same keys under the schema's section:
/// ```yaml
/// pixel:
///   username: me
/// other-tool: {…}             # ignored
/// ```
/// When the section key is present only its mapping is read (a known key outside it gets a
/// warning). Values must be scalars; `null`, `~` and empty mean "absent". Scalars are text, converted
/// by the field's type, so quoting never matters for the result.
extension ResolutionContext {
    /// One YAML file's candidates; nothing when it is absent, unreadable or malformed.
    mutating func addYAMLCandidates(_ file: SettingsFile, directory: String, precedence: Int) {
        guard let bytes = read(file, directory: directory) else { return }
        let parsed: YAMLNode?
        do {
            parsed = try YAMLDocument.parse(bytes, file: file.path, limits: yamlLimits)
        } catch {
            fileProblems.append(.file(error))
            markLastFileMalformed()
            return
        }
        guard let root = parsed, !root.isNull else { return }
        guard case .mapping(let rootEntries) = root.kind else {
            fileProblems.append(
                .file(
                    SettingsFileError(
                        format: .yaml, message: "the top level must be a mapping of settings, not \(root.shapeDescription)", location: root.location))
            )
            return
        }
        var entries = rootEntries
        var inSection = false
        if let section = schema.yamlSection, let sectionEntry = rootEntries.first(where: { $0.key.keyText == section }) {
            inSection = true
            if sectionEntry.value.isNull {
                entries = []
            } else if case .mapping(let inner) = sectionEntry.value.kind {
                entries = inner
            } else {
                fileProblems.append(
                    .file(
                        SettingsFileError(
                            format: .yaml, message: "`\(section):` must be a mapping of settings, not \(sectionEntry.value.shapeDescription)",
                            location: sectionEntry.value.location)))
                return
            }
            // By index: the keys are read in place, without copying every entry of the file.
            for index in rootEntries.indices {
                guard let key = rootEntries[index].key.keyText, key != section, schema.index(forYAMLKey: key) != nil else { continue }
                warnings.append(
                    SettingsWarning(
                        kind: .ignoredYAML, field: nil, place: rootEntries[index].key.location.description,
                        message: "\(DisplayText.inline(key)) is outside the `\(section):` section and is ignored"))
            }
        }
        let suggestions = DidYouMean(names: schema.allEnvNames + schema.fields.map(\.name))
        for entry in entries {
            guard let key = entry.key.keyText else {
                warnings.append(
                    SettingsWarning(
                        kind: .ignoredYAML, field: nil, place: entry.key.location.description, message: "a key that is not text is ignored"))
                continue
            }
            guard let index = schema.index(forYAMLKey: key) else {
                if inSection || schema.hasPrefix(key, ignoringCase: true) {
                    warnUnknown(key, place: entry.key.location.description, suggestions: suggestions)
                } else if listsUnknownKeys, let suggestion = suggestions.suggestion(for: key) {
                    // Another tool's key is ignored quietly, unless it looks like a typo of ours.
                    warnUnknown(key, place: entry.key.location.description, suggestion: suggestion)
                }
                continue
            }
            if entry.value.isNull { continue }
            let field = schema.fields[index]
            let lowered = key.lowercased()
            let envRank = field.envNames.firstIndex { $0.name.lowercased() == lowered }
            let raw: ResolutionCandidate.Raw
            if case .scalar(let text, _) = entry.value.kind {
                raw = .text(text)
            } else {
                raw = .nonScalar(entry.value.shapeDescription)
            }
            candidates.add(
                ResolutionCandidate(
                    field: index, precedence: precedence, origin: SettingOrigin(kind: .yaml, name: key, location: entry.key.location), raw: raw,
                    nameRank: envRank ?? field.envNames.count, isDeprecatedName: envRank.map { field.envNames[$0].isDeprecated } ?? false))
        }
    }
}

/// Resolution's own names (distinct from the YAML reader's accessors, so both can evolve).
extension YAMLNode {
    /// The text of a scalar node.
    var keyText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// `a mapping`, `a sequence` or `a scalar`, for messages.
    var shapeDescription: String {
        switch kind {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        }
    }
}

extension ResolutionContext {
    /// One `.env` file as a layer; `nil` when it is absent, unreadable or malformed.
    mutating func dotEnvLayer(_ file: SettingsFile, directory: String) -> ResolutionLayer? {
        guard let bytes = read(file, directory: directory) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let document: DotEnvDocument
        do {
            document = try DotEnv.parse(
                text, file: file.path, mode: sources.dotEnvMode, interpolate: sources.dotEnvInterpolation,
                environment: { name in self.lookup(name) })
        } catch {
            fileProblems.append(.file(error))
            return nil
        }
        for name in document.referencedEnvironmentNames.sorted() { _ = lookup(name) }
        for warning in document.warnings {
            warnings.append(SettingsWarning(kind: .dotEnv, field: nil, place: warning.location.description, message: warning.message))
        }
        // The last binding of a key wins, as in python-dotenv.
        var latest: [String: DotEnvBinding] = [:]
        for binding in document.bindings { latest[binding.key] = binding }
        var layer = ResolutionLayer(fieldCount: schema.fields.count)
        for key in latest.keys.sorted() {
            guard let binding = latest[key] else { continue }
            guard let index = schema.index(forEnvName: key) else {
                if schema.hasPrefix(key, ignoringCase: false) && !schema.reservedNames.contains(key) {
                    warnUnknown(key, place: binding.keyLocation.description, suggestions: schema.allEnvNames)
                }
                continue
            }
            guard let value = binding.value else { continue }
            let field = schema.fields[index]
            let rank = field.envIndex(of: key) ?? 0
            layer.add(
                ResolutionCandidate(
                    origin: SettingOrigin(kind: .dotEnv, name: key, location: binding.keyLocation), raw: .text(value),
                    nameRank: rank, isDeprecatedName: field.envNames[rank].isDeprecated),
                field: index)
        }
        return layer
    }
}

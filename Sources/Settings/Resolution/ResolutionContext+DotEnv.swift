extension ResolutionContext {
    /// One `.env` file's candidates; nothing when it is absent, unreadable or malformed.
    mutating func addDotEnvCandidates(_ file: SettingsFile, directory: String, precedence: Int) {
        guard let bytes = read(file, directory: directory) else { return }
        let document: DotEnvDocument
        do {
            document = try DotEnv.parse(
                bytes: bytes, file: file.path, mode: sources.dotEnvMode, interpolate: sources.dotEnvInterpolation,
                environment: { name in self.lookup(name) })
        } catch {
            fileProblems.append(.file(error))
            markLastFileMalformed()
            return
        }
        if !document.referencedEnvironmentNames.isEmpty {
            for name in document.referencedEnvironmentNames.sorted() { _ = lookup(name) }
        }
        for warning in document.warnings {
            warnings.append(SettingsWarning(kind: .dotEnv, field: nil, place: warning.location.description, message: warning.message))
        }
        // The last binding of a key wins, as in python-dotenv: each known name keeps the index of
        // its latest binding in a slot array, so no dictionary of every key is built.
        let table = schema.environmentNames
        var latestBySlot = [Int](repeating: -1, count: table.names.count)
        var latestUnknown: [String: Int] = [:]
        // By index: only each binding's key is read, without copying the binding.
        for index in document.bindings.indices {
            let key = document.bindings[index].key
            if let slot = table.slot(of: key) {
                latestBySlot[slot] = index
            } else if schema.hasPrefix(key, ignoringCase: false) && !schema.reservedNames.contains(key) {
                latestUnknown[key] = index
            }
        }
        let suggestions = latestUnknown.isEmpty ? nil : DidYouMean(names: schema.allEnvNames)
        for key in latestUnknown.keys.sorted() {
            guard let index = latestUnknown[key], let suggestions else { continue }
            warnUnknown(key, place: document.bindings[index].keyLocation.description, suggestions: suggestions)
        }
        for (slot, index) in latestBySlot.enumerated() where index >= 0 {
            let binding = document.bindings[index]
            guard let value = binding.value else { continue }
            let (field, rank) = table.firstUse[slot]
            candidates.add(
                ResolutionCandidate(
                    field: field, precedence: precedence, origin: SettingOrigin(kind: .dotEnv, name: binding.key, location: binding.keyLocation),
                    raw: .text(value), nameRank: rank, isDeprecatedName: schema.fields[field].envNames[rank].isDeprecated))
        }
    }
}

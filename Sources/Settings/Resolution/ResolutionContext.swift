/// The state of one resolution: what was consulted, the candidate layers, problems and warnings.
struct ResolutionContext {
    let schema: SettingsSchema
    let sources: SettingsSources
    let yamlLimits: YAMLLimits
    let maxFileBytes: Int

    /// Every environment name looked up, with the value seen.
    var consulted: ConsultedEnvironment
    /// Stamps of every file consulted, weakest first.
    var stamps: [FileStamp] = []
    /// `path` or `path (absent)` for error messages.
    var filesConsulted: [String] = []
    /// The directory relative paths were resolved against, when it was the process's.
    var implicitDirectory: String?
    /// What every source offered.
    var candidates = ResolutionCandidates()
    var fileProblems: [SettingsError.Problem] = []
    var fieldProblems: [SettingsError.Problem] = []
    var warnings: [SettingsWarning] = []
    /// Unknown keys warned about one by one, and those only counted (see ``listedUnknownKeyLimit``).
    var listedUnknownKeys = 0
    var unlistedUnknownKeys = 0

    init(schema: SettingsSchema, sources: SettingsSources, yamlLimits: YAMLLimits, maxFileBytes: Int) {
        self.schema = schema
        self.sources = sources
        self.yamlLimits = yamlLimits
        self.maxFileBytes = maxFileBytes
        self.consulted = ConsultedEnvironment(slotCount: schema.environmentNames.names.count)
        candidates.reserve(schema.fields.count * 2)
    }

    /// Looks a name up in the environment and records it for change detection.
    mutating func lookup(_ name: String) -> String? {
        if let slot = schema.environmentNames.slot(of: name) { return lookup(slot: slot) }
        if let seen = consulted.value(other: name) { return seen }
        let value: String?
        switch sources.environment {
        case .process:
            let found = ProcessEnvironment.value(of: name)
            if let found, !found.isUTF8 { reportNotUTF8(name: name, field: name) }
            value = found?.text
        case .dictionary(let dictionary): value = dictionary[name]
        }
        consulted.record(value, other: name)
        return value
    }

    /// Looks up the schema's env name in `slot` (see ``EnvironmentNameTable``) and records it.
    mutating func lookup(slot: Int) -> String? {
        if let seen = consulted.value(slot: slot) { return seen }
        let value: String?
        switch sources.environment {
        case .process:
            let found = ProcessEnvironment.value(ofCName: schema.environmentNames.cNames[slot])
            if let found, !found.isUTF8 {
                reportNotUTF8(name: schema.environmentNames.names[slot], field: schema.fields[schema.environmentNames.firstUse[slot].field].name)
            }
            value = found?.text
        case .dictionary(let dictionary): value = dictionary[schema.environmentNames.names[slot]]
        }
        consulted.record(value, slot: slot)
        return value
    }

    /// A process variable that is not UTF-8 is a problem, never silently decoded with replacement
    /// characters; it is reported by name only, since it may be a secret.
    private mutating func reportNotUTF8(name: String, field: String) {
        fieldProblems.append(
            .invalidValue(
                field: field, origin: SettingOrigin(kind: .environment, name: name), expected: "text in UTF-8", value: nil))
    }

    /// Reads every source's candidates. Precedence numbers, strongest first: explicit, environment,
    /// `.env` files (the last file first), YAML files (the last file first), defaults.
    mutating func collect() {
        addExplicitCandidates(precedence: 0)
        addEnvironmentCandidates(precedence: 1)
        let directory = workingDirectory()
        let envFiles = files(sources.envFiles)
        let yamlFiles = files(sources.yamlFiles)
        for (offset, file) in envFiles.enumerated() {
            addDotEnvCandidates(file, directory: directory, precedence: 2 + envFiles.count - 1 - offset)
        }
        let yamlBase = 2 + envFiles.count
        for (offset, file) in yamlFiles.enumerated() {
            addYAMLCandidates(file, directory: directory, precedence: yamlBase + yamlFiles.count - 1 - offset)
        }
        addDefaultCandidates(precedence: yamlBase + yamlFiles.count)
    }

    /// The explicit directory, or the process's current one (recorded for change detection).
    mutating func workingDirectory() -> String {
        if let directory = sources.workingDirectory { return directory }
        let current = ProcessEnvironment.currentDirectory() ?? "."
        implicitDirectory = current
        return current
    }

    /// The files a list names; a discovery selector is looked up (and recorded) in the environment.
    mutating func files(_ list: SettingsFileList) -> [SettingsFile] {
        switch list {
        case .files(let files):
            return files
        case .discover(let selector, let defaultPath):
            if let selector, let named = lookup(selector), !named.isEmpty {
                return [SettingsFile(named, required: true)]
            }
            return [SettingsFile(defaultPath, required: false)]
        }
    }

    func absolutePath(_ path: String, directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Reads a file; records its stamp. `nil` when it is absent or unreadable (problems recorded).
    mutating func read(_ file: SettingsFile, directory: String) -> [UInt8]? {
        let snapshot: FileSnapshot
        do {
            snapshot = try FileStamp.read(path: absolutePath(file.path, directory: directory), maxBytes: maxFileBytes)
        } catch {
            fileProblems.append(.unreadableFile(path: file.path, reason: error.reasonText))
            filesConsulted.append("\(file.path) (unreadable)")
            return nil
        }
        stamps.append(snapshot.stamp)
        guard let contents = snapshot.contents else {
            filesConsulted.append("\(file.path) (absent)")
            if file.isRequired { fileProblems.append(.unreadableFile(path: file.path, reason: "it does not exist")) }
            return nil
        }
        filesConsulted.append(file.path)
        SettingsInstrumentation.parseCounter?.increment()
        return contents
    }

    /// Marks the file just read as unusable in the list that "missing" problems quote, so that
    /// they do not suggest its keys were looked at.
    mutating func markLastFileMalformed() {
        guard let last = filesConsulted.popLast() else { return }
        filesConsulted.append("\(last) (malformed)")
    }

    /// The schema's default values.
    mutating func addDefaultCandidates(precedence: Int) {
        for index in schema.fields.indices {
            if case .defaultValue(let value) = schema.fields[index].requirement {
                candidates.add(
                    ResolutionCandidate(
                        field: index, precedence: precedence, origin: SettingOrigin(kind: .defaultValue), raw: .typed(value), nameRank: 0))
            }
        }
    }

    /// Values given in code, by field name or env name.
    mutating func addExplicitCandidates(precedence: Int) {
        guard !sources.explicit.isEmpty else { return }
        for key in sources.explicit.keys.sorted() {
            guard let value = sources.explicit[key] else { continue }
            guard let index = schema.fields.firstIndex(where: { $0.name == key }) ?? schema.index(forEnvName: key) else {
                fieldProblems.append(.unknownExplicitKey(key))
                continue
            }
            let raw: ResolutionCandidate.Raw
            switch value {
            case .string(let text): raw = .text(text)
            case .secret(let secret): raw = .text(secret.reveal())
            default: raw = .typed(value)
            }
            let rank = schema.fields[index].envIndex(of: key) ?? 0
            candidates.add(
                ResolutionCandidate(
                    field: index, precedence: precedence, origin: SettingOrigin(kind: .explicit, name: key), raw: raw, nameRank: rank))
        }
    }

    /// Unknown keys beyond this many in one resolution are counted in a closing warning instead
    /// of being listed and searched for a "did you mean" each: a file of 40,000 stray keys costs
    /// little and says so in one line.
    static let listedUnknownKeyLimit = 100

    /// Whether another unknown key still gets a warning of its own.
    var listsUnknownKeys: Bool { listedUnknownKeys < Self.listedUnknownKeyLimit }

    /// Adds an "unknown key" warning when `key` looks meant for this schema.
    mutating func warnUnknown(_ key: String, place: String, suggestions: DidYouMean) {
        guard listsUnknownKeys else {
            unlistedUnknownKeys += 1
            return
        }
        warnUnknown(key, place: place, suggestion: suggestions.suggestion(for: key))
    }

    /// Adds an "unknown key" warning with a suggestion already found.
    mutating func warnUnknown(_ key: String, place: String, suggestion: String?) {
        guard listsUnknownKeys else {
            unlistedUnknownKeys += 1
            return
        }
        listedUnknownKeys += 1
        var message = "unknown setting \(DisplayText.inline(key))"
        if let suggestion { message += "; did you mean \(suggestion)?" }
        warnings.append(SettingsWarning(kind: .unknownKey, field: nil, place: place, message: message, suggestion: suggestion))
    }
}

extension FileReadError {
    /// The reason without the path (the problem names the path as configured).
    var reasonText: String {
        switch reason {
        case .notARegularFile: "not a regular file"
        case .tooLarge(let limit): "larger than \(limit) bytes"
        case .system(_, let message): message
        }
    }
}

extension SettingsSchema {
    /// The index of the field with this exact env name.
    func index(forEnvName name: String) -> Int? { fieldIndexByEnvName[name] }

    /// The index of the field a YAML key names (any case).
    func index(forYAMLKey key: String) -> Int? {
        let lowered = key.lowercased()
        return yamlKeyPrefilter.mayMatch(lowered) ? fieldIndexByYAMLKey[lowered] : nil
    }
}

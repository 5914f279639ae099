/// The state of one resolution: what was consulted, the candidate layers, problems and warnings.
struct ResolutionContext {
    let schema: SettingsSchema
    let sources: SettingsSources
    let yamlLimits: YAMLLimits
    let maxFileBytes: Int

    /// Every environment name looked up, with the value seen.
    var consulted: [String: String?] = [:]
    /// Stamps of every file consulted, weakest first.
    var stamps: [FileStamp] = []
    /// `path` or `path (absent)` for error messages.
    var filesConsulted: [String] = []
    /// The directory relative paths were resolved against, when it was the process's.
    var implicitDirectory: String?
    /// Strongest first.
    var layers: [ResolutionLayer] = []
    var fileProblems: [SettingsError.Problem] = []
    var fieldProblems: [SettingsError.Problem] = []
    var warnings: [SettingsWarning] = []

    init(schema: SettingsSchema, sources: SettingsSources, yamlLimits: YAMLLimits, maxFileBytes: Int) {
        self.schema = schema
        self.sources = sources
        self.yamlLimits = yamlLimits
        self.maxFileBytes = maxFileBytes
    }

    /// Looks a name up in the environment and records it for change detection.
    mutating func lookup(_ name: String) -> String? {
        if let seen = consulted[name] { return seen }
        let value: String?
        switch sources.environment {
        case .process: value = ProcessEnvironment.value(of: name)
        case .dictionary(let dictionary): value = dictionary[name]
        }
        consulted[name] = .some(value)
        return value
    }

    /// Reads every source into layers, strongest first.
    mutating func collect() {
        layers.append(explicitLayer())
        layers.append(environmentLayer())
        let directory = workingDirectory()
        let envFiles = files(sources.envFiles)
        let yamlFiles = files(sources.yamlFiles)
        var dotEnvLayers: [ResolutionLayer] = []
        for file in envFiles {
            if let layer = dotEnvLayer(file, directory: directory) { dotEnvLayers.append(layer) }
        }
        var yamlLayers: [ResolutionLayer] = []
        for file in yamlFiles {
            if let layer = yamlLayer(file, directory: directory) { yamlLayers.append(layer) }
        }
        layers += dotEnvLayers.reversed()
        layers += yamlLayers.reversed()
        layers.append(defaultLayer())
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

    /// The schema's default values.
    func defaultLayer() -> ResolutionLayer {
        var layer = ResolutionLayer(fieldCount: schema.fields.count)
        for (index, field) in schema.fields.enumerated() {
            if case .defaultValue(let value) = field.requirement {
                layer.add(ResolutionCandidate(origin: SettingOrigin(kind: .defaultValue), raw: .typed(value), nameRank: 0), field: index)
            }
        }
        return layer
    }

    /// Values given in code, by field name or env name.
    mutating func explicitLayer() -> ResolutionLayer {
        var layer = ResolutionLayer(fieldCount: schema.fields.count)
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
            layer.add(ResolutionCandidate(origin: SettingOrigin(kind: .explicit, name: key), raw: raw, nameRank: rank), field: index)
        }
        return layer
    }

    /// Adds an "unknown key" warning when `key` looks meant for this schema.
    mutating func warnUnknown(_ key: String, place: String, suggestions: [String]) {
        let suggestion = DidYouMean.suggestion(for: key, among: suggestions)
        var message = "unknown setting \(key)"
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
    func index(forYAMLKey key: String) -> Int? { fieldIndexByYAMLKey[key.lowercased()] }
}

/// Where the process environment comes from.
public enum SettingsEnvironment: Sendable, Hashable {
    /// The real process environment, read name by name with `getenv` (never a whole dictionary
    /// per call, which is what `ProcessInfo.processInfo.environment` builds).
    case process
    /// A fixed dictionary, e.g. in tests.
    case dictionary([String: String])
}

/// One settings file to read.
public struct SettingsFile: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The path as given; relative paths are resolved against the working directory. Locations in
    /// errors and provenance use this text (`.env:12:1`).
    public var path: String
    /// When `true` a missing file is an error; otherwise it is skipped (and watched for creation).
    public var isRequired: Bool

    /// Creates a file entry.
    public init(_ path: String, required isRequired: Bool = false) {
        self.path = path
        self.isRequired = isRequired
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// Which files of one kind (`.env` or YAML) to read.
public enum SettingsFileList: Sendable, Hashable {
    /// Exactly these files; later files win over earlier ones.
    case files([SettingsFile])
    /// The file named by the environment variable `selector` when it is set (then it must exist),
    /// otherwise `defaultPath` when it exists. `PIXEL_ENV_FILE` / `.env` for example. The selector
    /// is read from the environment only, and is watched by change detection.
    case discover(selector: String?, defaultPath: String)

    /// No file.
    public static var none: SettingsFileList { .files([]) }
}

/// What to do when two names of one field carry different values in the same source.
public enum AliasConflictPolicy: Sendable, Hashable {
    /// Use the first name (schema order) and add a warning.
    case warn
    /// Fail resolution with a ``SettingsError``.
    case error
}

/// The inputs of a resolution, in precedence order: explicit > environment > `.env` files >
/// YAML files > defaults.
///
/// ```swift
/// var sources = SettingsSources()
/// sources.environment = .dictionary(["APP_PORT": "9000"])
/// sources.envFiles = .files([".env"])
/// sources.explicit["port"] = .int(8080)        // beats everything
/// let resolved = try SettingsResolver(schema: schema).resolve(sources)
/// ```
public struct SettingsSources: Sendable, Hashable {
    /// Values set in code, keyed by field name or any env name. A `.string` is converted by the
    /// field's type; other values must already have it.
    public var explicit: [String: SettingValue]
    /// The environment.
    public var environment: SettingsEnvironment
    /// `.env` files (python-dotenv grammar).
    public var envFiles: SettingsFileList
    /// YAML files.
    public var yamlFiles: SettingsFileList
    /// The directory relative paths are resolved against; `nil` = the process's current directory
    /// at resolution time (change detection then also notices a `chdir`).
    public var workingDirectory: String?
    /// How `.env` files are read.
    public var dotEnvMode: DotEnvMode
    /// Whether `${VAR}` in `.env` values is expanded (python-dotenv's default is yes).
    public var dotEnvInterpolation: Bool
    /// Two names with different values in one source: warn or fail.
    public var aliasConflicts: AliasConflictPolicy

    /// Creates sources; the defaults read only the process environment.
    public init(
        explicit: [String: SettingValue] = [:],
        environment: SettingsEnvironment = .process,
        envFiles: SettingsFileList = .none,
        yamlFiles: SettingsFileList = .none,
        workingDirectory: String? = nil,
        dotEnvMode: DotEnvMode = .compat,
        dotEnvInterpolation: Bool = true,
        aliasConflicts: AliasConflictPolicy = .warn
    ) {
        self.explicit = explicit
        self.environment = environment
        self.envFiles = envFiles
        self.yamlFiles = yamlFiles
        self.workingDirectory = workingDirectory
        self.dotEnvMode = dotEnvMode
        self.dotEnvInterpolation = dotEnvInterpolation
        self.aliasConflicts = aliasConflicts
    }
}

extension SettingsEnvironment: CustomStringConvertible, CustomReflectable {
    /// `process` or `dictionary(NAME, …)`: names only, since values may be secrets.
    public var description: String {
        switch self {
        case .process: "process"
        case .dictionary(let dictionary): "dictionary(\(dictionary.keys.sorted().joined(separator: ", ")))"
        }
    }

    /// Names only, so that `dump` of settings never prints a value.
    public var customMirror: Mirror {
        switch self {
        case .process: Mirror(self, children: [], displayStyle: .enum)
        case .dictionary(let dictionary): Mirror(self, children: ["dictionary": dictionary.keys.sorted()], displayStyle: .enum)
        }
    }
}

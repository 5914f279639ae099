public import Settings

extension PixelSettings {
    /// Where ``PixelSettings/resolve(from:)`` reads settings; every part can be replaced in code.
    ///
    /// The default reads the process environment, `./.env` when present (or the file named by
    /// `PIXEL_ENV_FILE`, which must exist) and `./pixel.yaml` when present (or the file named by
    /// `PIXEL_CONFIG_FILE`, which must exist). Precedence: overrides > environment > `.env` >
    /// YAML > defaults.
    ///
    /// ```swift
    /// var sources = PixelSettings.Sources()
    /// sources.environment = .dictionary(["PIXEL_USERNAME": "me", "PIXEL_PASSWORD": "…", "PIXEL_TENANT": "acme"])
    /// sources.envFiles = []                       // no .env
    /// sources.overrides[PixelSettings.FieldName.apiTimeout] = .duration(.seconds(30))
    /// let resolved = try PixelSettings.resolve(from: sources)
    /// ```
    public struct Sources: Sendable, Hashable {
        /// Values set in code, keyed by field name (``FieldName``) or env name. Text is converted by
        /// the field's type.
        public var overrides: [String: SettingValue]
        /// The process environment (default) or a dictionary.
        public var environment: SettingsEnvironment
        /// `.env` files, later ones winning; `nil` = `PIXEL_ENV_FILE` or `./.env` when present.
        public var envFiles: [SettingsFile]?
        /// YAML files, later ones winning; `nil` = `PIXEL_CONFIG_FILE` or `./pixel.yaml` when present.
        public var yamlFiles: [SettingsFile]?
        /// Relative paths are resolved against this; `nil` = the current directory.
        public var workingDirectory: String?
        /// `.env` grammar: python-dotenv 1.2.2 (`.compat`, default) or `.strict`.
        public var dotEnvMode: DotEnvMode
        /// Two aliases with different values in one source: warn (default) or fail.
        public var aliasConflicts: AliasConflictPolicy

        /// Creates sources; with no arguments, the defaults described on the type.
        public init(
            overrides: [String: SettingValue] = [:],
            environment: SettingsEnvironment = .process,
            envFiles: [SettingsFile]? = nil,
            yamlFiles: [SettingsFile]? = nil,
            workingDirectory: String? = nil,
            dotEnvMode: DotEnvMode = .compat,
            aliasConflicts: AliasConflictPolicy = .warn
        ) {
            self.overrides = overrides
            self.environment = environment
            self.envFiles = envFiles
            self.yamlFiles = yamlFiles
            self.workingDirectory = workingDirectory
            self.dotEnvMode = dotEnvMode
            self.aliasConflicts = aliasConflicts
        }

        /// The defaults: process environment, `./.env` and `./pixel.yaml` when present.
        public static var `default`: Sources { Sources() }

        /// The generic form.
        public var settingsSources: SettingsSources {
            SettingsSources(
                explicit: overrides,
                environment: environment,
                envFiles: envFiles.map { .files($0) } ?? .discover(selector: PixelSettings.envFileSelector, defaultPath: ".env"),
                yamlFiles: yamlFiles.map { .files($0) } ?? .discover(selector: PixelSettings.configFileSelector, defaultPath: "pixel.yaml"),
                workingDirectory: workingDirectory,
                dotEnvMode: dotEnvMode,
                aliasConflicts: aliasConflicts)
        }
    }
}

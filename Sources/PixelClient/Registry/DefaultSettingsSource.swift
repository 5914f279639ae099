public import Configuration
public import Settings

/// Where a ``PixelClientRegistry`` reads the *default* settings — the ones `getClient()` uses when
/// it is given none — and how it asks "still the same?" on every call.
///
/// The standard source is the process environment, `./.env` and `./pixel.yaml` (see
/// ``PixelSettings/Sources``). Tests and embedders inject a changeable environment instead of
/// calling `setenv`:
///
/// ```swift
/// let environment = Mutex<[String: String]>(["PIXEL_USERNAME": "me", "PIXEL_PASSWORD": "…", "PIXEL_TENANT": "acme"])
/// let source = DefaultSettingsSource.environment({ environment.withLock { $0 } }, workingDirectory: "/srv/app")
/// let registry = PixelClientRegistry(configuration: .init(defaultSettings: source))
/// ```
///
/// Applications configured through swift-configuration hand over their reader instead; see
/// ``config(_:)``.
public struct DefaultSettingsSource: Sendable {
    /// The sources resolved; with an environment provider, its dictionary replaces `environment`.
    public var sources: PixelSettings.Sources
    /// Supplies the current environment when it is not the process environment.
    public var environmentProvider: (@Sendable () -> [String: String])?
    /// Set by ``config(_:)``: the reader that replaces `sources` and `environmentProvider`.
    let configReader: ConfigReaderDefaults?

    /// Resolves `sources` as given (by default the process environment, `./.env`, `./pixel.yaml`).
    public init(sources: PixelSettings.Sources = .default, environmentProvider: (@Sendable () -> [String: String])? = nil) {
        self.sources = sources
        self.environmentProvider = environmentProvider
        self.configReader = nil
    }

    /// The settings under `pixel.` in a swift-configuration reader (see
    /// ``PixelSettings/init(config:)-(ConfigReader)`` for the keys): `getClient()` follows the
    /// reader's values and rebuilds, draining the old client, when they change.
    ///
    /// ```swift
    /// let yaml = try await ReloadingFileProvider<LocatedYAMLSnapshot>(filePath: "/etc/pixel/config.yaml")
    /// let config = ConfigReader(providers: [EnvironmentVariablesProvider(), yaml])
    /// let registry = PixelClientRegistry(configuration: .init(defaultSettings: .config(config)))
    /// let group = ServiceGroup(services: [yaml, registry, app], gracefulShutdownSignals: [.sigterm], logger: logger)
    /// ```
    ///
    /// Every `getClient()` asks whether the reader's values changed. While the registry runs as a
    /// service, it watches the reader's snapshots, rebuilds as soon as a provider reports new
    /// values, and answers the question from a counter; otherwise each call reads the keys from a
    /// fresh snapshot (a few microseconds, and one access event per key if the reader has an
    /// access reporter).
    public static func config(_ reader: ConfigReader) -> DefaultSettingsSource {
        DefaultSettingsSource(configReader: ConfigReaderDefaults(reader: reader))
    }

    private init(configReader: ConfigReaderDefaults) {
        self.sources = .default
        self.environmentProvider = nil
        self.configReader = configReader
    }

    /// The process environment, `./.env` and `./pixel.yaml` (Python's `PixelApiSettings()`).
    public static var standard: DefaultSettingsSource { DefaultSettingsSource() }

    /// An environment read from `provider` on every check, with `.env` and YAML discovered in
    /// `workingDirectory` (or the files given).
    public static func environment(
        _ provider: @escaping @Sendable () -> [String: String], workingDirectory: String? = nil,
        envFiles: [SettingsFile]? = nil, yamlFiles: [SettingsFile]? = nil
    ) -> DefaultSettingsSource {
        DefaultSettingsSource(
            sources: PixelSettings.Sources(envFiles: envFiles, yamlFiles: yamlFiles, workingDirectory: workingDirectory),
            environmentProvider: provider)
    }

    /// Reads and resolves the settings now.
    public func resolve() throws(SettingsError) -> ResolvedPixelSettings {
        if let configReader { return try configReader.resolve() }
        var sources = self.sources
        if let environmentProvider { sources.environment = .dictionary(environmentProvider()) }
        return try PixelSettings.resolve(from: sources)
    }

    /// `true` when nothing `resolved` read has changed since (never parses; see `SettingsInputs`).
    public func isUnchanged(_ resolved: ResolvedPixelSettings) -> Bool {
        if let configReader { return configReader.isUnchanged(resolved) }
        if let environmentProvider { return resolved.inputs.isUnchanged(environment: environmentProvider()) }
        return resolved.isUnchanged()
    }
}

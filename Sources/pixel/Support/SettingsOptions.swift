import ArgumentParser
import PixelClient
import Settings

/// `--env-file` and `--config`: which files the settings are read from, on top of the process
/// environment. Without them the defaults apply (`PIXEL_ENV_FILE` or `./.env`, `PIXEL_CONFIG_FILE`
/// or `./pixel.yaml`, each when present).
struct SettingsOptions: ParsableArguments {
    @Option(name: .customLong("env-file"), help: ArgumentHelp("Read this .env file (it must exist) instead of ./.env.", valueName: "path"))
    var envFile: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("Read this YAML file (it must exist) instead of ./pixel.yaml.", valueName: "path"))
    var configFile: String?

    /// The sources these options select, with the process environment.
    var sources: PixelSettings.Sources {
        PixelSettings.Sources(
            envFiles: envFile.map { [SettingsFile($0, required: true)] },
            yamlFiles: configFile.map { [SettingsFile($0, required: true)] })
    }

    /// Resolves the settings, fingerprinted with the user's key (see ``FingerprintKeySetup``); a
    /// `SettingsError` becomes exit code 2 through ``ErrorReport``.
    func resolve() throws(SettingsError) -> ResolvedPixelSettings {
        FingerprintKeySetup.install()
        return try PixelSettings.resolve(from: sources)
    }
}

// A service configured through swift-configuration: the Pixel settings and the HTTP server read
// one `ConfigReader`, and the registry rebuilds its client as soon as pixel.yaml changes.
import Configuration
import Hummingbird
import Logging
import PixelClient
import ServiceLifecycle
import SettingsConfiguration
import SystemPackage
import UnixSignals

let logger = Logger(label: "configured-service")

// Environment variables first, then ./pixel.yaml (reloaded when it changes), then ./.env read
// exactly as python-dotenv reads it.
let secrets = SecretsSpecifier<String, String>.specific(["PIXEL_PASSWORD"])
let yaml = try await ReloadingFileProvider<LocatedYAMLSnapshot>(
    parsingOptions: .init(fileName: "pixel.yaml", secretsSpecifier: .specific(["pixel.password"])),
    filePath: "pixel.yaml", allowMissing: true, pollInterval: .seconds(5))
let dotEnv = try await FileProvider<DotEnvSnapshot>(
    parsingOptions: .init(fileName: ".env", secretsSpecifier: secrets), filePath: ".env", allowMissing: true)
let config = ConfigReader(providers: [EnvironmentVariablesProvider(secretsSpecifier: secrets), yaml, dotEnv])

// The settings as they are now (pixel.username, pixel.password, pixel.tenant, …).
let settings = try PixelSettings(config: config)
logger.info("Pixel settings read", metadata: ["settings": "\(settings)"])  // the password is redacted

// A registry that follows the reader: getClient() on it sees every change.
let registry = PixelClientRegistry(configuration: .init(defaultSettings: .config(config)))
let router = Router()
router.get("/me") { _, _ in
    try await registry.asyncClient().me().email ?? ""
}
let app = Application(router: router, configuration: ApplicationConfiguration(reader: config.scoped(to: "http")), logger: logger)
let group = ServiceGroup(services: [yaml, registry, app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
try await group.run()

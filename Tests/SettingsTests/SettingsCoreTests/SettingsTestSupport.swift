import Foundation
import Settings

/// A password that must never appear in any output.
let sentinel = "S3NT1NEL-pa55word"

/// A small schema shaped like Pixel's, to test the generic core without the PixelClient module.
let demoSchema = SettingsSchema(
    name: "demo",
    prefixes: ["DEMO_"],
    reservedNames: ["DEMO_ENV_FILE"],
    yamlSection: "demo",
    fields: [
        SettingField("username", env: ["DEMO_USERNAME", "LEGACY_USERNAME"], type: .string, requirement: .required, doc: "User."),
        SettingField("password", env: ["DEMO_PASSWORD", "LEGACY_PASSWORD"], type: .string, requirement: .required, secret: true, doc: "Password."),
        SettingField(
            "mode", env: ["DEMO_MODE"], type: .enumeration(["dev", "test", "prod"]), requirement: .defaultValue(.string("prod")), doc: "Mode."),
        SettingField("port", env: ["DEMO_PORT"], type: .integer(1...65535), requirement: .defaultValue(.int(8080)), doc: "Port."),
        SettingField("timeout", env: ["DEMO_TIMEOUT"], type: .seconds, requirement: .defaultValue(.duration(.seconds(10))), doc: "Timeout."),
        SettingField("verbose", env: ["DEMO_VERBOSE"], type: .bool, requirement: .defaultValue(.bool(false)), doc: "Verbose."),
        SettingField("server", env: ["DEMO_SERVER", .deprecated("DEMO_OLD_SERVER")], type: .url, requirement: .optional, doc: "Server."),
        SettingField("label", env: ["DEMO_LABEL"], type: .string, requirement: .optional, doc: "Free text."),
        SettingField("ratio", env: ["DEMO_RATIO"], type: .double, requirement: .optional, doc: "A number."),
    ])

/// The minimum environment that resolves.
let demoRequired = ["DEMO_USERNAME": "me", "DEMO_PASSWORD": sentinel]

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("settings-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let full = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + name)
    }
}

/// Resolves `demoSchema` with the given environment dictionary and files.
func resolveDemo(
    env: [String: String] = demoRequired, explicit: [String: SettingValue] = [:], envFiles: [SettingsFile] = [],
    yamlFiles: [SettingsFile] = [], directory: String? = nil, aliasConflicts: AliasConflictPolicy = .warn
) throws(SettingsError) -> ResolvedSettings {
    try SettingsResolver(schema: demoSchema).resolve(
        SettingsSources(
            explicit: explicit, environment: .dictionary(env), envFiles: .files(envFiles), yamlFiles: .files(yamlFiles),
            workingDirectory: directory ?? "/nonexistent-settings-dir", aliasConflicts: aliasConflicts))
}

import Foundation
import FuzzSupport
import Settings

/// Settings resolution from an arbitrary (environment, `.env`, YAML) triple.
///
/// Input layout: one flag byte, then the environment as `NAME=value` lines, a NUL byte, the
/// `.env` file, a NUL byte, the YAML file. Flag bits: 0 strict `.env` mode, 1 no interpolation,
/// 2 alias conflicts are errors, 3 no `.env` file, 4 no YAML file. The password is always the
/// sentinel from the environment, so it must never show up in any output.
///
/// Promises checked beyond "no crash, no hang, bounded memory":
/// - the sentinel password appears in no error, warning, explanation, description or JSON;
/// - a successful resolution holds the sentinel and is unchanged right after it is made;
/// - resolving the same inputs twice gives the same fingerprint, values and warnings.
@c(LLVMFuzzerTestOneInput)
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let flags = data[0]
    let parts = Array(UnsafeBufferPointer(start: data + 1, count: size - 1)).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    var environment = parseEnvironment(parts[0])
    environment[passwordName] = sentinel
    let workspace = Workspace.shared
    workspace.write(".env", parts.count > 1 ? Array(parts[1]) : [])
    workspace.write("s.yaml", parts.count > 2 ? Array(parts[2]) : [])
    let sources = SettingsSources(
        environment: .dictionary(environment),
        envFiles: flags & 8 == 0 ? .files([".env"]) : .none,
        yamlFiles: flags & 16 == 0 ? .files(["s.yaml"]) : .none,
        workingDirectory: workspace.path,
        dotEnvMode: flags & 1 == 0 ? .compat : .strict,
        dotEnvInterpolation: flags & 2 == 0,
        aliasConflicts: flags & 4 == 0 ? .warn : .error)
    // Outputs may show the sentinel when the input itself has it, or copies the password into a
    // field that is not secret by `.env` interpolation (`FZ_USER=${FZ_PASSWORD}`), which is the
    // user's explicit doing.
    let input = UnsafeBufferPointer(start: data, count: size)
    let sentinelInInput = contains(input, "S3NT1NEL") || contains(input, "{FZ_PASSWORD") || contains(input, "{OLD_PASSWORD")
    let first = Result { () throws(SettingsError) in try resolver.resolve(sources) }
    let second = Result { () throws(SettingsError) in try resolver.resolve(sources) }
    switch (first, second) {
    case (.success(let resolved), .success(let again)):
        invariant(resolved.secret("password")?.reveal() == sentinel, "the password is not the environment's")
        invariant(resolved.inputs.isUnchanged(environment: environment), "a fresh resolution reports a change")
        invariant(resolved.fingerprint == again.fingerprint, "two resolutions of the same inputs have different fingerprints")
        invariant(resolved.values == again.values && resolved.warnings == again.warnings, "two resolutions of the same inputs differ")
        if !sentinelInInput {
            var outputs = [resolved.description, resolved.explain(), String(describing: resolved.values)]
            outputs += resolved.warnings.map(\.description)
            outputs.append((try? JSONEncoder().encode(resolved)).map { String(decoding: $0, as: UTF8.self) } ?? "")
            for output in outputs { invariant(!output.contains(sentinel), "the password leaked: \(output)") }
        }
    case (.failure(let error), .failure(let again)):
        invariant(error == again, "two resolutions of the same inputs fail differently")
        invariant(!error.problems.isEmpty, "a settings error without a problem")
        if !sentinelInInput { invariant(!error.description.contains(sentinel), "the password leaked: \(error)") }
    default:
        invariant(false, "one resolution of the same inputs failed and the other did not")
    }
    return 0
}

private let sentinel = "S3NT1NEL-fuzz-pa55word"
private let passwordName = "FZ_PASSWORD"

private func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard bytes.count >= needle.count else { return false }
    return (0...(bytes.count - needle.count)).contains { start in needle.indices.allSatisfy { bytes[start + $0] == needle[$0] } }
}

/// `NAME=value` lines; a line without `=` or with an empty name is skipped.
private func parseEnvironment(_ bytes: ArraySlice<UInt8>) -> [String: String] {
    var environment: [String: String] = [:]
    for line in bytes.split(separator: 0x0A) {
        guard let equals = line.firstIndex(of: 0x3D), equals > line.startIndex else { continue }
        environment[String(decoding: line[..<equals], as: UTF8.self)] = String(decoding: line[(equals + 1)...], as: UTF8.self)
    }
    return environment
}

/// Every setting type, secrets, aliases (one deprecated), a field left out of the fingerprint,
/// a prefix for did-you-mean warnings, a reserved name and a YAML section.
private let resolver = SettingsResolver(
    schema: SettingsSchema(
        name: "fz", prefixes: ["FZ_"], reservedNames: ["FZ_ENV_FILE"], yamlSection: "fz",
        fields: [
            field("user", ["FZ_USER", "OLD_USER"], .string, .required),
            field("password", ["FZ_PASSWORD", "OLD_PASSWORD"], .string, .required, secret: true),
            field("mode", ["FZ_MODE"], .enumeration(["dev", "test", "prod"]), .defaultValue(.string("prod"))),
            field("port", ["FZ_PORT"], .integer(1...65535), .defaultValue(.int(8080))),
            field("timeout", ["FZ_TIMEOUT"], .seconds, .defaultValue(.duration(.seconds(10)))),
            field("verbose", ["FZ_VERBOSE"], .bool, .defaultValue(.bool(false))),
            field("server", ["FZ_SERVER", .deprecated("FZ_OLD_SERVER")], .url, .optional),
            field("ratio", ["FZ_RATIO"], .double, .optional),
            field("token", ["FZ_TOKEN"], .string, .optional, secret: true),
            field("quiet", ["FZ_QUIET"], .bool, .defaultValue(.bool(false)), fingerprinted: false),
        ]))

private func field(
    _ name: String, _ env: [SettingField.EnvName], _ type: SettingType, _ requirement: SettingField.Requirement, secret: Bool = false,
    fingerprinted: Bool = true
) -> SettingField {
    SettingField(name, env: env, type: type, requirement: requirement, secret: secret, fingerprinted: fingerprinted, doc: "")
}

/// A private directory for the two files.
private final class Workspace: Sendable {
    static let shared = Workspace()
    let path: String

    /// `FUZZ_WORKSPACE` (which `scripts/fuzz` creates and removes), else a new temporary directory.
    private init() {
        if let given = ProcessInfo.processInfo.environment["FUZZ_WORKSPACE"] {
            path = given
        } else {
            path = NSTemporaryDirectory() + "/pixel-fuzz-resolution-\(getpid())"
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    func write(_ name: String, _ bytes: [UInt8]) {
        try? Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }
}

/// The declaration of a settings type: its fields, the prefix its environment names share (for
/// "did you mean" warnings) and an optional YAML section.
///
/// Environment names match **exactly and case-sensitively** in the environment and in `.env`
/// files: `pixel_username` is not `PIXEL_USERNAME`. That makes the result independent of the
/// order of `environ` (pydantic-settings lower-cases every name, so with both `timeout` and
/// `TIMEOUT` set its result depends on iteration order). YAML keys are looser, see
/// ``SettingsSchema/field(forYAMLKey:)``.
///
/// ```swift
/// let schema = SettingsSchema(name: "app", prefixes: ["APP_"], yamlSection: "app", fields: [
///     SettingField("port", env: ["APP_PORT"], type: .integer(1...65535),
///                  requirement: .defaultValue(.int(8080)), doc: "Listening port."),
/// ])
/// ```
public struct SettingsSchema: Sendable, Hashable {
    /// A short name, part of the fingerprint's domain (`pixel`).
    public var name: String
    /// Env-name prefixes that mark a key as meant for this schema (`PIXEL_`); an unknown key with
    /// one of them gets a warning with the nearest known name.
    public var prefixes: [String]
    /// Names with a prefix that are known but are not fields (e.g. `PIXEL_ENV_FILE`), so that they
    /// never get an "unknown key" warning.
    public var reservedNames: Set<String>
    /// An optional top-level YAML key whose mapping holds the settings (`pixel:`).
    public var yamlSection: String?
    /// The fields, in documentation order.
    public var fields: [SettingField] {
        didSet { rebuildIndexes() }
    }

    /// Looks up by exact env name; rebuilt whenever `fields` changes.
    private(set) var fieldIndexByEnvName: [String: Int] = [:]
    /// Looks up by lower-cased env name or field name for YAML keys.
    private(set) var fieldIndexByYAMLKey: [String: Int] = [:]
    /// Rules out most lower-cased YAML keys that are in no field's name before the hash lookup.
    private(set) var yamlKeyPrefilter = KeyPrefilter(names: [])
    /// Indices of the fingerprinted fields sorted by name (UTF-8 byte order): the fingerprint's
    /// field order, computed once rather than sorted on every resolution.
    private(set) var fingerprintOrder: [Int] = []
    /// The distinct env names, numbered for resolution's per-slot bookkeeping.
    private(set) var environmentNames = EnvironmentNameTable(fields: [])
    /// Each field's default value as displayed in provenance (`nil`: no default), formatted once
    /// per schema rather than on every resolution.
    private(set) var defaultDescriptions: [String?] = []

    /// Creates a schema.
    public init(name: String, prefixes: [String], reservedNames: Set<String> = [], yamlSection: String? = nil, fields: [SettingField]) {
        self.name = name
        self.prefixes = prefixes
        self.reservedNames = reservedNames
        self.yamlSection = yamlSection
        self.fields = fields
        rebuildIndexes()
    }

    private mutating func rebuildIndexes() {
        var byEnv: [String: Int] = [:]
        var byYAML: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            for env in field.envNames {
                if byEnv[env.name] == nil { byEnv[env.name] = index }
                if byYAML[env.name.lowercased()] == nil { byYAML[env.name.lowercased()] = index }
            }
            if byYAML[field.name.lowercased()] == nil { byYAML[field.name.lowercased()] = index }
        }
        fieldIndexByEnvName = byEnv
        fieldIndexByYAMLKey = byYAML
        yamlKeyPrefilter = KeyPrefilter(names: byYAML.keys)
        environmentNames = EnvironmentNameTable(fields: fields)
        defaultDescriptions = fields.map { field in
            if case .defaultValue(let value) = field.requirement { return value.description }
            return nil
        }
        fingerprintOrder = fields.indices.filter { fields[$0].isFingerprinted }
            .sorted { Array(fields[$0].name.utf8).lexicographicallyPrecedes(Array(fields[$1].name.utf8)) }
    }

    /// The field with this exact environment name (canonical or alias).
    public func field(forEnvName envName: String) -> SettingField? {
        fieldIndexByEnvName[envName].map { fields[$0] }
    }

    /// The field a YAML key names: any of its env names or its field name, compared without regard
    /// to ASCII letter case (`PIXEL_TENANT`, `pixel_tenant`, `tenant` and `Tenant` all name the
    /// tenant). This is deterministic: two keys naming one field are both candidates, ordered by
    /// the field's name order, and conflicting values are reported.
    public func field(forYAMLKey key: String) -> SettingField? {
        fieldIndexByYAMLKey[key.lowercased()].map { fields[$0] }
    }

    /// The field named `name`.
    public func field(named name: String) -> SettingField? {
        fields.first { $0.name == name }
    }

    /// True when `key` starts with one of the schema's prefixes (exact case for env, any case for YAML).
    func hasPrefix(_ key: String, ignoringCase: Bool) -> Bool {
        let subject = ignoringCase ? key.uppercased() : key
        return prefixes.contains { subject.hasPrefix(ignoringCase ? $0.uppercased() : $0) }
    }

    /// Every env name of every field, in order (for suggestions and docs).
    public var allEnvNames: [String] {
        fields.flatMap { $0.envNames.map(\.name) }
    }

    /// Equality and hashing by declaration; the lookup tables are derived.
    public static func == (lhs: SettingsSchema, rhs: SettingsSchema) -> Bool {
        lhs.name == rhs.name && lhs.prefixes == rhs.prefixes && lhs.reservedNames == rhs.reservedNames
            && lhs.yamlSection == rhs.yamlSection && lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(fields)
    }
}

/// Everything that stopped a resolution, all at once.
///
/// It never contains a secret's value: invalid secret values are reported by name and location
/// only, and no input map is ever dumped.
///
/// ```swift
/// do { _ = try PixelSettings.resolve(from: sources) }
/// catch { print(error) }
/// // 2 settings problems:
/// //   - username: missing; looked for env PIXEL_USERNAME, KEYCLOAK_USERNAME; files: .env (absent), pixel.yaml (absent)
/// //   - apiTimeout: env PIXEL_API_TIMEOUT = "abc" is not a positive number of seconds, at most 1e9
/// ```
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// A required field that no source gave: every name looked for and every file consulted.
        case missing(field: String, envNames: [String], filesConsulted: [String])
        /// A value that does not convert; `value` is `nil` for secret fields.
        case invalidValue(field: String, origin: SettingOrigin, expected: String, value: String?)
        /// Two names of one field disagree in one source (when the policy is `.error`).
        case aliasConflict(field: String, first: SettingOrigin, second: SettingOrigin)
        /// A file that is malformed (YAML syntax, strict `.env`, bad root, …).
        case file(SettingsFileError)
        /// A file that was required but could not be read.
        case unreadableFile(path: String, reason: String)
        /// An explicit key that names no field.
        case unknownExplicitKey(String)

        public var description: String {
            switch self {
            case .missing(let field, let envNames, let files):
                var text = "\(field): missing; looked for env \(envNames.joined(separator: ", "))"
                if !files.isEmpty { text += "; files: \(files.joined(separator: ", "))" }
                return text
            case .invalidValue(let field, let origin, let expected, let value):
                let shown = value.map(DisplayText.quoted) ?? "the value"
                return "\(field): \(origin) = \(shown) is not \(expected)"
            case .aliasConflict(let field, let first, let second):
                return "\(field): \(first) and \(second) have different values"
            case .file(let error):
                return error.description
            case .unreadableFile(let path, let reason):
                return "\(path): cannot be read (\(reason))"
            case .unknownExplicitKey(let key):
                return "explicit value for unknown setting \(DisplayText.inline(key))"
            }
        }
    }

    /// Every problem, in field order, file problems first.
    public var problems: [Problem]

    /// Creates an error.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        let header = problems.count == 1 ? "1 settings problem:" : "\(problems.count) settings problems:"
        return ([header] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}

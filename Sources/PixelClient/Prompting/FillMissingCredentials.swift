public import Settings

/// Fills in a missing user name and/or password by asking a person — only when that is allowed
/// and possible; otherwise throws `settingsError`, the aggregated error from resolving settings.
/// A program run without a terminal therefore fails with the settings error instead of waiting
/// for an answer nobody can give.
///
/// - Parameters:
///   - missing: the fields to ask for; empty returns empty answers without asking.
///   - knownUsername: shown in the password prompt when only the password is missing.
///   - tenant: shown in the user-name prompt.
///   - allowPrompt: the caller's opt-in (off for services and by default).
///   - prompt: who asks; ``TerminalCredentialPrompt`` can only ask when stdin is a TTY.
///   - settingsError: thrown when asking is off or impossible.
/// - Throws: `settingsError`, or a ``CredentialPromptError`` when the person gave no answer.
///
/// ```swift
/// do {
///     settings = try PixelSettings.resolve(from: sources)
/// } catch let error as SettingsError {
///     guard let missing = CredentialField.promptable(from: error) else { throw error }
///     let answers = try await fillMissingCredentials(
///         missing: missing, allowPrompt: options.allowPrompt, prompt: TerminalCredentialPrompt(), settingsError: error)
///     // resolve again with answers.username / answers.password as explicit values
/// }
/// ```
public func fillMissingCredentials(
    missing: Set<CredentialField>,
    knownUsername: String? = nil,
    tenant: String? = nil,
    allowPrompt: Bool,
    prompt: any CredentialPrompt,
    settingsError: SettingsError
) async throws -> PromptedCredentials {
    guard !missing.isEmpty else { return PromptedCredentials() }
    guard allowPrompt, prompt.canPrompt else { throw settingsError }
    let request = CredentialRequest(
        missing: missing, username: missing.contains(.username) ? nil : knownUsername, tenant: tenant)
    return try await prompt.ask(request)
}

extension CredentialField {
    /// The credentials a person could supply to fix `error`: `nil` unless every problem is a
    /// missing `username` or `password` (any other problem must be fixed in the settings).
    ///
    /// ```swift
    /// CredentialField.promptable(from: error)   // [.password] when only PIXEL_PASSWORD is unset
    /// ```
    public static func promptable(from error: SettingsError) -> Set<CredentialField>? {
        var fields: Set<CredentialField> = []
        for problem in error.problems {
            guard case .missing(let name, _, _) = problem, let field = CredentialField(rawValue: name) else { return nil }
            fields.insert(field)
        }
        return fields.isEmpty ? nil : fields
    }
}

import Settings

extension PixelClientRegistry {
    /// The async client for the default settings, asking a person for a missing user name or
    /// password (rmcl's rule: only when `allowPrompt` is on and `prompt` can ask — standard input
    /// is a terminal for ``TerminalCredentialPrompt``). Otherwise the aggregated
    /// `SettingsError` is thrown exactly as ``asyncClient(settings:)-(PixelSettings?)`` throws it.
    ///
    /// The answers become explicit settings for this call: the client is keyed by them, and the
    /// password is never stored (only the refresh token, when a ``Configuration/sessionStore`` is
    /// set).
    ///
    /// ```swift
    /// let client = try await registry.asyncClient(allowPrompt: true)   // asks on the terminal if needed
    /// ```
    public func asyncClient(allowPrompt: Bool, prompt: any CredentialPrompt = TerminalCredentialPrompt()) async throws -> PixelAsyncClient {
        do {
            return try asyncClient()
        } catch let error as SettingsError {
            guard let missing = CredentialField.promptable(from: error) else { throw error }
            let answers = try await fillMissingCredentials(
                missing: missing, allowPrompt: allowPrompt, prompt: prompt, settingsError: error)
            var source = configuration.defaultSettings
            if let username = answers.username {
                source.sources.overrides[PixelSettings.FieldName.username] = .string(username)
            }
            if let password = answers.password {
                source.sources.overrides[PixelSettings.FieldName.password] = .secret(password)
            }
            return try asyncClient(settings: source.resolve().settings)
        }
    }
}

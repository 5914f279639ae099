import Settings

extension PixelClientRegistry {
    /// The async client for the default settings, asking a person for a missing user name or
    /// password — only when `allowPrompt` is on and `prompt` can ask (for
    /// ``TerminalCredentialPrompt``: standard input is a terminal). Otherwise the aggregated
    /// `SettingsError` is thrown exactly as ``asyncClient(settings:options:)`` throws it.
    ///
    /// The prompt names the account (the user name when known, and the tenant). Concurrent callers
    /// share one prompt, and the answers are kept in memory for the registry's lifetime (until
    /// ``shutdown()``), so nobody is asked twice. The answers become explicit settings: the client
    /// is keyed by them, and the password is never written anywhere (only the refresh token, when
    /// ``Configuration/hooks`` has a session store).
    ///
    /// ```swift
    /// let client = try await registry.asyncClient(allowPrompt: true)   // asks on the terminal if needed
    /// ```
    public func asyncClient(
        allowPrompt: Bool, prompt: any CredentialPrompt = TerminalCredentialPrompt(), options: PixelClientOptions? = nil
    ) async throws -> PixelAsyncClient {
        do {
            return try asyncClient(options: options)
        } catch let error as SettingsError {
            guard let missing = CredentialField.promptable(from: error), allowPrompt, prompt.canPrompt else { throw error }
            let request = credentialRequest(missing: missing)
            let answers = try await prompts.answers(to: request, asking: prompt)
            return try asyncClient(settings: settings(answering: answers), options: options)
        }
    }

    /// The blocking client for the default settings, asking a person for a missing user name or
    /// password like ``asyncClient(allowPrompt:prompt:options:)``. Call it from a plain thread.
    ///
    /// ```swift
    /// let client = try registry.client(allowPrompt: true)
    /// ```
    ///
    /// - Throws: as ``asyncClient(allowPrompt:prompt:options:)``, and
    ///   ``PixelError/Code/syncCallInAsyncContext`` inside a Swift concurrency task.
    @available(*, noasync, message: "Use `try await registry.asyncClient(allowPrompt:prompt:options:)`")
    public func client(
        allowPrompt: Bool, prompt: any CredentialPrompt = TerminalCredentialPrompt(), options: PixelClientOptions? = nil
    ) throws -> PixelClient {
        do {
            return try client(options: options)
        } catch let error as SettingsError {
            guard let missing = CredentialField.promptable(from: error), allowPrompt, prompt.canPrompt else { throw error }
            let request = credentialRequest(missing: missing)
            let prompts = self.prompts
            let answers = try BlockingBridge.runAny(asyncMethod: "asyncClient(allowPrompt:prompt:options:)") {
                try await prompts.answers(to: request, asking: prompt)
            }
            return try client(settings: settings(answering: answers), options: options)
        }
    }

    /// What to ask for, naming the account: the user name and tenant come from resolving the
    /// default settings with stand-ins for the missing fields.
    private func credentialRequest(missing: Set<CredentialField>) -> CredentialRequest {
        var source = configuration.defaultSettings
        for field in missing {
            switch field {
            case .username: source.sources.overrides[PixelSettings.FieldName.username] = .string("unknown")
            case .password: source.sources.overrides[PixelSettings.FieldName.password] = .secret(Secret("unknown"))
            }
        }
        let known = try? source.resolve().settings
        return CredentialRequest(
            missing: missing, username: missing.contains(.username) ? nil : known?.username, tenant: known?.tenant)
    }

    /// The default settings with the answers as explicit values.
    private func settings(answering answers: PromptedCredentials) throws -> PixelSettings {
        var source = configuration.defaultSettings
        if let username = answers.username {
            source.sources.overrides[PixelSettings.FieldName.username] = .string(username)
        }
        if let password = answers.password {
            source.sources.overrides[PixelSettings.FieldName.password] = .secret(password)
        }
        return try source.resolve().settings
    }
}

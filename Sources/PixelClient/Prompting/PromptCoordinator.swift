/// Asks a person for credentials on behalf of many callers: concurrent callers that need the same
/// answers share one prompt, and the answers are remembered until ``forget()``, so nobody is
/// asked twice for the same account.
actor PromptCoordinator {
    private var remembered: [CredentialRequest: PromptedCredentials] = [:]
    private var waiting: [CredentialRequest: [CheckedContinuation<PromptedCredentials, any Error>]] = [:]

    /// The answers to `request`: remembered ones, the answers of a prompt already showing, or
    /// those `prompt` gives now.
    func answers(to request: CredentialRequest, asking prompt: any CredentialPrompt) async throws -> PromptedCredentials {
        if let known = remembered[request] { return known }
        if waiting[request] != nil {
            return try await withCheckedThrowingContinuation { continuation in
                waiting[request, default: []].append(continuation)
            }
        }
        waiting[request] = []
        let result: Result<PromptedCredentials, any Error>
        do {
            result = .success(try await prompt.ask(request))
        } catch {
            result = .failure(error)
        }
        if case .success(let answers) = result { remembered[request] = answers }
        let waiters = waiting.removeValue(forKey: request) ?? []
        for waiter in waiters { waiter.resume(with: result) }
        return try result.get()
    }

    /// Drops every remembered answer.
    func forget() {
        remembered.removeAll()
    }
}

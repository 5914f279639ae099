public import Settings
import NIOConcurrencyHelpers
public import PixelClient

/// A ``CredentialPrompt`` with answers fixed in advance, for tests and for programs that collect
/// credentials their own way (a GUI dialog, a secrets manager).
///
/// It records every request so a test can check what was asked. A field asked for without a
/// scripted answer fails with ``CredentialPromptError/Reason/endOfInput(_:)``, like a person
/// pressing Ctrl-D.
///
/// ```swift
/// let prompt = ScriptedCredentialPrompt(username: "me@example.com", password: "S3NT1NEL-pa55word")
/// let answers = try await prompt.ask(CredentialRequest(missing: [.password]))
/// prompt.requests.count   // 1
/// ```
public final class ScriptedCredentialPrompt: CredentialPrompt {
    private let username: String?
    private let password: Secret<String>?
    public let canPrompt: Bool
    private let asked = NIOLockedValueBox<[CredentialRequest]>([])

    /// Creates a prompt that answers with `username` and `password`; `canPrompt: false` behaves
    /// like a terminal prompt without a TTY.
    public init(username: String? = nil, password: Secret<String>? = nil, canPrompt: Bool = true) {
        self.username = username
        self.password = password
        self.canPrompt = canPrompt
    }

    /// Every request received, in order.
    public var requests: [CredentialRequest] {
        asked.withLockedValue { $0 }
    }

    public func ask(_ request: CredentialRequest) async throws(CredentialPromptError) -> PromptedCredentials {
        asked.withLockedValue { $0.append(request) }
        guard canPrompt else { throw CredentialPromptError(.notInteractive) }
        var answers = PromptedCredentials()
        if request.missing.contains(.username) {
            guard let username else { throw CredentialPromptError(.endOfInput(.username)) }
            answers.username = username
        }
        if request.missing.contains(.password) {
            guard let password else { throw CredentialPromptError(.endOfInput(.password)) }
            answers.password = password
        }
        return answers
    }
}

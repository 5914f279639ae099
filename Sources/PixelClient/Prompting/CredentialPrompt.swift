public import Settings

/// A credential the settings may lack and a person may type.
public enum CredentialField: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case username
    case password

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    public var description: String { rawValue }
}

/// What a prompt is asked for: the missing fields plus context to show the person.
public struct CredentialRequest: Sendable, Hashable {
    /// The fields to ask for.
    public var missing: Set<CredentialField>
    /// The user name when it is already known (shown in the password prompt).
    public var username: String?
    /// The tenant, shown so the person knows which account is meant.
    public var tenant: String?

    /// Creates a request.
    public init(missing: Set<CredentialField>, username: String? = nil, tenant: String? = nil) {
        self.missing = missing
        self.username = username
        self.tenant = tenant
    }
}

/// The answers a prompt gave; `description` never shows the password.
public struct PromptedCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The typed user name, when it was asked for.
    public var username: String?
    /// The typed password, when it was asked for.
    public var password: Secret<String>?

    /// Creates answers.
    public init(username: String? = nil, password: Secret<String>? = nil) {
        self.username = username
        self.password = password
    }

    public var description: String {
        "PromptedCredentials(username: \(username ?? "nil"), password: \(password.map { "\($0)" } ?? "nil"))"
    }
}

/// Asks a person for missing credentials, only when the program runs interactively.
///
/// ```swift
/// let prompt: any CredentialPrompt = TerminalCredentialPrompt()
/// if prompt.canPrompt {
///     let answers = try await prompt.ask(CredentialRequest(missing: [.password], username: "me@example.com"))
/// }
/// ```
public protocol CredentialPrompt: Sendable {
    /// Whether asking can work right now (for a terminal: standard input is a TTY).
    var canPrompt: Bool { get }
    /// Asks for every field in `request.missing` and returns the answers.
    func ask(_ request: CredentialRequest) async throws(CredentialPromptError) -> PromptedCredentials
}

/// Why a prompt gave no answer. Never contains what was typed.
public struct CredentialPromptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// Standard input is not a terminal (a pipe, a file, a service without one).
        case notInteractive
        /// Input ended (Ctrl-D) before the field was answered.
        case endOfInput(CredentialField)
        /// The answer for the field was empty.
        case emptyAnswer(CredentialField)
        /// A signal arrived while asking, or the waiting task was cancelled.
        case interrupted
        /// Reading or writing the terminal failed (`errno` text).
        case io(String)
    }

    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notInteractive: "cannot ask for credentials: standard input is not a terminal"
        case .endOfInput(let field): "input ended before a \(field) was entered"
        case .emptyAnswer(let field): "no \(field) was entered"
        case .interrupted: "asking for credentials was interrupted"
        case .io(let detail): "terminal I/O failed: \(detail)"
        }
    }
}

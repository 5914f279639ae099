import Settings
import NIOConcurrencyHelpers
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks for missing credentials on the terminal: the user name with echo, the password without.
///
/// It only works when standard input is a TTY (`isatty(0)`); otherwise ``ask(_:)`` throws
/// ``CredentialPromptError/Reason/notInteractive`` at once, so services and pipelines never hang
/// waiting for a person. The reading happens on a dedicated thread, never on the Swift
/// cooperative pool, and echo is restored on every path (see `TerminalEchoGuard`). Prompts go
/// to standard error so standard output stays clean for the program's data. Cancelling the
/// waiting task stops the prompt within about 100 ms.
///
/// ```swift
/// let prompt = TerminalCredentialPrompt()
/// let answers = try await prompt.ask(CredentialRequest(missing: [.username, .password], tenant: "acme"))
/// // Pixel username (tenant acme): me@example.com
/// // Password for me@example.com:
/// ```
public struct TerminalCredentialPrompt: CredentialPrompt {
    private let input: Int32
    private let output: Int32
    private let assumeTerminal: Bool
    private let observer: PromptThreadObserver?

    /// A prompt on standard input and standard error.
    public init() {
        self.init(input: STDIN_FILENO, output: STDERR_FILENO, assumeTerminal: false)
    }

    /// A prompt on other descriptors. `assumeTerminal` skips the TTY check so tests can drive
    /// the real reading path through a pipe; `observer` is told, from the reading code itself,
    /// whether it runs inside a Swift task and on which thread.
    package init(input: Int32, output: Int32, assumeTerminal: Bool, observer: PromptThreadObserver? = nil) {
        self.input = input
        self.output = output
        self.assumeTerminal = assumeTerminal
        self.observer = observer
    }

    public var canPrompt: Bool {
        assumeTerminal || isatty(input) == 1
    }

    public func ask(_ request: CredentialRequest) async throws(CredentialPromptError) -> PromptedCredentials {
        guard canPrompt else { throw CredentialPromptError(.notInteractive) }
        guard !request.missing.isEmpty else { return PromptedCredentials() }
        let stop = PromptStopFlag()
        let session = TerminalPromptSession(input: input, output: output, stop: stop, observer: observer)
        let result = await withTaskCancellationHandler {
            await OffPoolThread.run(name: "pixel-prompt") {
                // One prompt at a time: two would interleave on one terminal, and the echo
                // guard's signal state is process-wide. Blocking here blocks only this thread.
                terminalPromptLock.withLock { session.ask(request) }
            }
        } onCancel: {
            stop.request()
        }
        return try result.get()
    }
}

/// Receives `(runsInsideASwiftTask, offPoolThreadName)` from the code that reads the answers.
package typealias PromptThreadObserver = @Sendable (Bool, String?) -> Void

/// Serialises terminal prompts across the process.
private let terminalPromptLock = NIOLock()

/// Set when the waiting task is cancelled; the read loop checks it between polls.
final class PromptStopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    func request() { flag.store(true, ordering: .relaxed) }

    var isRequested: Bool { flag.load(ordering: .relaxed) }
}

/// The blocking part of a prompt; runs on the prompt thread only.
struct TerminalPromptSession: Sendable {
    let input: Int32
    let output: Int32
    let stop: PromptStopFlag
    let observer: PromptThreadObserver?

    /// Longest accepted answer; longer input is not a user name or password.
    static let maximumLength = 4096

    func ask(_ request: CredentialRequest) -> Result<PromptedCredentials, CredentialPromptError> {
        // Cancelled while queued behind another prompt: do not print a prompt nobody awaits.
        if stop.isRequested { return .failure(CredentialPromptError(.interrupted)) }
        TerminalEchoGuard.clearInterruption()
        observer?(withUnsafeCurrentTask { $0 != nil }, OffPoolThread.currentName)
        var answers = PromptedCredentials()
        do throws(CredentialPromptError) {
            var username = request.username
            if request.missing.contains(.username) {
                let tenant = request.tenant.map { " (tenant \($0))" } ?? ""
                try emit("Pixel username\(tenant): ")
                let typed = try readLine(field: .username).trimmingWhitespace()
                guard !typed.isEmpty else { throw CredentialPromptError(.emptyAnswer(.username)) }
                answers.username = typed
                username = typed
            }
            if request.missing.contains(.password) {
                try emit(username.map { "Password for \($0): " } ?? "Password: ")
                let echo = TerminalEchoGuard(descriptor: input)
                defer { echo.restore() }
                let typed = try readLine(field: .password)
                guard !typed.isEmpty else { throw CredentialPromptError(.emptyAnswer(.password)) }
                answers.password = Secret(typed)
            }
        } catch {
            return .failure(error)
        }
        return .success(answers)
    }

    /// Reads one line, byte by byte so nothing after the newline is consumed. Waits in `poll`
    /// with a short timeout to notice cancellation and signals.
    private func readLine(field: CredentialField) throws(CredentialPromptError) -> String {
        var bytes: [UInt8] = []
        while true {
            if stop.isRequested || TerminalEchoGuard.wasInterrupted { throw CredentialPromptError(.interrupted) }
            var ready = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if polled < 0 {
                if errno == EINTR { continue }
                throw CredentialPromptError(.io(String(cString: strerror(errno))))
            }
            if polled == 0 { continue }
            var byte: UInt8 = 0
            let count = read(input, &byte, 1)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw CredentialPromptError(.io(String(cString: strerror(errno))))
            }
            if count == 0 {
                guard !bytes.isEmpty else { throw CredentialPromptError(.endOfInput(field)) }
                break
            }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
            if bytes.count > Self.maximumLength { throw CredentialPromptError(.io("answer longer than \(Self.maximumLength) bytes")) }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func emit(_ text: String) throws(CredentialPromptError) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(output, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw CredentialPromptError(.io(String(cString: strerror(errno))))
            }
            written += count
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

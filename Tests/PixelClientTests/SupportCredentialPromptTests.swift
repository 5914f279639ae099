import NIOConcurrencyHelpers
import Foundation
import PixelClient
import PixelClientTesting
import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose ends are closed by `close()` (each end once: a second close could hit a
/// descriptor another test has opened since).
private final class Pipe {
    let read: Int32
    let write: Int32
    private var writeEndOpen = true

    init() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        read = ends[0]
        write = ends[1]
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(write, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
    }

    /// Closes the writing end: the reader sees end of input.
    func closeWriteEnd() {
        guard writeEndOpen else { return }
        writeEndOpen = false
        _ = Glibc.close(write)
    }

    func close() {
        _ = Glibc.close(read)
        closeWriteEnd()
    }
}

/// Reads `count` bytes from `descriptor` on a dedicated thread (never blocking the test's task).
private func receive(_ count: Int, from descriptor: Int32) async -> String {
    await OffPoolThread.run(name: "test-pipe-reader") {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < count, Glibc.read(descriptor, &byte, 1) == 1 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private let sentinelPassword = "S3NT1NEL-pa55word"

/// A pseudo-terminal pair: the prompt uses `terminal` as its TTY, the test types into and reads
/// the screen from `controller`.
private final class PseudoTerminal {
    let controller: Int32
    let terminal: Int32

    init() throws {
        // posix_openpt and friends need _XOPEN_SOURCE, which the Glibc module does not set;
        // they are plain libc symbols, so look them up.
        let libc = dlopen(nil, RTLD_NOW)
        func function<F>(_ name: String, as type: F.Type) throws -> F {
            unsafeBitCast(try #require(dlsym(libc, name)), to: type)
        }
        typealias DescriptorCall = @convention(c) (Int32) -> Int32
        let openController = try function("posix_openpt", as: DescriptorCall.self)
        let grant = try function("grantpt", as: DescriptorCall.self)
        let unlock = try function("unlockpt", as: DescriptorCall.self)
        let terminalName = try function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        controller = openController(O_RDWR | O_NOCTTY)
        try #require(controller >= 0)
        try #require(grant(controller) == 0 && unlock(controller) == 0)
        let name = String(cString: try #require(terminalName(controller)))
        terminal = open(name, O_RDWR | O_NOCTTY)
        try #require(terminal >= 0)
    }

    var echoIsOn: Bool {
        var settings = termios()
        _ = tcgetattr(terminal, &settings)
        return settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Waits (suspending, not blocking) until the prompt has switched echo off.
    func waitForEchoOff() async throws {
        while echoIsOn { try await Task.sleep(for: .milliseconds(2)) }
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { Glibc.write(controller, $0.baseAddress, $0.count) } == bytes.count)
    }

    /// Everything the terminal has displayed so far.
    func screen() -> String {
        var shown: [UInt8] = []
        var ready = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        var byte: UInt8 = 0
        while poll(&ready, 1, 0) == 1, Glibc.read(controller, &byte, 1) == 1 { shown.append(byte) }
        return String(decoding: shown, as: UTF8.self)
    }

    func close() {
        _ = Glibc.close(terminal)
        _ = Glibc.close(controller)
    }
}

private let missingCredentials = SettingsError(problems: [
    .missing(field: "username", envNames: ["PIXEL_USERNAME", "KEYCLOAK_USERNAME"], filesConsulted: []),
    .missing(field: "password", envNames: ["PIXEL_PASSWORD", "KEYCLOAK_PASSWORD"], filesConsulted: []),
])

@Suite struct SupportCredentialPromptTests {
    @Test func theScriptedPromptAnswersOnlyWhatIsMissingAndRecordsTheRequest() async throws {
        let prompt = ScriptedCredentialPrompt(username: "me@example.com", password: Secret(sentinelPassword))
        let answers = try await prompt.ask(CredentialRequest(missing: [.password], username: "known@example.com", tenant: "acme"))
        #expect(answers.username == nil)
        #expect(answers.password?.reveal() == sentinelPassword)
        #expect(prompt.requests == [CredentialRequest(missing: [.password], username: "known@example.com", tenant: "acme")])
        #expect(!answers.description.contains(sentinelPassword))
        let unscripted = ScriptedCredentialPrompt(username: "me@example.com")
        await #expect(throws: CredentialPromptError(.endOfInput(.password))) {
            try await unscripted.ask(CredentialRequest(missing: [.username, .password]))
        }
    }

    @Test func missingCredentialsAreAskedForOnlyWhenPromptingIsAllowedAndPossible() async throws {
        let missing = try #require(CredentialField.promptable(from: missingCredentials))
        #expect(missing == [.username, .password])
        let prompt = ScriptedCredentialPrompt(username: "me@example.com", password: Secret(sentinelPassword))

        let answers = try await fillMissingCredentials(
            missing: missing, tenant: "acme", allowPrompt: true, prompt: prompt, settingsError: missingCredentials)
        #expect(answers == PromptedCredentials(username: "me@example.com", password: Secret(sentinelPassword)))
        #expect(prompt.requests == [CredentialRequest(missing: [.username, .password], tenant: "acme")])

        await #expect(throws: missingCredentials) {
            try await fillMissingCredentials(missing: missing, allowPrompt: false, prompt: prompt, settingsError: missingCredentials)
        }
        let noTerminal = ScriptedCredentialPrompt(username: "me@example.com", canPrompt: false)
        await #expect(throws: missingCredentials) {
            try await fillMissingCredentials(missing: missing, allowPrompt: true, prompt: noTerminal, settingsError: missingCredentials)
        }
        #expect(noTerminal.requests.isEmpty)
        #expect(
            try await fillMissingCredentials(missing: [], allowPrompt: true, prompt: prompt, settingsError: missingCredentials)
                == PromptedCredentials())
        #expect(prompt.requests.count == 1)
    }

    @Test func onlyMissingUsernameAndPasswordCanBeFixedByAsking() {
        #expect(CredentialField.username.rawValue == PixelSettings.FieldName.username)
        #expect(CredentialField.password.rawValue == PixelSettings.FieldName.password)
        #expect(
            CredentialField.promptable(from: SettingsError(problems: [.missing(field: "password", envNames: [], filesConsulted: [])])) == [.password])
        let mixed = SettingsError(problems: missingCredentials.problems + [.missing(field: "tenant", envNames: ["PIXEL_TENANT"], filesConsulted: [])])
        #expect(CredentialField.promptable(from: mixed) == nil)
        #expect(CredentialField.promptable(from: SettingsError(problems: [])) == nil)
    }

    @Test func theTerminalPromptRefusesWhenInputIsNotATerminal() async throws {
        let input = try Pipe()
        let output = try Pipe()
        defer {
            input.close()
            output.close()
        }
        let prompt = TerminalCredentialPrompt(input: input.read, output: output.write, assumeTerminal: false)
        #expect(!prompt.canPrompt)
        await #expect(throws: CredentialPromptError(.notInteractive)) {
            try await prompt.ask(CredentialRequest(missing: [.password]))
        }
        await #expect(throws: missingCredentials) {
            try await fillMissingCredentials(missing: [.username, .password], allowPrompt: true, prompt: prompt, settingsError: missingCredentials)
        }
    }

    @Test func theTerminalPromptReadsBothAnswersAndNeverWritesThePassword() async throws {
        let input = try Pipe()
        let output = try Pipe()
        defer {
            input.close()
            output.close()
        }
        let prompt = TerminalCredentialPrompt(input: input.read, output: output.write, assumeTerminal: true)
        input.send("  me@example.com \n\(sentinelPassword)\r\nleft for later\n")
        let answers = try await prompt.ask(CredentialRequest(missing: [.username, .password], tenant: "acme"))
        #expect(answers.username == "me@example.com")
        #expect(answers.password?.reveal() == sentinelPassword)
        let expectedPrompts = "Pixel username (tenant acme): Password for me@example.com: "
        let shown = await receive(expectedPrompts.utf8.count, from: output.read)
        #expect(shown == expectedPrompts)
        // Reading stops at the newline: the rest stays for the program.
        #expect(await receive(15, from: input.read) == "left for later\n")
    }

    @Test func theTerminalPromptReportsEndOfInputAndEmptyAnswers() async throws {
        let input = try Pipe()
        let output = try Pipe()
        defer {
            input.close()
            output.close()
        }
        let prompt = TerminalCredentialPrompt(input: input.read, output: output.write, assumeTerminal: true)
        input.send("\n")
        await #expect(throws: CredentialPromptError(.emptyAnswer(.password))) {
            try await prompt.ask(CredentialRequest(missing: [.password]))
        }
        input.closeWriteEnd()  // Ctrl-D
        await #expect(throws: CredentialPromptError(.endOfInput(.username))) {
            try await prompt.ask(CredentialRequest(missing: [.username]))
        }
    }

    @Test func theTerminalPromptReadsOnADedicatedThreadOutsideTheCooperativePool() async throws {
        let input = try Pipe()
        let output = try Pipe()
        defer {
            input.close()
            output.close()
        }
        let seen = NIOLockedValueBox<[(inTask: Bool, thread: String?)]>([])
        let prompt = TerminalCredentialPrompt(
            input: input.read, output: output.write, assumeTerminal: true,
            observer: { inTask, thread in seen.withLockedValue { $0.append((inTask, thread)) } })
        input.send("\(sentinelPassword)\n")
        _ = try await prompt.ask(CredentialRequest(missing: [.password], username: "me"))
        let observed = try #require(seen.withLockedValue { $0.first })
        #expect(observed.inTask == false)  // code on the cooperative pool always has a current task
        #expect(observed.thread == "pixel-prompt")
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheWaitingTaskStopsABlockedPrompt() async throws {
        let input = try Pipe()
        let output = try Pipe()
        defer {
            input.close()
            output.close()
        }
        let prompt = TerminalCredentialPrompt(input: input.read, output: output.write, assumeTerminal: true)
        let waiting = Task { try await prompt.ask(CredentialRequest(missing: [.password], username: "me")) }
        // Once the prompt text is out, the prompt thread is blocked waiting for input.
        #expect(await receive("Password for me: ".utf8.count, from: output.read) == "Password for me: ")
        waiting.cancel()
        await #expect(throws: CredentialPromptError(.interrupted)) { try await waiting.value }
        // The process-wide prompt lock was released: the next prompt works.
        input.send("next\n")
        #expect(try await prompt.ask(CredentialRequest(missing: [.username])).username == "next")
    }
}

/// Tests on a pseudo-terminal: they change terminal modes and process-wide signal handlers, so
/// they run one at a time. Prompts are child tasks (`async let`): if a test is cut off, the
/// cancellation reaches the prompt and its thread ends.
@Suite(.serialized) struct SupportTerminalEchoTests {
    @Test(.timeLimit(.minutes(1)))
    func onARealTerminalThePasswordIsNotEchoedAndEchoComesBackOnEveryPath() async throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let prompt = TerminalCredentialPrompt(input: pty.terminal, output: pty.terminal, assumeTerminal: false)
        #expect(prompt.canPrompt)  // isatty() says yes without any override
        #expect(pty.echoIsOn)

        async let answered = prompt.ask(CredentialRequest(missing: [.password], username: "me"))
        try await pty.waitForEchoOff()
        pty.type("\(sentinelPassword)\n")
        #expect(try await answered.password?.reveal() == sentinelPassword)
        #expect(pty.echoIsOn)
        let screen = pty.screen()
        #expect(screen.hasPrefix("Password for me: "))
        #expect(!screen.contains(sentinelPassword))

        async let empty = prompt.ask(CredentialRequest(missing: [.password], username: "me"))
        try await pty.waitForEchoOff()
        pty.type("\n")
        do {
            _ = try await empty
            Issue.record("an empty password was accepted")
        } catch {
            #expect(error as? CredentialPromptError == CredentialPromptError(.emptyAnswer(.password)))
        }
        #expect(pty.echoIsOn)  // restored on the error path too
    }

    @Test(.timeLimit(.minutes(1)))
    func aSignalWhileTheEchoIsOffRestoresItAndStopsThePrompt() async throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        // SIGQUIT: nothing else in the test process traps it (registries in watch mode and
        // swift-configuration's reloading providers trap SIGHUP, and would take a hang-up away
        // from the prompt). Ignored as the previous disposition, so re-raising it cannot end the
        // test process.
        let previous = signal(SIGQUIT, SIG_IGN)
        defer { signal(SIGQUIT, previous) }
        let prompt = TerminalCredentialPrompt(input: pty.terminal, output: pty.terminal, assumeTerminal: false)
        async let interrupted = prompt.ask(CredentialRequest(missing: [.password], username: "me"))
        try await pty.waitForEchoOff()
        // Process-directed like a real Ctrl-C or hang-up: `raise()` here would target this
        // cooperative-pool thread, where libdispatch keeps signals blocked.
        kill(getpid(), SIGQUIT)
        // Only the signal handler sets what makes the prompt end with `.interrupted`.
        do {
            _ = try await interrupted
            Issue.record("the prompt went on after the signal")
        } catch {
            #expect(error as? CredentialPromptError == CredentialPromptError(.interrupted))
        }
        #expect(pty.echoIsOn)
    }
}

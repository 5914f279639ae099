import Foundation
import PixelClient
import Settings
import Synchronization
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

        let answers = try await fillMissingCredentials(missing: missing, tenant: "acme", allowPrompt: true, prompt: prompt, settingsError: missingCredentials)
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
        #expect(try await fillMissingCredentials(missing: [], allowPrompt: true, prompt: prompt, settingsError: missingCredentials) == PromptedCredentials())
        #expect(prompt.requests.count == 1)
    }

    @Test func onlyMissingUsernameAndPasswordCanBeFixedByAsking() {
        #expect(CredentialField.username.rawValue == PixelSettings.FieldName.username)
        #expect(CredentialField.password.rawValue == PixelSettings.FieldName.password)
        #expect(CredentialField.promptable(from: SettingsError(problems: [.missing(field: "password", envNames: [], filesConsulted: [])])) == [.password])
        let mixed = SettingsError(problems: missingCredentials.problems + [.missing(field: "tenant", envNames: ["PIXEL_TENANT"], filesConsulted: [])])
        #expect(CredentialField.promptable(from: mixed) == nil)
        #expect(CredentialField.promptable(from: SettingsError(problems: [])) == nil)
    }

    @Test func theTerminalPromptRefusesWhenInputIsNotATerminal() async throws {
        let input = try Pipe(), output = try Pipe()
        defer { input.close(); output.close() }
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
        let input = try Pipe(), output = try Pipe()
        defer { input.close(); output.close() }
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
        let input = try Pipe(), output = try Pipe()
        defer { input.close(); output.close() }
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
        let input = try Pipe(), output = try Pipe()
        defer { input.close(); output.close() }
        let seen = Mutex<[(inTask: Bool, thread: String?)]>([])
        let prompt = TerminalCredentialPrompt(
            input: input.read, output: output.write, assumeTerminal: true,
            observer: { inTask, thread in seen.withLock { $0.append((inTask, thread)) } })
        input.send("\(sentinelPassword)\n")
        _ = try await prompt.ask(CredentialRequest(missing: [.password], username: "me"))
        let observed = try #require(seen.withLock { $0.first })
        #expect(observed.inTask == false)  // code on the cooperative pool always has a current task
        #expect(observed.thread == "pixel-prompt")
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheWaitingTaskStopsABlockedPrompt() async throws {
        let input = try Pipe(), output = try Pipe()
        defer { input.close(); output.close() }
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

import Foundation
@testable import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Change detection on the real process environment needs `setenv`, and `setenv` must never
/// run while other tests read the environment (glibc's `environ` is not safe to change under a
/// reader). So those tests run in a child process of their own: this test starts the test
/// binary again with only ``ProcessEnvironmentChildTests`` enabled, and expects them to pass.
struct ProcessEnvironmentTests {
    /// Set in the child process only.
    static let isChild = ProcessInfo.processInfo.environment["PIXEL_PROCESS_ENVIRONMENT_CHILD"] == "1"

    @Test(.enabled(if: !isChild))
    func processEnvironmentChangesAreSeenInAProcessOfTheirOwn() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "ProcessEnvironmentChildTests"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PIXEL_PROCESS_ENVIRONMENT_CHILD": "1"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let finished = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { finished.continuation.yield($0.terminationStatus) }
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        var statuses = finished.stream.makeAsyncIterator()
        let status = await statuses.next()
        #expect(status == 0, "\(text)")
        #expect(text.contains("Test run with 1 test "), "\(text)")
    }
}

/// Runs only in the child process started by ``ProcessEnvironmentTests`` (unique variable names
/// all the same, in case someone runs them directly).
@Suite(.enabled(if: ProcessEnvironmentTests.isChild), .serialized)
struct ProcessEnvironmentChildTests {
    @Test func processEnvironmentSetChangedAndUnsetAreSeen() throws {
        let prefix = "CHG_\(UUID().uuidString.prefix(8))_"
        let schema = SettingsSchema(
            name: "chg", prefixes: [prefix],
            fields: [
                SettingField("a", env: [.init("\(prefix)A")], type: .string, requirement: .required, doc: ""),
                SettingField("b", env: [.init("\(prefix)B"), .init("\(prefix)OLD_B")], type: .string, requirement: .optional, doc: ""),
            ])
        setenv("\(prefix)A", "1", 1)
        defer {
            unsetenv("\(prefix)A")
            unsetenv("\(prefix)B")
            unsetenv("\(prefix)OLD_B")
        }
        let resolve = { try SettingsResolver(schema: schema).resolve(SettingsSources(workingDirectory: "/")) }
        var resolved = try resolve()
        #expect(resolved.string("a") == "1")
        #expect(resolved.inputs.consultedEnvironmentNames == ["\(prefix)A", "\(prefix)B", "\(prefix)OLD_B"])
        #expect(resolved.isUnchanged())

        // An unrelated variable moves `environ`; the values are compared and found equal.
        setenv("\(prefix)UNRELATED_\(UUID().uuidString.prefix(4))", "x", 1)
        #expect(resolved.isUnchanged())
        #expect(resolved.isUnchanged())

        setenv("\(prefix)A", "2", 1)
        #expect(!resolved.isUnchanged())
        resolved = try resolve()
        #expect(resolved.isUnchanged())

        setenv("\(prefix)OLD_B", "set", 1)
        #expect(!resolved.isUnchanged())
        resolved = try resolve()

        unsetenv("\(prefix)OLD_B")
        #expect(!resolved.isUnchanged())
        resolved = try resolve()
        #expect(resolved.inputs.isUnchanged(checkingValues: true))
    }
}

import Foundation
import Testing

struct HelpTests {
    @Test func topLevelHelpListsTheDemo() throws {
        let process = Process()
        process.executableURL = CLIBinary.url
        process.arguments = ["--help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("demo"))
    }
}

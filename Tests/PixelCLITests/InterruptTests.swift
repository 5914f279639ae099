import Foundation
import PixelEmulator
import Testing

/// Ctrl-C during an upload: the command stops its work, says so in one line and exits 130.
struct InterruptTests {
    @Test func ctrlCDuringAnUploadCancelsItAndExits130() async throws {
        // Validation never completes, so the upload is still waiting when SIGINT arrives: the test
        // interrupts on the emulator's state (a job-group poll was seen), not after a delay.
        var configuration = CLIAccount.emulatorConfiguration
        configuration.jobPollsUntilComplete = Int.max
        try await PixelEmulator.withRunning(configuration) { emulator in
            try await withTemporaryDirectory { home in
                let env = CLIAccount.environment(emulator, home: home)
                let project = try await CLIRun.run(
                    ["projects", "create", "--name", "Interrupted", "--bbox", "10,59,11,60", "--json"], environment: env, in: home)
                let projectID = try #require(EndToEndTests.id(project.stdout))
                let collection = try await CLIRun.run(
                    ["collections", "create", "--project", "\(projectID)", "--name", "Photos", "--type", "image", "--json"],
                    environment: env, in: home)
                let collectionID = try #require(EndToEndTests.id(collection.stdout))
                try Data(repeating: 7, count: 2048).write(to: home.appendingPathComponent("slow.jpg"))

                let stats = emulator.stats
                let result = try await CLIRun.runInterrupting(
                    ["images", "upload", "--project", "\(projectID)", "--collection", "\(collectionID)", "slow.jpg"],
                    environment: env, in: home, when: { stats.routeCounts.contains { $0.key.hasPrefix("GET /jobs") && $0.value > 0 } })
                #expect(result.status == 130, "\(result)")
                #expect(result.stderr.contains("pixel: cancelled; requests in flight were stopped."))
                #expect(result.stderr.contains("stopped."))
                #expect(!result.stderr.contains(CLIAccount.password))
            }
        }
    }
}

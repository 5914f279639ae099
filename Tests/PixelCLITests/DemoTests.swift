import Foundation
import Testing

/// `pixel demo` from an empty environment: it succeeds, walks every step and prints no secret.
struct DemoTests {
    @Test func demoRunsFromNothingAndNeverPrintsThePassword() async throws {
        try await withTemporaryDirectory { directory in
            let result = try await CLIRun.run(["demo"], environment: ["HOME": directory.path], in: directory)
            #expect(result.status == 0, "\(result)")
            for heading in ["== 1. Settings", "== 2. Sign in", "== 3. Create", "== 4. Upload 3", "== 5. Search", "== 6. Change a setting", "== Done"]
            {
                #expect(result.stdout.contains(heading), "missing \(heading)")
            }
            #expect(result.stdout.contains("Uploaded 3 of 3 files"))
            #expect(result.stdout.contains("3 of 3 images matched."))
            #expect(result.stdout.contains("rebuilt as generation 2 (apiTimeout"))
            #expect(result.stdout.contains("<redacted>"))
            // The emulator's demo password is public, but a tour that prints passwords teaches the wrong thing.
            #expect(!result.stdout.contains("demo-password") && !result.stderr.contains("demo-password"))
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }
}

@testable import Settings
import Testing

struct EnvironmentFastPathTests {
    /// The unchanged check on the process environment takes the pointer-walk fast path: right
    /// after a resolution, and again after an unrelated change once the values were confirmed.
    @Test func snapshotMatchesUntilTheEnvironmentMoves() throws {
        let schema = SettingsSchema(
            name: "fast", prefixes: [],
            fields: [
                SettingField("x", env: ["FASTPATH_UNSET_X"], type: .string, requirement: .optional, doc: "")
            ])
        // Another test process's child may be changing its own environment, never this one's; the
        // loop only guards against this process's threads starting (which can move `environ`).
        var matchedTwice = false
        for _ in 0..<50 where !matchedTwice {
            let resolved = try SettingsResolver(schema: schema).resolve(SettingsSources(workingDirectory: "/"))
            let snapshot = try #require(resolved.inputs.snapshot)
            matchedTwice = snapshot.matchesProcess() && snapshot.matchesProcess()
        }
        #expect(matchedTwice)
    }
}

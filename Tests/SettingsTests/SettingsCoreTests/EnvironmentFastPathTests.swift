@testable import Settings
import Testing

struct EnvironmentFastPathTests {
    /// The unchanged check on the process environment takes the pointer-walk fast path: right
    /// after a resolution, and again after an unrelated change once the values were confirmed.
    @Test func snapshotMatchesUntilTheEnvironmentMoves() throws {
        let schema = SettingsSchema(name: "fast", prefixes: [], fields: [
            SettingField("x", env: ["FASTPATH_UNSET_X"], type: .string, requirement: .optional, doc: ""),
        ])
        let resolved = try SettingsResolver(schema: schema).resolve(SettingsSources(workingDirectory: "/"))
        let snapshot = try #require(resolved.inputs.snapshot)
        #expect(snapshot.matchesProcess())
        #expect(snapshot.matchesProcess())
    }
}

import Settings
import Testing

/// A `.env` whose keys reference earlier keys many times over grows exponentially under
/// interpolation (python-dotenv expands it until memory runs out); here the text that references
/// add to one file is bounded by `DotEnv.maxInterpolatedBytes`.
struct DotEnvInterpolationBombTests {
    /// `A` is 100 bytes, each next key references the previous one 100 times: `D` alone would be
    /// 100 MB and `J` 10^20 bytes.
    private static let bomb: String = {
        var lines = ["A=" + String(repeating: "x", count: 100)]
        let names = Array("ABCDEFGHIJ").map(String.init)
        for index in 1..<names.count {
            lines.append(names[index] + "=" + String(repeating: "${\(names[index - 1])}", count: 100))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test(arguments: [DotEnvMode.compat, .strict])
    func anExponentialExpansionStopsAtTheReferenceThatCrossesTheBudget(mode: DotEnvMode) throws {
        do {
            _ = try DotEnv.parse(Self.bomb, file: ".env", mode: mode)
            Issue.record("the interpolation bomb was expanded")
        } catch {
            // B adds 10,000 bytes and C 1,000,000; D's first reference (1,000,000 more) is past 1 MiB.
            #expect(error.location == SourceLocation(file: ".env", line: 4, column: 3))
            #expect(error.message == "interpolation would add more than 1048576 bytes to the file at this reference in the value of 'D'")
        }
    }

    @Test func manyLinesThatEachStayUnderTheBudgetAreStillBoundedTogether() throws {
        // One 64 KiB value copied into 20 keys: each line is harmless, the 17th copy passes 1 MiB.
        let text =
            "A=" + String(repeating: "y", count: 65_536) + "\n"
            + (1...20).map { "K\($0)=${A}" }.joined(separator: "\n")
        do {
            _ = try DotEnv.parse(text, file: ".env")
            Issue.record("more than the budget was added")
        } catch {
            #expect(error.location == SourceLocation(file: ".env", line: 18, column: 5))
        }
    }

    /// Found by fuzzing the two modes against each other: compat mode expands `$${X}` (a `$`, then
    /// `${X}`), strict mode reads `$$` as a literal `$`, so only compat mode spends the budget.
    @Test func compatModeSpendsTheBudgetOnReferencesStrictModeKeepsLiteral() throws {
        let big = String(repeating: "b", count: 600_000)
        let text = "A=$${BIG}\nB=$${BIG}\n"
        let strict = try DotEnv.parse(text, mode: .strict) { $0 == "BIG" ? big : nil }
        #expect(strict.values.map(\.value) == ["${BIG}", "${BIG}"])
        #expect(throws: SettingsFileError.self) { try DotEnv.parse(text, mode: .compat) { $0 == "BIG" ? big : nil } }
    }

    @Test func realisticReferencesAreUnaffected() throws {
        let document = try DotEnv.parse(
            "HOST=api.example.com\nURL=https://${HOST}/v1\nURL2=${URL}/x ${MISSING:-d}\n", environment: { _ in nil })
        #expect(document.values.map(\.value) == ["api.example.com", "https://api.example.com/v1", "https://api.example.com/v1/x d"])
    }
}

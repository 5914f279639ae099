import Settings
import Testing

@Suite("DotEnv strict mode")
struct DotEnvStrictTests {
    /// The error strict mode throws for `text`, or `nil` when it parses.
    private func strictError(_ text: String, environment: [String: String] = [:]) -> SettingsFileError? {
        do {
            _ = try DotEnv.parse(text, file: ".env", mode: .strict, environment: { environment[$0] })
            return nil
        } catch {
            return error
        }
    }

    private func strictValues(_ text: String, environment: [String: String] = [:]) throws -> [String?] {
        try DotEnv.parse(text, file: ".env", mode: .strict, environment: { environment[$0] }).values.map(\.value)
    }

    @Test(arguments: [
        ("A B=1", 1, 3, "unexpected text after the key 'A' (expected '=', a comment or the end of the line)"),
        ("A=1\n\n  =b", 3, 3, "expected a key before '='"),
        ("\"A\"=1", 1, 1, "a key cannot be double-quoted (python-dotenv keeps the quotes in the key)"),
        ("A=1\nB=\"never closed\nC=2", 2, 3, "unterminated double-quoted value of 'B'"),
        ("A='x' y", 1, 7, "unexpected text after the value of 'A'"),
        ("X=\"a\\\\\" b", 1, 9, "unexpected text after the value of 'X'"),
        ("export ", 1, 8, "expected a key"),
        ("''=1", 1, 1, "empty single-quoted key"),
        ("'AB=1", 1, 1, "unterminated single-quoted key"),
        ("A=1\r\nB C\r\n", 2, 3, "unexpected text after the key 'B' (expected '=', a comment or the end of the line)"),
        ("\u{FEFF}A B=1", 1, 3, "unexpected text after the key 'A' (expected '=', a comment or the end of the line)"),
        ("é=1\nü ö=2", 2, 3, "unexpected text after the key 'ü' (expected '=', a comment or the end of the line)"),
        ("A=\"x\ny\" z", 2, 4, "unexpected text after the value of 'A'"),
        ("A=${X", 1, 3, "unterminated '${' (write '$$' for a literal '$') in the value of 'A'"),
        ("A=\"x\n${}\"", 2, 1, "'${' needs a variable name (write '$$' for a literal '$') in the value of 'A'"),
        ("A=${X:-${Y}}", 1, 8, "a default cannot contain another '${' reference in the value of 'A'"),
        ("A=${X:y}", 1, 3, "a reference is '${NAME}' or '${NAME:-default}' in the value of 'A'"),
        ("A=é$$${", 1, 6, "unterminated '${' (write '$$' for a literal '$') in the value of 'A'"),
        ("A=\"\\n\\t${BAD\"", 1, 8, "unterminated '${' (write '$$' for a literal '$') in the value of 'A'"),
        ("A=${ X }", 1, 3, "'${' needs a variable name (write '$$' for a literal '$') in the value of 'A'"),
    ])
    func malformedStatementThrowsAtTheOffendingCharacter(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(strictError(text))
        #expect(error.format == .dotenv)
        #expect(error.location == SourceLocation(file: ".env", line: line, column: column))
        #expect(error.message == message)
        #expect(error.description == ".env:\(line):\(column): \(message)")
    }

    @Test func wellFormedFileReadsLikeCompat() throws {
        let text = "# settings\nexport A=1 # one\nB='two words'\nC=\"multi\nline\\tvalue\"\nD\nE=${A}-${HOME:-h}\n"
        let strict = try DotEnv.parse(text, mode: .strict)
        let compat = try DotEnv.parse(text, mode: .compat)
        #expect(strict.values.map(\.key) == compat.values.map(\.key))
        #expect(strict.values.map(\.value) == compat.values.map(\.value))
        #expect(strict.bindings == compat.bindings)
        #expect(strict.warnings.isEmpty)
    }

    @Test func singleQuotedValuesAreNeverInterpolated() throws {
        #expect(try strictValues("A='${X}'\nB=\"${X}\"\nC=${X}", environment: ["X": "x"]) == ["${X}", "x", "x"])
        let document = try DotEnv.parse("A='${X}'", mode: .strict, environment: { _ in "x" })
        #expect(document.referencedEnvironmentNames.isEmpty)
    }

    @Test func doubleDollarIsALiteralDollar() throws {
        #expect(try strictValues("A=$$HOME\nB=\"a$$b\"\nC=${X:-a$$b}\nD=cost $5 $") == ["$HOME", "a$b", "a$b", "cost $5 $"])
        #expect(try strictValues("A='$$'") == ["$$"])
    }

    @Test func noInterpolationMeansDollarIsPlain() throws {
        let document = try DotEnv.parse("A=$$\nB=${X", mode: .strict, interpolate: false)
        #expect(document.values.map(\.value) == ["$$", "${X"])
    }

    @Test func commentAfterEmptyValueIsAnEmptyValueWithAWarning() throws {
        let strict = try DotEnv.parse("A= #note\nB=#kept", file: ".env", mode: .strict)
        #expect(strict.values.map(\.value) == ["", "#kept"])
        #expect(strict.warnings.map(\.location) == [SourceLocation(file: ".env", line: 1, column: 4)])
        let compat = try DotEnv.parse("A= #note\nB=#kept", mode: .compat)
        #expect(compat.values.map(\.value) == ["#note", "#kept"])
    }

    @Test func backslashPairsWithTheCharacterItEscapes() throws {
        // Compat (python-dotenv) lets the quote of `\'` close when nothing else does, and otherwise
        // runs on to a later quote; strict ends the value where it visibly ends.
        let text = "A='C:\\\\' # c\nB='x'"
        #expect(try strictValues(text) == ["C:\\", "x"])
        let compat = try DotEnv.parse(text)
        #expect(compat.values.isEmpty)
        #expect(compat.warnings.count == 1)
    }

    @Test func lineEndingsInsideQuotesBecomeLF() throws {
        #expect(try strictValues("A=\"x\r\ny\"\r\nB='1\r2'") == ["x\ny", "1\n2"])
    }

    @Test func errorsNeverContainValues() {
        let sentinel = "S3NT1NEL-pa55word"
        for text in ["PASSWORD=\"\(sentinel)", "PASSWORD='\(sentinel)' x", "PASSWORD=\(sentinel)${", "PASSWORD \(sentinel)"] {
            let error = strictError(text)
            #expect(error != nil)
            #expect(error.map { !$0.description.contains("S3NT") } == true)
        }
    }
}

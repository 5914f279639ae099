import Foundation
import Settings
import Testing

/// `.env` bytes that are not UTF-8 are a located error in both modes, as python-dotenv refuses
/// them too; they are never decoded with replacement characters.
struct DotEnvInvalidUTF8Tests {
    private func failure(_ bytes: [UInt8], mode: DotEnvMode = .compat) -> SettingsFileError? {
        do {
            _ = try DotEnv.parse(bytes: bytes, file: ".env", mode: mode)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [DotEnvMode.compat, .strict])
    func invalidUTF8IsALocatedErrorInBothModes(mode: DotEnvMode) throws {
        let bytes = Array("PIXEL_USERNAME=".utf8) + [0xFF, 0xFE] + Array("\nPIXEL_PASSWORD=\(sentinel)\n".utf8)
        let error = try #require(failure(bytes, mode: mode))
        #expect(error.format == .dotenv)
        #expect(error.location == SourceLocation(file: ".env", line: 1, column: 16))
        #expect(
            error.description == ".env:1:16: the file is not valid UTF-8 (a malformed byte sequence at byte offset 15); settings files must be UTF-8")
        #expect(!error.description.contains(sentinel))
    }

    @Test func theColumnCountsCharactersAndTheLineCountsCRLF() throws {
        let bytes = Array("A=1\r\nB=2\rC=é€😀".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = try #require(failure(bytes))
        #expect(error.location == SourceLocation(file: ".env", line: 3, column: 6))
        #expect(error.message.contains("byte offset 20"))
    }

    @Test(
        arguments: [
            [0xC0, 0x80],  // overlong NUL
            [0xE0, 0x80, 0xAF],  // overlong '/'
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0x80],  // lone continuation byte
            [0xE2, 0x82],  // truncated at the end of the file
        ] as [[UInt8]])
    func everyMalformedSequenceIsRejected(sequence: [UInt8]) throws {
        let error = try #require(failure(Array("KEY=ab".utf8) + sequence))
        #expect(error.location == SourceLocation(file: ".env", line: 1, column: 7))
    }

    @Test func aByteOrderMarkCountsInTheOffsetButNotInTheColumn() throws {
        let error = try #require(failure([0xEF, 0xBB, 0xBF] + Array("A=".utf8) + [0xFF]))
        #expect(error.location == SourceLocation(file: ".env", line: 1, column: 3))
        #expect(error.message.contains("byte offset 5"))
    }

    @Test func aUTF16FileIsRejectedAtItsFirstByte() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("A=1\n".utf8).flatMap { [$0, 0] }
        let error = try #require(failure(utf16))
        #expect(error.location == SourceLocation(file: ".env", line: 1, column: 1))
    }

    @Test func validUTF8OutsideASCIIIsStillRead() throws {
        let document = try DotEnv.parse(bytes: Array("NAME=Ærøskøbing 😀\n".utf8), file: ".env")
        #expect(document.values.map(\.value) == ["Ærøskøbing 😀"])
    }

    /// Resolves `demoSchema` with `bytes` as the only `.env` or YAML file; the error it gives.
    private func resolutionError(_ bytes: [UInt8], yaml: Bool) throws -> SettingsError? {
        let directory = try TemporaryDirectory()
        let name = yaml ? "s.yaml" : ".env"
        try Data(bytes).write(to: URL(fileURLWithPath: directory.path + "/" + name))
        do {
            _ = try resolveDemo(
                env: ["DEMO_PASSWORD": sentinel], envFiles: yaml ? [] : [SettingsFile(name)], yamlFiles: yaml ? [SettingsFile(name)] : [],
                directory: directory.path)
            return nil
        } catch {
            return error
        }
    }

    @Test func resolutionFailsWithTheLocatedErrorAndMarksTheFileMalformed() throws {
        let error = try #require(try resolutionError(Array("DEMO_USERNAME=".utf8) + [0xFF, 0xFE] + Array("\n".utf8), yaml: false))
        #expect(
            error.problems.first
                == .file(
                    SettingsFileError(
                        format: .dotenv,
                        message: "the file is not valid UTF-8 (a malformed byte sequence at byte offset 14); settings files must be UTF-8",
                        location: SourceLocation(file: ".env", line: 1, column: 15))))
        #expect(error.description.contains("username: missing; looked for env DEMO_USERNAME, LEGACY_USERNAME; files: .env (malformed)"))
    }

    @Test func aYAMLFileThatIsNotUTF8FailsResolutionTheSameWay() throws {
        let error = try #require(try resolutionError(Array("demo:\n  username: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8), yaml: true))
        #expect(
            error.problems.first?.description
                == "s.yaml:2:17: the file is not valid UTF-8 (invalid trailing UTF-8 octet at byte offset 22); settings files must be UTF-8")
        #expect(error.description.contains("files: s.yaml (malformed)"))
    }
}

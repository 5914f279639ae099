import Foundation
import Testing

@testable import Settings

/// The shortcuts of the cold resolution path give exactly what the general paths give.
struct ColdPathTests {
    @Test func asciiURLShortcutAgreesWithTheCharacterCheck() {
        let cases = [
            "http://a", "HTTPS://x.y/z", "HtTp://host:80/p?q#f", "http://", "https://", "https:///p", "http://?q", "http://#f",
            "http://a b", "http://a\tb", "http://a\nb", "http://a\r\nb", "http://a\u{0B}b", "http://a\u{1C}b", "ftp://x", "http:/x",
            "", "h", "http:", "http://\r\n", "https://é.example", "https://x\u{2003}y", "http://x\u{85}", "http://a/\u{301}",
        ]
        for text in cases {
            #expect(SettingType.isAbsoluteHTTPURL(text) == SettingType.isAbsoluteHTTPURLByCharacters(text), "\(text.debugDescription)")
        }
    }

    /// UTF-8 bytes (ASCII ones take the in-place path); bytes that are not UTF-8 are an error,
    /// see ``DotEnvInvalidUTF8Tests``.
    @Test func dotEnvBytesParseLikeTheDecodedText() throws {
        let inputs: [[UInt8]] = [
            Array("A=1\r\nB='x'\rexport C=\"q\\\"r\" # c\nD\n".utf8),
            Array("KEY=é ${HOME_X:-d}\nÉ=1\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("A=1\n".utf8),
            [],
        ]
        for bytes in inputs {
            for mode in [DotEnvMode.compat, .strict] {
                let direct = Result { () throws(SettingsFileError) in
                    try DotEnv.parse(bytes: bytes, file: ".env", mode: mode, interpolate: true, environment: { _ in "v" })
                }
                let viaText = Result { () throws(SettingsFileError) in
                    try DotEnv.parse(String(decoding: bytes, as: UTF8.self), file: ".env", mode: mode, environment: { _ in "v" })
                }
                #expect(direct == viaText, "\(bytes)")
            }
        }
    }

    @Test func duplicateKeysAreFoundBeforeAndAfterTheLinearScanLimit() throws {
        let keys = (0..<20).map { "key\($0): v\($0)\n" }.joined()
        for (duplicate, line) in [("key3", 4), ("key19", 20), ("key16", 17)] {
            do {
                _ = try YAMLDocument.parse(keys + "\(duplicate): again\n", file: "p.yaml")
                Issue.record("no error for \(duplicate)")
            } catch {
                #expect(error.location == SourceLocation(file: "p.yaml", line: 21, column: 1))
                #expect(error.relatedLocation == SourceLocation(file: "p.yaml", line: line, column: 1))
                #expect(error.message.contains("\"\(duplicate)\""))
            }
        }
        #expect(try YAMLDocument.parse(keys, file: "p.yaml")?.entries?.count == 20)
    }

    @Test func consultedNamesMergeSchemaAndOtherNamesInOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".env", "DEMO_LABEL=${AAA_FIRST}${ZZZ_LAST}${DEMO_MODE}${MIDDLE_NAME}\n")
        let environment = ["AAA_FIRST": "a", "MIDDLE_NAME": "m", "DEMO_USERNAME": "u", "DEMO_PASSWORD": "p", "DEMO_ENV_FILE": ".env"]
        let resolved = try SettingsResolver(schema: demoSchema).resolve(
            SettingsSources(
                environment: .dictionary(environment), envFiles: .discover(selector: "DEMO_ENV_FILE", defaultPath: "none.env"),
                workingDirectory: directory.path))
        let names = resolved.inputs.consultedEnvironmentNames
        #expect(names == names.sorted())
        #expect(Set(names) == Set(demoSchema.allEnvNames + ["AAA_FIRST", "ZZZ_LAST", "MIDDLE_NAME", "DEMO_ENV_FILE"]))
        #expect(resolved.string("label") == "am")
        #expect(resolved.inputs.isUnchanged(environment: environment))
        var changed = environment
        changed["ZZZ_LAST"] = "now set"
        #expect(!resolved.inputs.isUnchanged(environment: changed))
    }

    @Test func thePrefilterNeverTurnsAwayAnEqualKey() {
        let names = ["KEY", "PIXEL_TENANT", "tenant"]
        let filter = KeyPrefilter(names: names)
        for name in names { #expect(filter.mayMatch(name)) }
        #expect(!filter.mayMatch("OTHER_TOOL"))
        #expect(!filter.mayMatch("KEYS"))
        // The Kelvin sign equals "K" as a String, so a non-ASCII key always goes to the dictionary,
        // and a non-ASCII name switches the filter off.
        #expect("\u{212A}EY" == "KEY")
        #expect(filter.mayMatch("\u{212A}EY"))
        #expect(KeyPrefilter(names: ["\u{212A}EY"]).mayMatch("KEY"))
        #expect(filter.mayMatch(""))
    }

    @Test func keysEqualToANameButSpelledDifferentlyStillResolve() throws {
        let directory = try TemporaryDirectory()
        // Spelled with the Kelvin sign (U+212A), the key equals `K_KEY` as a String, which is how the
        // name dictionaries have always matched it; the prefilter must not turn it away.
        let schema = SettingsSchema(
            name: "k", prefixes: ["K_"],
            fields: [
                SettingField("key", env: ["K_KEY"], type: .string, requirement: .optional, doc: "")
            ])
        try directory.write(".env", "\u{212A}_\u{212A}EY=fromDotEnv\n")
        try directory.write("k.yaml", "\u{212A}_\u{212A}EY: fromYAML\n")
        let dotEnv = try SettingsResolver(schema: schema).resolve(
            SettingsSources(
                environment: .dictionary([:]), envFiles: .files([".env"]), workingDirectory: directory.path))
        #expect(dotEnv.string("key") == "fromDotEnv")
        let yaml = try SettingsResolver(schema: schema).resolve(
            SettingsSources(
                environment: .dictionary([:]), yamlFiles: .files(["k.yaml"]), workingDirectory: directory.path))
        #expect(yaml.string("key") == "fromYAML")
    }

    #if os(Linux)
    /// procfs files report size 0; the read must still run to the end of the content.
    @Test func filesWhoseSizeIsUnderstatedAreReadToTheEnd() throws {
        let snapshot = try FileStamp.read(path: "/proc/self/status")
        let text = String(decoding: try #require(snapshot.contents), as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("VmPeak") || text.contains("Pid:"))
    }
    #endif
}

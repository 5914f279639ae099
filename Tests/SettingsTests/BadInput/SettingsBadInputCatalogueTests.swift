import Foundation
import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One malformed input of RELIABILITY.md's catalogue and exactly what the user is told.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// The name RELIABILITY.md uses for the row.
    var name: String
    /// Writes the input into the directory (`.env` and `s.yaml` are read when present).
    var setup: @Sendable (String) throws -> Void
    /// The environment on top of the required username and password.
    var env: [String: String] = [:]
    /// Values given in code.
    var explicit: [String: SettingValue] = [:]
    var mode: DotEnvMode = .compat
    /// Every problem's description, or `nil` when the settings resolve.
    var problems: [String]?
    /// Warnings that must be among the resolution's (when it succeeds).
    var warnings: [String] = []
    /// The most warnings the resolution may have (when it succeeds).
    var maximumWarnings = 106

    var testDescription: String { name }

    static func file(_ name: String, _ bytes: [UInt8]) -> @Sendable (String) throws -> Void {
        { directory in try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name)) }
    }

    static func file(_ name: String, _ text: String) -> @Sendable (String) throws -> Void {
        file(name, Array(text.utf8))
    }

    /// A YAML file whose resolution fails with exactly `problem`.
    static func yaml(_ name: String, _ text: String, _ problem: String) -> BadInput {
        BadInput(name: name, setup: file("s.yaml", text), problems: [problem])
    }
}

/// Each malformed input of the catalogue resolves to a typed error naming the source (and
/// file:line:column where there is one), or to the documented warning, and never to a crash, a
/// hang or a half-applied result. The messages are the ones RELIABILITY.md quotes.
struct SettingsBadInputCatalogueTests {
    static let cases: [BadInput] = dotEnvCases + yamlCases + fileCases + valueCases

    static let dotEnvCases: [BadInput] = [
        BadInput(
            name: "env-utf16", setup: BadInput.file(".env", [0xFF, 0xFE] + Array("DEMO_LABEL=x\n".utf8).flatMap { [$0, 0] }),
            problems: [".env:1:1: the file is not valid UTF-8 (a malformed byte sequence at byte offset 0); settings files must be UTF-8"]),
        BadInput(
            name: "env-statement-compat", setup: BadInput.file(".env", "DEMO_LABEL x\nDEMO_PORT=9\n"),
            warnings: [
                ".env:1:1: python-dotenv could not parse statement starting at line 1: unexpected text after the key 'DEMO_LABEL' "
                    + "(expected '=', a comment or the end of the line) at 1:12; the statement is skipped"
            ]),
        BadInput(
            name: "env-statement-strict", setup: BadInput.file(".env", "DEMO_LABEL x\n"), mode: .strict,
            problems: [".env:1:12: unexpected text after the key 'DEMO_LABEL' (expected '=', a comment or the end of the line)"]),
        BadInput(
            name: "env-unterminated-quote-strict", setup: BadInput.file(".env", "DEMO_LABEL=\"abc\nDEMO_PORT=9\n"), mode: .strict,
            problems: [".env:1:12: unterminated double-quoted value of 'DEMO_LABEL'"]),
        BadInput(
            name: "env-nul-in-value", setup: BadInput.file(".env", [UInt8]("DEMO_LABEL=a".utf8) + [0] + Array("b\n".utf8)),
            problems: [#"label: .env:1:1 (DEMO_LABEL) = "a\0b" is not text without NUL characters"#]),
        BadInput(
            name: "env-nul-in-secret", setup: BadInput.file(".env", [UInt8]("DEMO_PASSWORD=S3NT1NEL".utf8) + [0] + Array("x\n".utf8)),
            env: ["DEMO_PASSWORD": ""],
            problems: ["password: .env:1:1 (DEMO_PASSWORD) = the value is not text without NUL characters"]),
        BadInput(
            name: "env-terminal-escapes", setup: BadInput.file(".env", "DEMO_PORT=\u{1B}[2J\u{1B}]0;owned\u{07}\nDEMO_\u{1B}[31mX=1\n"),
            problems: [#"port: .env:1:1 (DEMO_PORT) = "\u{1B}[2J\u{1B}]0;owned\u{7}" is not a decimal integer in 1...65535"#]),
        BadInput(
            name: "env-huge-value", setup: BadInput.file(".env", "DEMO_PORT=" + String(repeating: "9", count: 200_000) + "\n"),
            problems: [
                "port: .env:1:1 (DEMO_PORT) = \"" + String(repeating: "9", count: 64) + "…\" (200000 bytes) is not a decimal integer in 1...65535"
            ]),
        BadInput(
            name: "env-many-unknown-keys", setup: BadInput.file(".env", (0..<40_000).map { "DEMO_UNKNOWN_\($0)=1\n" }.joined()),
            warnings: ["unknown settings: 39900 more beyond the first 100 are not listed"]),
    ]

    static let yamlCases: [BadInput] = [
        BadInput(
            name: "yaml-billion-laughs",
            setup: BadInput.file(
                "s.yaml",
                ["a: &a [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
                    .appending(
                        contentsOf: (1..<9).map { level in
                            let names = Array("abcdefghi").map(String.init)
                            return "\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ")
                                + "]"
                        }
                    ).joined(separator: "\n") + "\n"),
            problems: ["s.yaml:5:8: alias *d expands beyond the limit of 10000 nodes (aliases count at every use)"]),
        BadInput(
            name: "yaml-deep-nesting", setup: BadInput.file("s.yaml", "a: " + String(repeating: "[", count: 100_000) + "\n"),
            problems: ["s.yaml:1:67: nesting is deeper than the limit of 64 levels"]),
        BadInput(
            name: "yaml-many-nodes", setup: BadInput.file("s.yaml", "a: [" + (0..<20_000).map(String.init).joined(separator: ", ") + "]\n"),
            problems: ["s.yaml:1:58877: the document grows beyond the limit of 10000 nodes (aliases count at every use)"]),
        .yaml(
            "yaml-duplicate-key", "demo:\n  port: 1\n  label: x\n  port: 2\n",
            #"s.yaml:4:3: duplicate key "port" (first defined at s.yaml:2:3)"#),
        BadInput(
            name: "yaml-binary", setup: BadInput.file("s.yaml", [UInt8]("demo:\n  label: ".utf8) + [0x00, 0x01, 0x02] + Array("\n".utf8)),
            problems: ["s.yaml:2:10: the file contains the control character U+0000, which YAML does not allow (byte offset 15)"]),
        .yaml(
            "yaml-two-documents", "demo: {port: 1}\n---\ndemo: {port: 2}\n",
            "s.yaml:2:1: the file contains more than one YAML document; a settings file must have exactly one"),
        .yaml(
            "yaml-root-not-mapping", "- a\n- b\n",
            "s.yaml:1:1: the top level must be a mapping of settings, not a sequence"),
        .yaml(
            "yaml-syntax", "demo:\n  port: 1: 2\n",
            "s.yaml:2:10: YAML syntax error: mapping values are not allowed in this context"),
        .yaml(
            "yaml-unknown-alias", "demo:\n  port: *nowhere\n",
            "s.yaml:2:9: alias *nowhere refers to an anchor &nowhere that is not defined before it"),
        .yaml(
            "yaml-recursive-alias", "a: &x [1, *x]\n",
            "s.yaml:1:11: alias *x refers to a node that contains it; recursive structures are not supported"),
        .yaml(
            "yaml-complex-key", "? [a, b]\n: c\n",
            "s.yaml:1:3: a mapping key must be a scalar, not a sequence"),
        .yaml(
            "yaml-collection-for-a-value", "demo:\n  port: [1, 2]\n",
            #"port: s.yaml:2:3 (port) = "<a sequence>" is not a single value (a decimal integer in 1...65535)"#),
        BadInput(
            name: "yaml-merge-key", setup: BadInput.file("s.yaml", "demo:\n  base: &b {port: 5}\n  <<: *b\n"),
            warnings: ["s.yaml:2:3: unknown setting base", "s.yaml:3:3: unknown setting <<"], maximumWarnings: 2),
        BadInput(
            name: "yaml-many-unknown-keys",
            setup: BadInput.file("s.yaml", (0..<4_000).map { "k\($0)" + String(repeating: "x", count: 240) + ": v\n" }.joined()),
            maximumWarnings: 0),
        .yaml(
            "yaml-tags-are-text", "demo:\n  label: !!python/object:os.system rm\n  port: !!int 0x10\n",
            #"port: s.yaml:3:3 (port) = "0x10" is not a decimal integer in 1...65535"#),
    ]

    static let fileCases: [BadInput] = [
        BadInput(name: "file-fifo", setup: { #expect(mkfifo($0 + "/.env", 0o600) == 0) }, problems: [".env: cannot be read (not a regular file)"]),
        BadInput(
            name: "file-directory", setup: { try FileManager.default.createDirectory(atPath: $0 + "/s.yaml", withIntermediateDirectories: false) },
            problems: ["s.yaml: cannot be read (not a regular file)"]),
        BadInput(
            name: "file-device", setup: { try FileManager.default.createSymbolicLink(atPath: $0 + "/.env", withDestinationPath: "/dev/zero") },
            problems: [".env: cannot be read (not a regular file)"]),
        BadInput(
            name: "file-huge", setup: BadInput.file(".env", [UInt8](repeating: 0x23, count: (1 << 20) + 1)),
            problems: [".env: cannot be read (larger than 1048576 bytes)"]),
        BadInput(
            name: "file-unreadable",
            setup: { try FileManager.default.createSymbolicLink(atPath: $0 + "/.env", withDestinationPath: "/proc/self/mem") },
            problems: [".env: cannot be read (Input/output error)"]),
        BadInput(
            name: "file-symlink-loop", setup: { try FileManager.default.createSymbolicLink(atPath: $0 + "/.env", withDestinationPath: $0 + "/.env") },
            problems: [".env: cannot be read (Too many levels of symbolic links)"]),
    ]

    static let valueCases: [BadInput] = [
        BadInput(
            name: "values-every-type",
            setup: { _ in },
            env: [
                "DEMO_PORT": "0x10", "DEMO_TIMEOUT": "nan", "DEMO_VERBOSE": "maybe", "DEMO_MODE": "PROD", "DEMO_SERVER": "http://bad host/",
                "DEMO_RATIO": "1e309",
            ],
            problems: [
                #"mode: env DEMO_MODE = "PROD" is not one of dev, test, prod"#,
                #"port: env DEMO_PORT = "0x10" is not a decimal integer in 1...65535"#,
                #"timeout: env DEMO_TIMEOUT = "nan" is not a positive number of seconds, at most 1e9"#,
                #"verbose: env DEMO_VERBOSE = "maybe" is not a boolean (true/false, yes/no, on/off, 1/0)"#,
                #"server: env DEMO_SERVER = "http://bad host/" is not an absolute http:// or https:// URL"#,
                #"ratio: env DEMO_RATIO = "1e309" is not a decimal number"#,
            ]),
        BadInput(
            name: "values-url-control-character", setup: { _ in }, env: ["DEMO_SERVER": "https://h\u{7F}x/"],
            problems: [#"server: env DEMO_SERVER = "https://h\u{7F}x/" is not an absolute http:// or https:// URL"#]),
        // Found by fuzzing: 1e11 seconds overflowed the conversion to nanoseconds and trapped.
        BadInput(
            name: "values-seconds-overflow", setup: { _ in }, env: ["DEMO_TIMEOUT": "99999999495"],
            problems: [#"timeout: env DEMO_TIMEOUT = "99999999495" is not a positive number of seconds, at most 1e9"#]),
        BadInput(
            name: "values-empty", setup: { _ in }, env: ["DEMO_PORT": ""],
            problems: [#"port: env DEMO_PORT = "" is not a decimal integer in 1...65535"#]),
        BadInput(
            name: "values-unknown-explicit-key", setup: { _ in }, explicit: ["colour": .string("red")],
            problems: ["explicit value for unknown setting colour"]),
    ]

    @Test(arguments: cases)
    func everyMalformedInputIsATypedErrorOrAWarning(_ input: BadInput) throws {
        let directory = try TemporaryDirectory()
        try input.setup(directory.path)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let env = demoRequired.merging(input.env) { $1 }.filter { !$0.value.isEmpty || $0.key != "DEMO_PASSWORD" }
        let sources = SettingsSources(
            explicit: input.explicit, environment: .dictionary(env), envFiles: .files(files.contains(".env") ? [".env"] : []),
            yamlFiles: .files(files.contains("s.yaml") ? ["s.yaml"] : []), workingDirectory: directory.path, dotEnvMode: input.mode)
        let result = Result { () throws(SettingsError) in try SettingsResolver(schema: demoSchema).resolve(sources) }
        switch result {
        case .success(let resolved):
            #expect(input.problems == nil, "resolved, but the catalogue says it fails")
            for warning in input.warnings {
                #expect(resolved.warnings.map(\.description).contains(warning), "\(resolved.warnings.map(\.description).prefix(3))")
            }
            #expect(resolved.warnings.count <= input.maximumWarnings)
        case .failure(let error):
            #expect(error.problems.map(\.description) == input.problems)
            #expect(!error.description.contains(sentinel))
        }
    }
}

extension Array {
    fileprivate func appending(contentsOf other: [Element]) -> [Element] { self + other }
}

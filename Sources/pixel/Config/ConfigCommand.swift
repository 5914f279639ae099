import ArgumentParser
import PixelClient
import Settings

/// `pixel config show|explain|check|fingerprint`: what the client would use, and why.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show, explain and check the resolved settings (secrets are always redacted).",
        discussion: """
            Settings come from the environment, a .env file and a YAML file, in that order of \
            precedence, then defaults. --env-file and --config name the files to read instead of \
            ./.env and ./pixel.yaml.
            """,
        subcommands: [Show.self, Explain.self, Check.self, Fingerprint.self]
    )

    /// `pixel config show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the resolved settings, the password redacted.")

        @OptionGroup var settings: SettingsOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let resolved = try settings.resolve()
            let values = Dictionary(
                uniqueKeysWithValues: PixelSettings.schema.fields.map { field in
                    (field.name, resolved.provenance[field.name]?.displayValue)
                })
            if output.json {
                try JSONOutput.print(
                    ShownSettings(
                        fingerprint: resolved.fingerprint.hex, settings: values, apiBaseURL: resolved.settings.apiBaseURL,
                        tokenEndpoint: resolved.settings.tokenEndpoint, realm: resolved.settings.realm))
                return
            }
            var table = TextTable(["setting", "value"])
            for field in PixelSettings.schema.fields { table.append([field.name, values[field.name].flatMap { $0 } ?? "–"]) }
            Console.standardOutput.write(table.rendered + "\n" + ConfigExplanation.endpoints(resolved.settings))
        }
    }

    /// `pixel config explain`.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain every setting: its value, where it came from and what it beat.",
            discussion: "Warnings (alias conflicts, deprecated names, unknown PIXEL_ keys with a did-you-mean) follow the table."
        )

        @OptionGroup var settings: SettingsOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let resolved = try settings.resolve()
            if output.json {
                try JSONOutput.print(resolved)
                return
            }
            var text = ConfigExplanation.table(resolved)
            let warnings = ConfigExplanation.warnings(resolved)
            if !warnings.isEmpty { text += "\n" + warnings }
            Console.standardOutput.write(text + "\nFingerprint: \(resolved.fingerprint.hex)\n")
        }
    }

    /// `pixel config check`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exit 0 when the settings resolve; otherwise exit 2 with every problem at once."
        )

        @OptionGroup var settings: SettingsOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let resolved: ResolvedPixelSettings
            do {
                resolved = try settings.resolve()
            } catch {
                guard output.json else { throw error }
                try JSONOutput.print(CheckResult(ok: false, problems: error.problems.map(\.description), warnings: []))
                throw ExitCode(ErrorReport.usage)
            }
            // An unusable fingerprint key is no settings problem, but it means nothing is
            // remembered between runs, so check says so.
            let keyNote = FingerprintKeySetup.problem.map { "\($0); fingerprints and remembered sessions last for this run only" }
            if output.json {
                try JSONOutput.print(
                    CheckResult(ok: true, problems: [], warnings: resolved.warnings.map(\.description) + (keyNote.map { [$0] } ?? [])))
                return
            }
            let count = resolved.warnings.count
            Console.standardOutput.line(
                "Settings OK (fingerprint \(resolved.fingerprint.hex.prefix(16))…), \(count) warning\(count == 1 ? "" : "s").")
            let warnings = ConfigExplanation.warnings(resolved)
            if !warnings.isEmpty { Console.standardOutput.write(warnings) }
            if let keyNote { Console.standardOutput.line("Note: \(keyNote).") }
        }
    }

    /// `pixel config fingerprint`.
    struct Fingerprint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the stable hex fingerprint of the settings (equal settings, equal fingerprint; it reveals nothing).",
            discussion: """
                The password enters it keyed with this user's fingerprint key \
                ($XDG_CONFIG_HOME/pixel-client/fingerprint.key, created on first use), so the fingerprint \
                is the same in every run but cannot be used to test password guesses. Exits 1 when the key \
                cannot be used, since a fingerprint printed then would differ in the next run.
                """
        )

        @OptionGroup var settings: SettingsOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let resolved = try settings.resolve()
            if let problem = FingerprintKeySetup.problem {
                throw CLIFailure.runtime("\(problem); a fingerprint printed now would differ in the next run")
            }
            if output.json {
                try JSONOutput.print(["fingerprint": resolved.fingerprint.hex])
            } else {
                Console.standardOutput.line(resolved.fingerprint.hex)
            }
        }
    }
}

/// `pixel config show --json`.
struct ShownSettings: Encodable {
    var fingerprint: String
    var settings: [String: String?]
    var apiBaseURL: String
    var tokenEndpoint: String
    var realm: String
}

/// `pixel config check --json`.
struct CheckResult: Encodable {
    var ok: Bool
    var problems: [String]
    var warnings: [String]
}

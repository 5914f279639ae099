import ArgumentParser
import Foundation
import Settings

/// `pixel dotenv …`: look at `.env` files the way the settings loader reads them.
struct DotEnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dotenv",
        abstract: "Read .env files with python-dotenv's grammar (compat) or the strict one.",
        subcommands: [Parse.self]
    )

    /// `pixel dotenv parse FILE [--strict] [--json] [--reveal-secrets]`.
    ///
    /// `--json` prints `json.dumps(dotenv_values(FILE))` byte for byte, with these documented
    /// differences: a leading BOM is stripped; a missing or unreadable file, a FIFO, directory or
    /// device, a file over 1 MiB and bytes that are not UTF-8 (named by line:column) exit 2 instead
    /// of giving `{}`, blocking or a Python traceback; values of keys whose name looks secret
    /// (PASSWORD, PASSWD, SECRET, TOKEN, CREDENTIAL, API_KEY, APIKEY, PRIVATE_KEY) print as
    /// `**********` unless `--reveal-secrets` is given.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the mapping a .env file defines.",
            discussion: """
                Without --json each key prints on its own line as KEY=<value as a JSON string>, or KEY \
                alone when it has no value. Skipped statements are reported on stderr. In --strict mode \
                a malformed statement prints file:line:column: message on stderr and exits 2.
                Interpolation uses the process environment.
                """
        )

        @Argument(help: "The .env file.")
        var file: String

        @Flag(help: "Use strict mode instead of python-dotenv 1.2.2 compatibility.")
        var strict = false

        @Flag(help: "Print a JSON object in file order (null for keys without a value).")
        var json = false

        @Flag(help: "Do not expand ${VAR} and ${VAR:-default} (dotenv_values(interpolate=False)).")
        var noInterpolate = false

        @Flag(help: "Print the values of keys whose names look secret instead of **********.")
        var revealSecrets = false

        func run() throws {
            // Read the way settings files are: a FIFO, a directory or a device is refused instead
            // of blocking or being read without end, and so is a file over 1 MiB.
            let bytes: [UInt8]
            do {
                guard let contents = try FileStamp.read(path: file, maxBytes: 1 << 20).contents else {
                    printError("\(file): cannot read: it does not exist")
                    throw ExitCode(2)
                }
                bytes = contents
            } catch let error as FileReadError {
                printError(error.description)
                throw ExitCode(2)
            }
            let document: DotEnvDocument
            do {
                // Python reads files in universal-newline mode, hence `universalNewlines: true`.
                // Bytes that are not UTF-8 are an error at their line:column.
                document = try DotEnv.parse(
                    bytes: bytes, file: file, mode: strict ? .strict : .compat, interpolate: !noInterpolate, universalNewlines: true,
                    environment: { name in getenv(name).map { String(cString: $0) } })
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            for warning in document.warnings { printError("warning: \(warning)") }
            let pairs = document.values.map { pair in
                (key: pair.key, value: revealSecrets || !Self.looksSecret(pair.key) ? pair.value : pair.value.map { _ in "**********" })
            }
            if json {
                print(DotEnvJSON.render(pairs))
            } else {
                for pair in pairs {
                    if let value = pair.value {
                        print("\(pair.key)=\(DotEnvJSON.string(value))")
                    } else {
                        print(pair.key)
                    }
                }
            }
        }

        static func looksSecret(_ key: String) -> Bool {
            let upper = key.uppercased()
            return ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "API_KEY", "APIKEY", "PRIVATE_KEY"]
                .contains { upper.contains($0) }
        }

        private func printError(_ message: String) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}

import Foundation
import Testing

/// Golden `--help` texts of the main commands: a changed option or wording shows up as a diff
/// here and is reviewed, instead of drifting silently. (ArgumentParser wraps at 80 columns when
/// stdout is not a terminal, so the text is stable.)
struct HelpGoldenTests {
    static let cases: [(arguments: [String], golden: String)] = [
        (["--help"], #"""
            OVERVIEW: Work with the Geodata Pixel API, its settings and its local emulator.

            Start with `pixel demo`: it needs no account and no configuration.

            USAGE: pixel <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              demo                    Walk through the client against an embedded emulator
                                      (no account or configuration needed).
              config                  Show, explain and check the resolved settings
                                      (secrets are always redacted).
              auth                    Sign in to Keycloak and manage the remembered session.
              projects                List, read, create, change, delete, restore and move
                                      projects.
              collections             List, read, create, change, delete, restore and move
                                      data collections.
              images                  List, read, tag, delete and upload images.
              rasters                 List, read, tag, delete and upload rasters.
              point-clouds            List, read, tag, delete and upload point clouds.
              attachments             List, add (upload) and delete attachments of
                                      projects, data collections and images.
              search                  Search images, rasters, point clouds, projects or
                                      data collections.
              jobs                    Look at server-side jobs and wait for them.
              emulator                Run a local Pixel API emulator (token endpoint, API
                                      and object store) until Ctrl-C.
              dotenv                  Read .env files with python-dotenv's grammar (compat)
                                      or the strict one.

              See 'pixel help <subcommand>' for detailed help.
            """#),
        (["config", "--help"], #"""
            OVERVIEW: Show, explain and check the resolved settings (secrets are always
            redacted).

            Settings come from the environment, a .env file and a YAML file, in that order
            of precedence, then defaults. --env-file and --config name the files to read
            instead of ./.env and ./pixel.yaml.

            USAGE: pixel config <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              show                    Print the resolved settings, the password redacted.
              explain                 Explain every setting: its value, where it came from
                                      and what it beat.
              check                   Exit 0 when the settings resolve; otherwise exit 2
                                      with every problem at once.
              fingerprint             Print the stable hex fingerprint of the settings
                                      (equal settings, equal fingerprint; it reveals
                                      nothing).

              See 'pixel help config <subcommand>' for detailed help.
            """#),
        (["config", "explain", "--help"], #"""
            OVERVIEW: Explain every setting: its value, where it came from and what it
            beat.

            Warnings (alias conflicts, deprecated names, unknown PIXEL_ keys with a
            did-you-mean) follow the table.

            USAGE: pixel config explain [--env-file <path>] [--config <path>] [--json]

            OPTIONS:
              --env-file <path>       Read this .env file (it must exist) instead of ./.env.
              --config <path>         Read this YAML file (it must exist) instead of
                                      ./pixel.yaml.
              --json                  Print JSON instead of a table.
              -h, --help              Show help information.

            """#),
        (["projects", "create", "--help"], #"""
            OVERVIEW: Create a project.

            USAGE: pixel projects create [--env-file <path>] [--config <path>] [--remember] [--session-dir <path>] [--verbose] [--json] --name <name> [--description <description>] --bbox <bbox> [--parent <parent>] [--tag <tag> ...]

            OPTIONS:
              --env-file <path>       Read this .env file (it must exist) instead of ./.env.
              --config <path>         Read this YAML file (it must exist) instead of
                                      ./pixel.yaml.
              --remember              Keep the Keycloak session (refresh token, never the
                                      password) so the next run does no password grant.
              --session-dir <path>    Session store directory (default:
                                      $XDG_CONFIG_HOME/pixel-client/sessions).
              -v, --verbose           Log every request and response line to standard error
                                      (never a secret).
              --json                  Print JSON instead of a table.
              --name <name>           The project name.
              --description <description>
                                      A description.
              --bbox <bbox>           Area of interest as min-lon,min-lat,max-lon,max-lat
                                      (WGS 84).
              --parent <parent>       Create it under this project.
              --tag <tag>             A tag (repeatable).
              -h, --help              Show help information.

            """#),
        (["images", "upload", "--help"], #"""
            OVERVIEW: Upload files as images, with a live progress bar on a terminal.

            Progress goes to stderr: a bar with bytes, rate, ETA and per-file status on a
            terminal, plain lines otherwise. Ctrl-C stops every transfer and exits 130.
            Exits 1 if any file failed.

            USAGE: pixel images upload [--env-file <path>] [--config <path>] [--remember] [--session-dir <path>] [--verbose] [--json] --project <project> --collection <collection> <files> ... [--multipart]

            ARGUMENTS:
              <files>                 The files to upload.

            OPTIONS:
              --env-file <path>       Read this .env file (it must exist) instead of ./.env.
              --config <path>         Read this YAML file (it must exist) instead of
                                      ./pixel.yaml.
              --remember              Keep the Keycloak session (refresh token, never the
                                      password) so the next run does no password grant.
              --session-dir <path>    Session store directory (default:
                                      $XDG_CONFIG_HOME/pixel-client/sessions).
              -v, --verbose           Log every request and response line to standard error
                                      (never a secret).
              --json                  Print JSON instead of a table.
              --project <project>     The project id.
              --collection <collection>
                                      The data collection id.
              --multipart             Send every file in parts (multipart), whatever its
                                      size.
              -h, --help              Show help information.

            """#),
        (["auth", "login", "--help"], #"""
            OVERVIEW: Fetch a token and print who it belongs to and when it expires (never
            the token).

            With --remember the refresh token is kept in the session store (a 0600 file per
            settings fingerprint), so the next run signs in with the refresh-token grant
            instead of the password.

            USAGE: pixel auth login [--env-file <path>] [--config <path>] [--remember] [--session-dir <path>] [--verbose] [--json]

            OPTIONS:
              --env-file <path>       Read this .env file (it must exist) instead of ./.env.
              --config <path>         Read this YAML file (it must exist) instead of
                                      ./pixel.yaml.
              --remember              Keep the Keycloak session (refresh token, never the
                                      password) so the next run does no password grant.
              --session-dir <path>    Session store directory (default:
                                      $XDG_CONFIG_HOME/pixel-client/sessions).
              -v, --verbose           Log every request and response line to standard error
                                      (never a secret).
              --json                  Print JSON instead of a table.
              -h, --help              Show help information.

            """#),
    ]

    @Test(arguments: 0..<HelpGoldenTests.cases.count)
    func helpMatchesTheGoldenText(index: Int) async throws {
        let (arguments, golden) = Self.cases[index]
        try await withTemporaryDirectory { directory in
            let result = try await CLIRun.run(arguments, environment: [:], in: directory)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == golden + "\n", "pixel \(arguments.joined(separator: " ")) changed:\n\(result.stdout)")
        }
    }
}

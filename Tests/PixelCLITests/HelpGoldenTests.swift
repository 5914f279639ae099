import Foundation
import Testing

/// Golden `--help` texts of the main commands: a changed option or wording shows up as a diff
/// here and is reviewed, instead of drifting silently. (ArgumentParser wraps at 80 columns when
/// stdout is not a terminal, so the text is stable.)
struct HelpGoldenTests {
    static let cases: [(arguments: [String], golden: String)] = [
        (
            ["--help"],
            #"""
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
              users                   Show the signed-in user and the tenant's plugins;
                                      create and update OIDC users.
              projects                List, read, create, change, delete, restore and move
                                      projects.
              collections             List, read, create, change, delete, restore and move
                                      data collections.
              images                  List, read, tag, move, delete and upload images.
              rasters                 List, read, tag, move, delete and upload rasters.
              point-clouds            List, read, tag, move, delete and upload point clouds.
              upload-jobs             Look at the upload jobs of a data collection.
              optimized-rasters       Make cloud-optimized copies of rasters: create, run,
                                      list, delete, or all in one (optimize).
              optimized-point-clouds  Make cloud-optimized copies of point clouds: create,
                                      run, list, delete, or all in one (optimize).
              attachments             List, add (upload), move and delete attachments of
                                      projects, data collections and images.
              search                  Search images, rasters, point clouds, projects or
                                      data collections.
              jobs                    Look at server-side jobs and job groups and wait for
                                      them.
              arcgis                  Publish data collections as ArcGIS Feature or Image
                                      services, and start, stop and refresh them.
              harvest                 Harvest features of an ArcGIS Feature service into a
                                      data collection: services, their tasks, start and
                                      stop.
              analysis                Analysis modules, services (a module with its
                                      configuration) and their tasks.
              emulator                Run a local Pixel API emulator (token endpoint, API
                                      and object store) until Ctrl-C.
              dotenv                  Read .env files with python-dotenv's grammar (compat)
                                      or the strict one.

              See 'pixel help <subcommand>' for detailed help.
            """#
        ),
        (
            ["config", "--help"],
            #"""
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
            """#
        ),
        (
            ["config", "explain", "--help"],
            #"""
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

            """#
        ),
        (
            ["projects", "create", "--help"],
            #"""
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

            """#
        ),
        (
            ["images", "upload", "--help"],
            #"""
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

            """#
        ),
        (
            ["auth", "login", "--help"],
            #"""
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

            """#
        ),
        (
            ["optimized-rasters", "optimize", "--help"],
            #"""
            OVERVIEW: Create copies of rasters, run them, wait, and list them as they ended.

            USAGE: pixel optimized-rasters optimize [<options>] --project <project> --collection <collection>

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
              --all                   Every one in the data collection.
              --id <id>               Only this id (repeatable).
              --profile <profile>     The optimization profile (default: the server's).
              --nearblack             Remove near-black (or near-white) collars.
              --nearblack-color <color>
                                      black, white or a grey level 0-255. (default: black)
              --nearblack-algorithm <algorithm>
                                      floodfill or twopasses. (default: twopasses)
              --overview-resampling <method>
                                      nearest, bilinear, cubic, cubic_spline, lanczos,
                                      average, mode, gauss or rms. (default: average)
              --timeout <seconds>     Give up waiting after this many seconds. (default:
                                      1200)
              -h, --help              Show help information.

            """#
        ),
        (
            ["harvest", "create", "--help"],
            #"""
            OVERVIEW: Create a harvest service.

            Secrets come from environment variables: --password-env NAME, --api-key-env
            NAME. They are never printed.

            USAGE: pixel harvest create [<options>] --project <project> --collection <collection> --name <name> --url <url>

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
              --name <name>           The service name.
              --description <description>
                                      A description.
              --url <url>             The ArcGIS Feature service (layer) URL to harvest.
              --username <username>   Sign in to the harvested service as this user.
              --password-env <name>   The environment variable holding that user's password.
              --token-url <token-url> Where the harvested service's tokens come from.
              --api-key-env <name>    The environment variable holding an ArcGIS API key.
              --api-key-item-id <api-key-item-id>
                                      The portal item of that API key.
              --where <where>         Harvest only features matching this SQL where clause.
                                      (default: 1=1)
              --map <model.field=external_field>
                                      Fill model.field from external_field (repeatable).
              --extra-field <field>   Keep this external field too (repeatable).
              -h, --help              Show help information.

            """#
        ),
        (
            ["analysis", "services", "patch", "--help"],
            #"""
            OVERVIEW: Change some fields of an analysis service; the rest stay as they are.

            --config-json is merged into the service's configuration; --config-json null
            clears it, --clear-name clears the name.

            USAGE: pixel analysis services patch [--env-file <path>] [--config <path>] [--remember] [--session-dir <path>] [--verbose] [--json] <id> [--name <name>] [--clear-name] [--enabled <bool>] [--config-json <json>]

            ARGUMENTS:
              <id>                    The service id.

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
              --name <name>           New name.
              --clear-name            Set the name to null.
              --enabled <bool>        Enable (true) or disable (false) it.
              --config-json <json>    Configuration keys to merge, as a JSON object (or
                                      null).
              -h, --help              Show help information.

            """#
        ),
        (
            ["search", "run", "--help"],
            #"""
            OVERVIEW: Run a search (the default subcommand).

            --filter takes the API's JSON filter grammar: comparisons {"op": [{"var":
            "field"}, value]} with op one of == != < <= > >= ~ !~ contains !contains in
            !in, combined with {"and": [...]} and {"or": [...]}.

            USAGE: pixel search run [--env-file <path>] [--config <path>] [--remember] [--session-dir <path>] [--verbose] [--json] --on <target> [--filter <json>] [--search <search>] [--limit <limit>] [--offset <offset>] [--all]

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
              --on <target>           What to search: images, rasters, point_clouds,
                                      projects or data_collections.
              --filter <json>         A JSON filter.
              --search <search>       Free-text search.
              --limit <limit>         At most this many results. (default: 100)
              --offset <offset>       Skip this many results. (default: 0)
              --all                   Fetch every result, --limit per request.
              -h, --help              Show help information.

            """#
        ),
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

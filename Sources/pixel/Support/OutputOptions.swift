import ArgumentParser

/// The `--json` flag shared by every command that prints data.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.")
    var json = false
}

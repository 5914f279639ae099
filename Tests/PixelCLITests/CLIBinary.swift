import Foundation

/// Locates the built `pixel` executable next to the test bundle (`.build/<config>/pixel`).
enum CLIBinary {
    static var url: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        // Swift Testing on Linux runs `<products>/PixelClientPackageTests.xctest`; on macOS the
        // bundle is a directory tree inside the products folder.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("pixel").path),
            directory.path != "/"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("pixel")
    }
}

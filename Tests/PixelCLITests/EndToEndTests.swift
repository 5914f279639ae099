import Foundation
import PixelEmulator
import Testing

/// The built `pixel` binary against an emulator started by the test: CRUD, upload, search and
/// the exit codes, with the sentinel password never in any output.
struct EndToEndTests {
    @Test func projectsAndCollectionsCanBeCreatedListedChangedDeletedAndRestored() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                let env = CLIAccount.environment(emulator, home: home)
                let created = try await CLIRun.run(
                    ["projects", "create", "--name", "Bridges", "--bbox", "10,59,11,60", "--tag", "cli", "--json"], environment: env, in: home)
                #expect(created.status == 0, "\(created)")
                let project = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
                let id = try #require(project["id"] as? Int)
                #expect(project["name"] as? String == "Bridges")

                let listed = try await CLIRun.run(["projects", "list"], environment: env, in: home)
                #expect(listed.status == 0, "\(listed)")
                #expect(listed.stdout.hasPrefix("ID"))
                #expect(listed.stdout.contains("Bridges"))

                let renamed = try await CLIRun.run(["projects", "update", "\(id)", "--name", "Bridges 2"], environment: env, in: home)
                #expect(renamed.status == 0, "\(renamed)")
                #expect(renamed.stdout.contains("Bridges 2"))

                let collection = try await CLIRun.run(
                    ["collections", "create", "--project", "\(id)", "--name", "Photos", "--type", "image"], environment: env, in: home)
                #expect(collection.status == 0, "\(collection)")
                #expect(collection.stdout.contains("Photos"))
                #expect(collection.stdout.contains("image"))

                let deleted = try await CLIRun.run(["projects", "delete", "\(id)"], environment: env, in: home)
                #expect(deleted.status == 0, "\(deleted)")
                #expect(deleted.stdout == "Deleted project \(id).\n")
                let gone = try await CLIRun.run(["projects", "list", "--deleted"], environment: env, in: home)
                #expect(gone.stdout.contains("Bridges 2"))
                let restored = try await CLIRun.run(["projects", "restore", "\(id)"], environment: env, in: home)
                #expect(restored.status == 0, "\(restored)")

                for output in [created, listed, renamed, collection, deleted, gone, restored] {
                    #expect(!output.stdout.contains(CLIAccount.password) && !output.stderr.contains(CLIAccount.password))
                }
            }
        }
    }

    @Test func uploadedImagesShowPlainProgressAndCanBeSearched() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                let env = CLIAccount.environment(emulator, home: home)
                let project = try await CLIRun.run(
                    ["projects", "create", "--name", "Uploads", "--bbox", "10,59,11,60", "--json"], environment: env, in: home)
                let projectID = try #require(Self.id(project.stdout))
                let collection = try await CLIRun.run(
                    ["collections", "create", "--project", "\(projectID)", "--name", "Photos", "--type", "image", "--json"],
                    environment: env, in: home)
                let collectionID = try #require(Self.id(collection.stdout))
                for name in ["site-a.jpg", "site-b.jpg"] {
                    try Data(repeating: 0xAB, count: 4096).write(to: home.appendingPathComponent(name))
                }

                let upload = try await CLIRun.run(
                    ["images", "upload", "--project", "\(projectID)", "--collection", "\(collectionID)", "site-a.jpg", "site-b.jpg"],
                    environment: env, in: home)
                #expect(upload.status == 0, "\(upload)")
                // Not a terminal: plain lines on stderr, no carriage returns or escape codes.
                #expect(upload.stderr.contains("Uploading 2 files (8.0 KB)"))
                #expect(upload.stderr.contains("✓ site-a.jpg"))
                #expect(upload.stderr.contains("Uploaded 2 of 2 files"))
                #expect(!upload.stderr.contains("\r") && !upload.stderr.contains("\u{1B}"))
                #expect(upload.stdout.contains("site-b.jpg"))

                let search = try await CLIRun.run(
                    ["search", "--on", "images", "--filter", #"{"~": [{"var": "name"}, "site-a%"]}"#], environment: env, in: home)
                #expect(search.status == 0, "\(search)")
                #expect(search.stdout.contains("site-a.jpg"))
                #expect(!search.stdout.contains("site-b.jpg"))

                let listed = try await CLIRun.run(
                    ["images", "list", "--project", "\(projectID)", "--collection", "\(collectionID)", "--json"], environment: env, in: home)
                let images = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
                #expect(images.count == 2)
            }
        }
    }

    @Test func anAPIErrorExitsOneWithOneParagraphOnStderr() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                let result = try await CLIRun.run(["projects", "get", "999999"], environment: CLIAccount.environment(emulator, home: home), in: home)
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasPrefix("pixel: PixelError.httpStatus"))
                #expect(result.stderr.contains("404"))
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(!result.stderr.contains(CLIAccount.password))
            }
        }
    }

    @Test func wrongCredentialsExitOneWithoutThePassword() async throws {
        try await PixelEmulator.withRunning(CLIAccount.emulatorConfiguration) { emulator in
            try await withTemporaryDirectory { home in
                var env = CLIAccount.environment(emulator, home: home)
                env["PIXEL_PASSWORD"] = "wrong-" + CLIAccount.password
                let result = try await CLIRun.run(["auth", "login"], environment: env, in: home)
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains("authentication"))
                #expect(!result.stderr.contains(CLIAccount.password) && !result.stdout.contains(CLIAccount.password))
            }
        }
    }

    @Test func usageErrorsExitTwo() async throws {
        try await withTemporaryDirectory { home in
            let missingDestination = try await CLIRun.run(["projects", "move", "1"], environment: ["HOME": home.path], in: home)
            #expect(missingDestination.status == 2, "\(missingDestination)")
            #expect(missingDestination.stderr.contains("Give exactly one of --to-parent or --to-root."))

            let badFilter = try await CLIRun.run(["search", "--on", "images", "--filter", "{nope"], environment: ["HOME": home.path], in: home)
            #expect(badFilter.status == 2, "\(badFilter)")
            #expect(badFilter.stderr.contains("--filter is not valid JSON"))

            let unknown = try await CLIRun.run(["projects", "frobnicate"], environment: ["HOME": home.path], in: home)
            #expect(unknown.status == 2, "\(unknown)")
        }
    }

    static func id(_ json: String) -> Int? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["id"] as? Int
    }
}

import Configuration
import Foundation
import NIOConcurrencyHelpers

/// A password that must never appear in any output.
let sentinel = "S3NT1NEL-pa55word"

/// A file in a fresh temporary directory, removed with it when `body` returns.
func withSettingsFile<T>(_ name: String, _ text: String, _ body: (String) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-configuration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return try await body(path)
}

/// Keeps the text of every access event, as a log handler would see it.
final class RecordingAccessReporter: AccessReporter {
    private let events = NIOLockedValueBox<[String]>([])

    func report(_ event: AccessEvent) {
        events.withLockedValue { $0.append(String(describing: event) + " " + String(reflecting: event)) }
    }

    var all: [String] { events.withLockedValue { $0 } }
}

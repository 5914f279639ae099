import AsyncHTTPClient
import NIOConcurrencyHelpers
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Testing
import PixelClient
import PixelEmulator
import Settings

/// The password the emulator accepts in tests that check secrets never leak.
let clientSentinelPassword = "S3NT1NEL-pa55word"

extension EmulatorConfiguration {
    /// The default demo user, plus a sentinel-password user in tenant `demo`.
    static func testing(_ tweak: (inout EmulatorConfiguration) -> Void = { _ in }) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.users.append(EmulatorUser(username: "sentinel@example.com", password: clientSentinelPassword, tenant: "demo"))
        tweak(&configuration)
        return configuration
    }
}

extension PixelClientOptions {
    /// Fast retries.
    static func testing(_ tweak: (inout PixelClientOptions) -> Void = { _ in }) -> PixelClientOptions {
        var options = PixelClientOptions(retryBaseDelay: .milliseconds(5), retryMaxDelay: .milliseconds(50))
        tweak(&options)
        return options
    }
}

extension PixelClientHooks {
    /// No environment proxies; silent, unless `PIXEL_TEST_LOG_LEVEL` names a level (the secret
    /// audit runs the suite with `trace` and searches what every client logged).
    static func testing(_ tweak: (inout PixelClientHooks) -> Void = { _ in }) -> PixelClientHooks {
        var hooks = PixelClientHooks(proxyEnvironment: [:])
        if let level = testLogLevel {
            var logger = Logger(label: "pixel-test", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = level
            hooks.logger = logger
        }
        tweak(&hooks)
        return hooks
    }

    private static let testLogLevel: Logger.Level? = ProcessInfo.processInfo.environment["PIXEL_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
}

/// Settings pointing at a running emulator.
func testSettings(
    _ emulator: PixelEmulator, username: String = "demo@example.com", password: String = "demo-password",
    _ tweak: (inout PixelSettings) -> Void = { _ in }
) -> PixelSettings {
    var settings = PixelSettings(
        username: username, password: Secret(password), tenant: "demo", authServerURLOverride: emulator.baseURL,
        apiURLOverride: emulator.apiURL(tenant: "demo"))
    // A slow run (PIXEL_TEST_TIME_SCALE) gives every request proportionally longer; `tweak` may
    // still set a short timeout on purpose.
    settings.apiTimeout = TestTime.scaled(settings.apiTimeout)
    settings.tokenTimeout = TestTime.scaled(settings.tokenTimeout)
    settings.uploadTimeout = TestTime.scaled(settings.uploadTimeout)
    tweak(&settings)
    return settings
}

/// Runs `body` with a started emulator and a client on it; closes both whatever happens.
func withClient<T: Sendable>(
    emulator configuration: EmulatorConfiguration = .testing(),
    settings tweakSettings: (inout PixelSettings) -> Void = { _ in },
    options: PixelClientOptions = .testing(),
    hooks: PixelClientHooks = .testing(),
    username: String = "demo@example.com", password: String = "demo-password",
    _ body: (PixelEmulator, PixelAsyncClient) async throws -> T
) async throws -> T {
    try await PixelEmulator.withRunning(configuration) { emulator in
        let settings = testSettings(emulator, username: username, password: password, tweakSettings)
        let client = try PixelAsyncClient(settings: settings, options: options, hooks: hooks)
        do {
            let result = try await body(emulator, client)
            await client.close(gracePeriod: .seconds(2))
            return result
        } catch {
            await client.close(gracePeriod: .seconds(2))
            throw error
        }
    }
}

/// Runs blocking code on a new plain `Thread` (never on a cooperative thread) and awaits it.
func onPlainThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}

let testArea = GeoJSONPolygon(exterior: [(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0)])

extension PixelAsyncClient {
    /// A fresh project with one data collection of `type`.
    func makeCollection(_ type: DataCollectionType, name: String = "Test") async throws -> (ProjectID, DataCollectionID) {
        let project = try await createProject(name: name, description: "test", areaOfInterest: testArea)
        let collection = try await createDataCollection(project: project.id, name: "\(name) \(type)", description: "", dataCollectionType: type)
        return (project.id, collection.id)
    }

    /// Uploads `bytes` as `name` with the multipart protocol (one part) and returns the created
    /// resource id, or throws the job failure. Test-only: the real uploads layer is issue 6.
    func uploadForTest(
        project: ProjectID, dataCollection: DataCollectionID, name: String, bytes: [UInt8], jobTimeout: Duration = .seconds(30)
    ) async throws -> Int {
        let md5 = Data(Insecure.MD5.hash(data: bytes)).base64EncodedString()
        let dc = "/projects/\(project)/data_collections/\(dataCollection)"
        let create = UploadJobsCreate(files: [
            UploadFileDescriptor(name: name, parts: [UploadPartDescriptor(partNumber: 1, md5: md5, contentLength: bytes.count)])
        ])
        let jobs: [UploadJob] = try await core.send(APIRequest(.POST, dc + "/upload_jobs/multipart").withJSONBody(create))
        let job = try #require(jobs.first)
        let part = try #require(job.uploadParts?.first)
        var headers = HTTPHeaders()
        for (name, value) in part.headers ?? [:] { headers.add(name: name, value: value) }
        _ = try await core.objectStore.send(method: .PUT, url: part.url, headers: headers) { .bytes(ByteBuffer(bytes: bytes)) }
        let finished: UploadFinishedResponse = try await core.send(APIRequest(.PUT, dc + "/upload_jobs/\(job.id)/uploadFinished"))
        try await waitForJob(finished.job.jobID, timeout: jobTimeout, initialPollInterval: .milliseconds(5), maxPollInterval: .milliseconds(50))
        var query = QueryItems()
        query["ids"] = [job.id]
        let uploaded: [UploadJob] = try await core.send(APIRequest(.GET, dc + "/upload_jobs/", query: query))
        return try #require(uploaded.first?.result?.resourceID)
    }
}

/// A swift-log handler that keeps every message and its metadata in memory.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let lines = NIOLockedValueBox<[String]>([])
        var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = "\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))"
        store.lines.withLockedValue { $0.append(line) }
    }
}

/// Collects client events for assertions.
final class EventRecorder: Sendable {
    let events = NIOLockedValueBox<[PixelClientEvent]>([])
    var handler: PixelEventHandler { { event in self.events.withLockedValue { $0.append(event) } } }
    var descriptions: [String] { events.withLockedValue { $0.map(\.description) } }
}

extension JobWait {
    /// Polls every few milliseconds, so job waits in tests take no time.
    static let fast = JobWait(timeout: .seconds(30), initialPollInterval: .milliseconds(5), maxPollInterval: .milliseconds(20))
}

/// Checks that `error` is the API's 422 validation answer and its `detail` names `field`.
func expectValidationError(_ error: PixelError?, naming field: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(error?.code == .httpStatus, sourceLocation: sourceLocation)
    #expect(error?.status == 422, sourceLocation: sourceLocation)
    #expect(error?.detail?.contains(field) == true, "detail: \(error?.detail ?? "nil")", sourceLocation: sourceLocation)
}

import NIOConcurrencyHelpers
import Foundation
import PixelClient
import Settings
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects session-store warnings.
private final class WarningLog: Sendable {
    private let warnings = NIOLockedValueBox<[SessionStoreWarning]>([])
    var all: [SessionStoreWarning] { warnings.withLockedValue { $0 } }
    var handler: SessionStoreWarningHandler { { warning in self.warnings.withLockedValue { $0.append(warning) } } }
}

/// A fresh directory under the system temp dir, removed by `cleanUp()`.
private struct SessionStoreTempDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/session-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

private func permissions(_ path: String) -> UInt32? {
    let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    return mode.map { UInt32($0) & 0o777 }
}

private func inode(_ path: String) -> UInt64? {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? NSNumber)?.uint64Value
}

private func writeFile(_ path: String, _ text: String, mode: mode_t = 0o600) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, mode) == 0)
}

private let key = String(repeating: "3f", count: 32)
private let refreshToken = "R3FRESH-token-value"
private let sentinelPassword = "S3NT1NEL-pa55word"
/// The user's fingerprint key as a program that installed it has it (any non-random key).
private let userKey = fingerprintKey(filledWith: 0x5A)

private func fingerprintKey(filledWith byte: UInt8) -> FingerprintKey {
    do {
        return try FingerprintKey(bytes: Array(repeating: byte, count: FingerprintKey.byteCount))
    } catch {
        fatalError("a key of the right length: \(error)")
    }
}

private func fileText(_ path: String?) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: try #require(path))), as: UTF8.self)
}

private func session(_ token: String = refreshToken) -> StoredSession {
    StoredSession(
        refreshToken: Secret(token), refreshTokenExpiresAt: Date(timeIntervalSince1970: 1_900_000_000),
        subject: "me@example.com", savedAt: Date(timeIntervalSince1970: 1_800_000_000))
}

@Suite struct SupportSessionStoreTests {
    @Test func aSavedSessionLoadsBackUnchanged() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path + "/sessions", fingerprintKey: userKey, onWarning: warnings.handler)
        #expect(await store.load(key: key) == nil)  // absent: no warning
        await store.save(session(), key: key)
        #expect(await store.load(key: key) == session())
        await store.remove(key: key)
        #expect(await store.load(key: key) == nil)
        await store.remove(key: key)  // removing nothing is fine
        #expect(warnings.all.isEmpty)
    }

    @Test func theDirectoryIsCreated0700AndFiles0600() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let directory = root.path + "/config/pixel-client/sessions"
        let store = FileSessionStore(directory: directory, fingerprintKey: userKey)
        await store.save(session(), key: key)
        #expect(permissions(directory) == 0o700)
        #expect(permissions(root.path + "/config/pixel-client") == 0o700)
        #expect(permissions(try #require(store.path(forKey: key))) == 0o600)
    }

    @Test func anExistingOpenDirectoryIsTightenedTo0700() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let directory = root.path + "/sessions"
        #expect(mkdir(directory, 0o755) == 0)
        #expect(chmod(directory, 0o755) == 0)
        await FileSessionStore(directory: directory, fingerprintKey: userKey).save(session(), key: key)
        #expect(permissions(directory) == 0o700)
    }

    @Test func saveReplacesTheFileAtomically() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey)
        let path = try #require(store.path(forKey: key))
        await store.save(session("first-token"), key: key)
        let before = try #require(inode(path))
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))  // a reader mid-way
        defer { try? reader.close() }
        await store.save(session("second-token"), key: key)
        // The old reader still sees the complete old file; the path names a new, complete file.
        let old = String(decoding: try #require(try reader.readToEnd()), as: UTF8.self)
        let new = try fileText(path)
        #expect(old.hasPrefix("{") && old.hasSuffix("}\n") && old != new)
        #expect(inode(path) != before)
        #expect(await store.load(key: key)?.refreshToken.reveal() == "second-token")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [key + ".json"])  // no temp files left
    }

    @Test(arguments: [
        ("", "empty file"),
        ("{", "not JSON"),
        ("refresh_token=abc", "not JSON"),
        (#"{"version":1}"#, "field \"key\" is missing"),
        (#"{"version":1,"key":"\#(key)","refreshToken":42,"savedAt":"2026-01-01T00:00:00Z"}"#, "field \"refreshToken\" has the wrong type"),
        (#"{"version":1,"key":"\#(key)","refreshToken":"","savedAt":"2026-01-01T00:00:00Z"}"#, "empty refresh token"),
    ])
    func aCorruptFileIsIgnoredWithAWarningAndReplacedOnSave(contents: String, expected: String) async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        let path = try #require(store.path(forKey: key))
        try writeFile(path, contents)
        #expect(await store.load(key: key) == nil)
        let warning = try #require(warnings.all.first)
        #expect(warnings.all.count == 1)
        #expect(warning.path == path)
        guard case .corrupt(let detail) = warning.reason else {
            Issue.record("expected a corrupt-file warning, got \(warning)")
            return
        }
        #expect(detail.contains(expected))
        await store.save(session(), key: key)
        #expect(await store.load(key: key) == session())
    }

    @Test func aNewerFormatVersionOrAnotherKeyIsIgnoredWithAWarning() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        let path = try #require(store.path(forKey: key))
        try writeFile(path, #"{"version":3,"somethingNew":true}"#)
        #expect(await store.load(key: key) == nil)
        await store.save(session(), key: "other")
        let otherFile = try String(contentsOfFile: try #require(store.path(forKey: "other")), encoding: .utf8)
        try writeFile(path, otherFile)
        #expect(await store.load(key: key) == nil)
        #expect(warnings.all.map(\.reason) == [.unsupportedVersion(3), .mismatch("written for key other…")])
    }

    @Test func aFileOthersCanReadIsIgnoredWithAWarning() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        await store.save(session(), key: key)
        let path = try #require(store.path(forKey: key))
        #expect(chmod(path, 0o644) == 0)
        #expect(await store.load(key: key) == nil)
        #expect(warnings.all == [SessionStoreWarning(path: path, reason: .insecureMode(mode: 0o644))])
    }

    @Test func aFileOfAnotherOwnerIsIgnoredWithAWarning() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        await FileSessionStore(directory: root.path, fingerprintKey: userKey).save(session(), key: key)
        let warnings = WarningLog()
        // This process's files look foreign to a store expecting another uid (no root needed).
        let strict = FileSessionStore(
            directory: root.path, expectedOwner: UInt32(geteuid()) + 1, fingerprintKey: userKey, onWarning: warnings.handler)
        #expect(await strict.load(key: key) == nil)
        #expect(warnings.all.map(\.reason) == [.wrongOwner(uid: UInt32(geteuid()))])
        await strict.save(session(), key: key)  // nor does it write into a foreign directory
        #expect(warnings.all.last?.reason == .wrongOwner(uid: UInt32(geteuid())))
    }

    @Test func somethingUnreadableInThePlaceOfTheFileIsIgnoredWithAWarning() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        await store.save(session(), key: "real")
        let directoryKey = "a-directory"
        let linkKey = "a-symlink"
        let fifoKey = "a-fifo"
        #expect(mkdir(try #require(store.path(forKey: directoryKey)), 0o700) == 0)
        #expect(symlink(try #require(store.path(forKey: "real")), try #require(store.path(forKey: linkKey))) == 0)
        #expect(mkfifo(try #require(store.path(forKey: fifoKey)), 0o600) == 0)  // must not block the load
        #expect(await store.load(key: directoryKey) == nil)
        #expect(await store.load(key: linkKey) == nil)
        #expect(await store.load(key: fifoKey) == nil)
        #expect(
            warnings.all.map(\.reason) == [
                .unreadable("not a regular file"), .unreadable("it is a symbolic link"), .unreadable("not a regular file"),
            ])
    }

    @Test func keysThatAreNotPlainFileNamesAreRefused() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path + "/sessions", fingerprintKey: userKey, onWarning: warnings.handler)
        for bad in ["../escape", "", ".hidden", "a/b", String(repeating: "x", count: 129)] {
            await store.save(session(), key: bad)
            #expect(await store.load(key: bad) == nil)
        }
        #expect(warnings.all.count == 10)
        #expect(warnings.all.allSatisfy { $0.reason == .invalidKey })
        #expect(!FileManager.default.fileExists(atPath: root.path + "/escape.json"))
    }

    @Test func twoStoresLikeTwoProcessesSeeEachOthersWrites() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let first = FileSessionStore(directory: root.path, fingerprintKey: userKey)
        let second = FileSessionStore(directory: root.path, fingerprintKey: userKey)
        await first.save(session("from-first"), key: key)
        #expect(await second.load(key: key)?.refreshToken.reveal() == "from-first")
        await second.save(session("rotated-by-second"), key: key)
        #expect(await first.load(key: key)?.refreshToken.reveal() == "rotated-by-second")
        await first.remove(key: key)
        #expect(await second.load(key: key) == nil)
    }

    @Test func theFileIsSealedJSONWithNeitherTheRefreshTokenNorThePassword() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let sessions = FileSessionStore(directory: root.path, fingerprintKey: userKey)
        // What the client does: it only ever hands refresh tokens to its token store.
        let settings = PixelSettings(username: "me@example.com", password: Secret(sentinelPassword), tenant: "acme")
        let tokens = SessionBinding(store: sessions, key: key, subject: settings.username)
        await tokens.saveRefreshToken(Secret(refreshToken))
        let data = try Data(contentsOf: URL(fileURLWithPath: try #require(sessions.path(forKey: key))))
        let text = String(decoding: data, as: UTF8.self)
        for secret in [refreshToken, sentinelPassword, "me@example.com"] {
            #expect(data.range(of: Data(secret.utf8)) == nil)
            #expect(!text.contains(Data(secret.utf8).base64EncodedString().dropLast(4)))
        }
        #expect(!text.lowercased().contains("password"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        #expect(object["key"] as? String == key)
        #expect(object["cipher"] as? String == "AES-256-GCM")
        #expect(Set(object.keys) == ["version", "key", "cipher", "sealed"])
        #expect(await tokens.loadRefreshToken()?.reveal() == refreshToken)
    }

    @Test func aPlaintextFileOfBeforeIsReadAndSealedAtTheNextSave() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        let path = try #require(store.path(forKey: key))
        try writeFile(
            path,
            #"{"key":"\#(key)","refreshToken":"\#(refreshToken)","refreshTokenExpiresAt":"2030-03-17T17:46:40Z","savedAt":"2027-01-15T08:00:00Z","subject":"me@example.com","version":1}"#
                + "\n")
        let loaded = try #require(await store.load(key: key))
        #expect(loaded.refreshToken.reveal() == refreshToken)
        #expect(loaded.subject == "me@example.com")
        #expect(loaded.refreshTokenExpiresAt == Date(timeIntervalSince1970: 1_900_000_000))
        #expect(try fileText(path).contains(refreshToken))  // reading changes nothing
        await store.save(loaded, key: key)
        let sealed = try fileText(path)
        #expect(!sealed.contains(refreshToken))
        #expect(sealed.contains(#""version":2"#))
        #expect(await store.load(key: key) == loaded)
        #expect(warnings.all.isEmpty)
    }

    @Test func aFileMovedToAnotherFingerprintsNameDoesNotOpen() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        let otherKey = String(repeating: "c4", count: 32)
        await store.save(session(), key: key)
        let moved = try #require(store.path(forKey: otherKey))
        // Moved as it is: the name inside says whose it is.
        let original = try #require(store.path(forKey: key))
        #expect(rename(original, moved) == 0)
        #expect(await store.load(key: otherKey) == nil)
        // Moved and edited to claim the new name: the seal is bound to the old one.
        try writeFile(moved, try fileText(moved).replacingOccurrences(of: key, with: otherKey))
        #expect(await store.load(key: otherKey) == nil)
        let reasons = warnings.all.map(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.first == .mismatch("written for key \(key.prefix(12))…"))
        guard case .corrupt(let detail) = reasons.last else {
            Issue.record("expected a corrupt-file warning, got \(reasons)")
            return
        }
        #expect(detail.contains("does not open with this user's fingerprint key"))
    }

    @Test(arguments: ["sealed byte", "another user's key"])
    func aTamperedOrForeignFileIsIgnoredWithAWarning(change: String) async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        let path = try #require(store.path(forKey: key))
        if change == "sealed byte" {
            await store.save(session(), key: key)
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            let base64 = try #require(object["sealed"] as? String)
            var sealed = try #require(Data(base64Encoded: base64))
            sealed[sealed.count / 2] ^= 0x01
            object["sealed"] = sealed.base64EncodedString()
            try writeFile(path, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        } else {
            await FileSessionStore(directory: root.path, fingerprintKey: fingerprintKey(filledWith: 0x11)).save(session(), key: key)
        }
        #expect(await store.load(key: key) == nil)
        let warning = try #require(warnings.all.first)
        #expect(warnings.all.count == 1 && warning.path == path)
        guard case .corrupt(let detail) = warning.reason else {
            Issue.record("expected a corrupt-file warning, got \(warning)")
            return
        }
        #expect(detail.contains("does not open"))
        #expect(!warning.description.contains(refreshToken))
        await store.save(session(), key: key)  // a fresh login replaces it
        #expect(await store.load(key: key) == session())
    }

    @Test func withoutAPersistentKeySessionsStayInMemoryWithOneWarning() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let directory = root.path + "/sessions"
        let store = FileSessionStore(directory: directory, fingerprintKey: .random(), onWarning: warnings.handler)
        await store.save(session("first-token"), key: key)
        await store.save(session("second-token"), key: key)
        #expect(await store.load(key: key)?.refreshToken.reveal() == "second-token")
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(warnings.all == [SessionStoreWarning(path: directory, reason: .notPersisted)])
        #expect(warnings.all[0].description.contains("kept in memory for this process only"))
        await store.remove(key: key)
        #expect(await store.load(key: key) == nil)
        // Another store (another run) has nothing.
        await store.save(session(), key: key)
        #expect(await FileSessionStore(directory: directory, fingerprintKey: .random()).load(key: key) == nil)
    }

    @Test func descriptionsAndWarningsNeverShowTheRefreshToken() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let warnings = WarningLog()
        let store = FileSessionStore(directory: root.path, fingerprintKey: userKey, onWarning: warnings.handler)
        await store.save(session(), key: key)
        #expect(chmod(try #require(store.path(forKey: key)), 0o640) == 0)
        _ = await store.load(key: key)
        let shown = [String(describing: session()), "\(session())"] + warnings.all.map(\.description)
        #expect(!shown.joined().contains(refreshToken))
        #expect(shown[0].contains("<redacted>"))
    }

    @Test func aClientSkipsStoredSessionsOfAnotherUserOrExpired() async throws {
        let memory = InMemorySessionStore()
        let warnings = WarningLog()
        let tokens = SessionBinding(store: memory, key: key, subject: "me@example.com", onWarning: warnings.handler)
        #expect(await tokens.loadRefreshToken() == nil)
        await memory.save(StoredSession(refreshToken: "theirs", subject: "someone@else.org"), key: key)
        #expect(await tokens.loadRefreshToken() == nil)
        #expect(warnings.all.map(\.reason) == [.mismatch("stored for another user")])
        await memory.save(
            StoredSession(refreshToken: "stale", refreshTokenExpiresAt: Date(timeIntervalSinceNow: -60), subject: "me@example.com"), key: key)
        #expect(await tokens.loadRefreshToken() == nil)
        await tokens.saveRefreshToken("fresh")
        #expect(await tokens.loadRefreshToken()?.reveal() == "fresh")
        #expect(await memory.load(key: key)?.subject == "me@example.com")
        #expect(memory.keys == [key])
    }

    @Test func aClientHearsTheFileStoresOwnWarnings() async throws {
        let root = try SessionStoreTempDirectory()
        defer { root.cleanUp() }
        let files = FileSessionStore(directory: root.path, fingerprintKey: userKey)  // created without a handler
        let registryWarnings = WarningLog()
        let tokens = SessionBinding(store: files, key: key, subject: "me@example.com", onWarning: registryWarnings.handler)
        try writeFile(try #require(files.path(forKey: key)), "{ not json")
        #expect(await tokens.loadRefreshToken() == nil)
        #expect(await files.load(key: key) == nil)  // outside the adapter: nobody to tell
        #expect(registryWarnings.all.map(\.reason) == [.corrupt("not JSON with a numeric \"version\"")])
    }

    @Test func theDefaultDirectoryFollowsXDGThenHome() {
        #expect(FileSessionStore.defaultDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/me"]) == "/cfg/pixel-client/sessions")
        #expect(
            FileSessionStore.defaultDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/me"])
                == "/home/me/.config/pixel-client/sessions")
        #expect(FileSessionStore.defaultDirectory(environment: ["HOME": "/home/me"]) == "/home/me/.config/pixel-client/sessions")
        #expect(FileSessionStore(environment: ["HOME": "/home/me"]).directory == "/home/me/.config/pixel-client/sessions")
    }
}

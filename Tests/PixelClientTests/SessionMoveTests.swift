import Foundation
import PixelClient
import Settings
import Testing

/// Sessions stored under the fingerprint of before (unkeyed, version 1) move to their current
/// name instead of being lost on upgrade. Real files in temporary directories.
struct SessionMoveTests {
    private let oldKey = String(repeating: "a1", count: 32)
    private let newKey = String(repeating: "b2", count: 32)
    private let userKey: FingerprintKey

    init() throws {
        userKey = try FingerprintKey(bytes: Array(repeating: 0x5A, count: FingerprintKey.byteCount))
    }

    private func withStore(_ body: (FileSessionStore, String) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "/session-move-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await body(FileSessionStore(directory: directory, fingerprintKey: userKey), directory)
    }

    private func session(_ token: String) -> StoredSession {
        StoredSession(refreshToken: Secret(token), subject: "me@example.com", savedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func aSessionUnderTheOldNameMovesToTheNewOne() async throws {
        try await withStore { store, directory in
            await store.save(session("R3FRESH-old"), key: oldKey)
            #expect(await store.moveSession(from: oldKey, to: newKey))
            #expect(await store.load(key: newKey)?.refreshToken.reveal() == "R3FRESH-old")
            #expect(await store.load(key: oldKey) == nil)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files == ["\(newKey).json"])
        }
    }

    @Test func aSessionAlreadyUnderTheNewNameIsKeptAndTheOldOneIsLeftAlone() async throws {
        try await withStore { store, _ in
            await store.save(session("R3FRESH-old"), key: oldKey)
            await store.save(session("R3FRESH-new"), key: newKey)
            #expect(await !store.moveSession(from: oldKey, to: newKey))
            #expect(await store.load(key: newKey)?.refreshToken.reveal() == "R3FRESH-new")
            #expect(await store.load(key: oldKey)?.refreshToken.reveal() == "R3FRESH-old")
        }
    }

    @Test func withoutAnOldSessionNothingHappens() async throws {
        try await withStore { store, directory in
            #expect(await !store.moveSession(from: oldKey, to: newKey))
            #expect(!FileManager.default.fileExists(atPath: directory))
        }
    }

    @Test func theClientsSessionBindingMovesALegacySessionOnItsFirstLoad() async throws {
        try await withStore { store, _ in
            await store.save(session("R3FRESH-old"), key: oldKey)
            let tokens = SessionBinding(store: store, key: newKey, legacyKey: oldKey, subject: "me@example.com")
            #expect(await tokens.loadRefreshToken()?.reveal() == "R3FRESH-old")
            #expect(await store.load(key: oldKey) == nil)
            #expect(await tokens.loadRefreshToken()?.reveal() == "R3FRESH-old")
        }
    }
}

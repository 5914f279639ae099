import Foundation
import Synchronization
import Testing

@testable import Settings

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's fingerprint key on disk: created on first use, private, race-safe, and every
/// unusable file is a typed error that leaves the file alone. Always in temporary directories.
struct FingerprintKeyFileTests {
    private func mode(_ path: String) throws -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw POSIX.Errno(code: errno) }
        return UInt32(info.st_mode) & 0o777
    }

    private func failure(_ path: String) -> FingerprintKeyError? {
        do {
            _ = try FingerprintKey.loadOrCreate(atPath: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func theKeyIsCreatedOnFirstUseWithMode600InNewPrivateDirectories() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/config/app/fingerprint.key"
        let created = try FingerprintKey.loadOrCreate(atPath: path)
        #expect(created.origin == .file(path))
        #expect(created.isPersistent)
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory.path + "/config") == 0o700)
        #expect(try mode(directory.path + "/config/app") == 0o700)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("settings-fingerprint-key v1 ") && text.hasSuffix("\n") && text.count == 28 + 64 + 1)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/config/app") == ["fingerprint.key"])
        // Read again (as another process would), it is the same secret.
        let loaded = try FingerprintKey.loadOrCreate(atPath: path)
        #expect(loaded.hasSameSecret(as: created))
        let values: [String: SettingValue] = ["a": .string("x"), "b": .int(1), "p": .secret("pw")]
        #expect(
            SettingsFingerprint(schema: FingerprintTests.golden, values: values, key: loaded)
                == SettingsFingerprint(schema: FingerprintTests.golden, values: values, key: created))
    }

    @Test func creatorsRacingForTheSameFileAllEndUpWithOneKey() throws {
        for _ in 0..<20 {
            let directory = try TemporaryDirectory()
            let path = directory.path + "/fingerprint.key"
            let results = Mutex<[FingerprintKey]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                if let key = try? FingerprintKey.loadOrCreate(atPath: path) { results.withLock { $0.append(key) } }
            }
            let keys = results.withLock { $0 }
            #expect(keys.count == 8)
            #expect(keys.allSatisfy { $0.hasSameSecret(as: keys[0]) })
            #expect(try FingerprintKey.loadOrCreate(atPath: path).hasSameSecret(as: keys[0]))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["fingerprint.key"])
        }
    }

    @Test(arguments: [
        ("", "it does not start with 'settings-fingerprint-key v1 '"),
        ("settings-fingerprint-key v2 00\n", "it does not start with 'settings-fingerprint-key v1 '"),
        ("settings-fingerprint-key v1 abcd\n", "the key is not 64 hex digits"),
        ("settings-fingerprint-key v1 " + String(repeating: "zz", count: 32) + "\n", "the key is not 64 hex digits"),
    ])
    func aCorruptFileIsATypedErrorAndIsNeverOverwritten(contents: String, detail: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("fingerprint.key", contents)
        chmod(path, 0o600)
        #expect(failure(path) == FingerprintKeyError(path: path, reason: .corrupt(detail)))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == contents)
        #expect(failure(path)?.description.hasSuffix("delete it to create a new key (stored sessions are then forgotten)") == true)
    }

    @Test func aFileOthersCanReadIsRefusedWithTheFix() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/fingerprint.key"
        _ = try FingerprintKey.loadOrCreate(atPath: path)
        chmod(path, 0o644)
        let error = try #require(failure(path))
        #expect(error.reason == .insecureMode(mode: 0o644))
        #expect(error.description == "fingerprint key \(path): mode 644 lets other users read it; run chmod 600 on it")
        #expect(try mode(path) == 0o644)
    }

    @Test func aSymlinkADirectoryAndAFIFOAreRefused() throws {
        let directory = try TemporaryDirectory()
        let real = directory.path + "/real.key"
        _ = try FingerprintKey.loadOrCreate(atPath: real)
        let link = directory.path + "/link.key"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(failure(link)?.reason == .unreadable("it is a symbolic link"))
        let folder = directory.path + "/folder.key"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        chmod(folder, 0o700)
        #expect(failure(folder)?.reason == .unreadable("not a regular file"))
        let fifo = directory.path + "/fifo.key"
        #expect(mkfifo(fifo, 0o600) == 0)
        // O_NONBLOCK: opening a FIFO without a writer must not hang.
        #expect(failure(fifo)?.reason == .unreadable("not a regular file"))
    }

    @Test func aPlaceWhereNothingCanBeCreatedIsATypedError() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("plain-file", "x")
        let path = file + "/app/fingerprint.key"
        let error = try #require(failure(path))
        guard case .unwritable(let detail) = error.reason else {
            Issue.record("expected unwritable, got \(error)")
            return
        }
        #expect(detail.hasPrefix("creating \(file)/app: "))
    }

    @Test func theUserKeyPathFollowsTheXDGRules() {
        #expect(
            FingerprintKey.userKeyPath(directory: "app", environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/app/fingerprint.key")
        #expect(
            FingerprintKey.userKeyPath(directory: "app", environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])
                == "/h/.config/app/fingerprint.key")
        #expect(FingerprintKey.userKeyPath(directory: "app", environment: ["HOME": ""]) == nil)
        #expect(FingerprintKey.userKeyPath(directory: "app", environment: [:]) == nil)
    }

    @Test func errorsNameTheFileButNeverTheKey() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/fingerprint.key"
        _ = try FingerprintKey.loadOrCreate(atPath: path)
        let hex = try String(contentsOfFile: path, encoding: .utf8).split(separator: " ").last.map { String($0.dropLast()) } ?? ""
        #expect(hex.count == 64)
        chmod(path, 0o640)
        let error = try #require(failure(path))
        #expect(error.description.contains(path))
        #expect(!error.description.contains(hex.prefix(8)))
    }
}

public import Foundation
import NIOConcurrencyHelpers
public import Settings

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An opt-in ``SessionStore`` that keeps one sealed file per settings fingerprint, so a rerun of a
/// program can use the refresh-token grant instead of sending the password again.
///
/// Files live in `$XDG_CONFIG_HOME/pixel-client/sessions/` (or `~/.config/pixel-client/sessions/`),
/// named `<key>.json`. The key is a settings fingerprint, so a program that wants its sessions back
/// in the next run calls `PixelSettings.useUserFingerprintKey()` once at startup (the `pixel` CLI
/// does).
///
/// **Encrypted at rest.** The session (refresh token, subject and dates) is sealed with AES-256-GCM
/// under a key derived from the user's fingerprint key (`fingerprint.key`, mode 0600, next to the
/// `sessions` directory), with the file's name as associated data. A copied session file is useless
/// without that key, and a file that was altered or renamed to another fingerprint does not open:
/// it is ignored with a warning. Files written by earlier versions (the token in plain text) are
/// still read, and replaced by a sealed file at the next save (the client saves every rotated
/// refresh token).
///
/// **Without a persistent key** — no `useUserFingerprintKey()` call, or it failed, so the process
/// fingerprints with a random key of its own — nothing could find the files again in another run.
/// The store then keeps sessions in memory for its own lifetime, writes nothing, and reports one
/// ``SessionStoreWarning/Reason/notPersisted`` warning at the first save.
///
/// The directory is created with mode 0700 and every file is written to a temporary file with mode
/// 0600 and then renamed over the old one, so another process reads either the old or the new
/// session, never half of one. A file that is corrupt, unreadable, not a regular file, readable by
/// other users or owned by someone else is ignored and reported to `onWarning` and to
/// ``SessionStoreWarning/taskHandler``; nothing is ever thrown. Only the refresh token is stored
/// (plus subject and dates) — never a password or an access token.
///
/// ```swift
/// try PixelSettings.useUserFingerprintKey()
/// let store = FileSessionStore(onWarning: { warning in logger.warning("\(warning)") })
/// await store.save(StoredSession(refreshToken: token, subject: "me@example.com"), key: fingerprint.hex)
/// // another process of the same user, later:
/// let session = await FileSessionStore().load(key: fingerprint.hex)
/// ```
///
/// The file format (version 2) is JSON with sorted keys:
/// `{"cipher":"AES-256-GCM","key":"…","sealed":"<base64>","version":2}`, where `sealed` is the
/// GCM nonce, ciphertext and tag of the session as JSON.
public final class FileSessionStore: SessionStore {
    /// The file format this type writes; it reads this one and version 1 (unsealed).
    public static let formatVersion = SealedSessionFileRecord.version
    /// Files larger than this are not session files.
    static let maximumFileSize = 64 * 1024

    /// The directory holding the session files.
    public let directory: String
    private let expectedOwner: UInt32
    private let fingerprintKey: FingerprintKey?
    private let onWarning: SessionStoreWarningHandler?
    /// Sessions kept while there is no persistent key, and whether that was reported yet.
    private let unpersisted = NIOLockedValueBox(UnpersistedSessions())

    private struct UnpersistedSessions {
        var sessions: [String: StoredSession] = [:]
        var reported = false
    }

    /// Creates a store. Nothing is touched on disk until the first `load` or `save`.
    ///
    /// - Parameters:
    ///   - directory: where the files go; `nil` means ``defaultDirectory(environment:)``.
    ///   - environment: read for `XDG_CONFIG_HOME` and `HOME` when `directory` is `nil`.
    ///   - fingerprintKey: the key sessions are sealed under (through a derived key); `nil` means
    ///     `FingerprintKey.process`, the key the settings fingerprints are made with, looked up at
    ///     each call. A random key (`FingerprintKey.Origin.ephemeral`) keeps sessions in memory.
    ///   - onWarning: told about every ignored file and failed write.
    public convenience init(
        directory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        fingerprintKey: FingerprintKey? = nil,
        onWarning: SessionStoreWarningHandler? = nil
    ) {
        self.init(
            directory: directory ?? Self.defaultDirectory(environment: environment),
            expectedOwner: UInt32(geteuid()), fingerprintKey: fingerprintKey, onWarning: onWarning)
    }

    /// Creates a store that expects its files to belong to `expectedOwner` (tests use another
    /// uid to check that foreign files are refused without needing root).
    package init(
        directory: String, expectedOwner: UInt32, fingerprintKey: FingerprintKey? = nil, onWarning: SessionStoreWarningHandler?
    ) {
        self.directory = directory
        self.expectedOwner = expectedOwner
        self.fingerprintKey = fingerprintKey
        self.onWarning = onWarning
    }

    /// The seal for this call, or `nil` when the key is random to this process.
    private func currentSeal() -> SessionSeal? {
        let key = fingerprintKey ?? FingerprintKey.process
        return key.origin == .ephemeral ? nil : SessionSeal(fingerprintKey: key)
    }

    /// `$XDG_CONFIG_HOME/pixel-client/sessions` when that is an absolute path, otherwise
    /// `$HOME/.config/pixel-client/sessions` (the XDG base-directory rules).
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/pixel-client/sessions"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/pixel-client/sessions"
    }

    /// The file that holds `key`'s session, or `nil` when `key` is not a plain file name.
    public func path(forKey key: String) -> String? {
        guard Self.isUsableKey(key) else { return nil }
        return directory + "/" + key + ".json"
    }

    public func load(key: String) async -> StoredSession? {
        guard let path = path(forKey: key) else {
            warn(key, .invalidKey)
            return nil
        }
        guard let seal = currentSeal() else {
            return unpersisted.withLockedValue { $0.sessions[key] }
        }
        switch SessionFileIO.readPrivateFile(path: path, owner: expectedOwner, limit: Self.maximumFileSize) {
        case .absent:
            return nil
        case .refused(let reason):
            warn(path, reason)
            return nil
        case .contents(let bytes):
            switch SessionFileRecord.decode(bytes, expectedKey: key, seal: seal) {
            case .session(let session): return session
            case .rejected(let reason):
                warn(path, reason)
                return nil
            }
        }
    }

    public func save(_ session: StoredSession, key: String) async {
        guard let path = path(forKey: key) else {
            warn(key, .invalidKey)
            return
        }
        guard let seal = currentSeal() else {
            let first = unpersisted.withLockedValue { state in
                state.sessions[key] = session
                defer { state.reported = true }
                return !state.reported
            }
            if first { warn(directory, .notPersisted) }
            return
        }
        if let problem = SessionFileIO.preparePrivateDirectory(directory, owner: expectedOwner) {
            warn(directory, problem)
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try SealedSessionFileRecord.encode(session, key: key, seal: seal)
        } catch {
            warn(path, .writeFailed("encoding failed"))
            return
        }
        if let failure = SessionFileIO.replaceAtomically(path: path, directory: directory, contents: bytes) {
            warn(path, .writeFailed(failure))
        }
    }

    public func remove(key: String) async {
        guard let path = path(forKey: key) else {
            warn(key, .invalidKey)
            return
        }
        _ = unpersisted.withLockedValue { $0.sessions.removeValue(forKey: key) }
        if unlink(path) != 0, errno != ENOENT {
            warn(path, .writeFailed(SessionFileIO.errorText(errno)))
        }
    }

    private func warn(_ path: String, _ reason: SessionStoreWarning.Reason) {
        SessionStoreWarning.report(SessionStoreWarning(path: path, reason: reason), to: onWarning)
    }

    /// Letters, digits, `-`, `_` and `.`, not starting with `.`, at most 128 characters: a hex
    /// fingerprint fits, a path never does.
    static func isUsableKey(_ key: String) -> Bool {
        guard !key.isEmpty, key.utf8.count <= 128, !key.hasPrefix(".") else { return false }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}

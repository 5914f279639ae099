/// Why a session store ignored a stored session or failed to save one. Never contains a token.
///
/// ```swift
/// let store = FileSessionStore(onWarning: { warning in logger.warning("\(warning)") })
/// // session store ignored /home/me/.config/pixel-client/sessions/3f2a….json: mode 0644 lets other users read it
/// ```
public struct SessionStoreWarning: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The file is not valid JSON of the expected shape.
        case corrupt(String)
        /// The file was written by a newer (or unknown) format version.
        case unsupportedVersion(Int)
        /// The file could not be opened or read (`errno` text), or is not a regular file.
        case unreadable(String)
        /// Group or other users have access (`mode` is the permission bits).
        case insecureMode(mode: UInt32)
        /// The file or directory belongs to another user.
        case wrongOwner(uid: UInt32)
        /// The file holds a session for another key or user.
        case mismatch(String)
        /// The key cannot be used as a file name.
        case invalidKey
        /// Saving or removing failed (`errno` text); the previous file, if any, is unchanged.
        case writeFailed(String)
        /// The process has no persistent fingerprint key, so sessions are kept in memory for the
        /// store's lifetime and never written (another run could not find them again).
        case notPersisted

        public var description: String {
            switch self {
            case .corrupt(let detail): "not a valid session file (\(detail))"
            case .unsupportedVersion(let version):
                "format version \(version) is not supported (this library reads versions 1 to \(FileSessionStore.formatVersion))"
            case .unreadable(let detail): "cannot be read (\(detail))"
            case .insecureMode(let mode): "mode \(String(mode, radix: 8)) lets other users read it (expected 600 for files, 700 for the directory)"
            case .wrongOwner(let uid): "owned by uid \(uid), not by this user"
            case .mismatch(let detail): "belongs to another session (\(detail))"
            case .invalidKey: "the key is not a plain file name (letters, digits, '-', '_', '.')"
            case .writeFailed(let detail): "could not be written (\(detail))"
            case .notPersisted:
                "no persistent fingerprint key (see PixelSettings.useUserFingerprintKey()), so sessions are kept in memory for this process only"
            }
        }
    }

    /// The file or directory concerned (or the key, for stores without files).
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates a warning.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .writeFailed: "session store could not save \(path): \(reason)"
        case .notPersisted: "session store writes nothing to \(path): \(reason)"
        default: "session store ignored \(path): \(reason)"
        }
    }
}

/// Receives session-store warnings; called on the task that hit the problem, keep it quick.
public typealias SessionStoreWarningHandler = @Sendable (SessionStoreWarning) -> Void

extension SessionStoreWarning {
    /// Who else hears about warnings raised by a store call in this task: a client binds its
    /// event handler here around every store call, so a store created without a handler (or
    /// with its own) still reaches the client and the registry that use it.
    @TaskLocal public static var taskHandler: SessionStoreWarningHandler?

    /// Reports `warning` to `ownHandler` and to ``taskHandler``. Custom stores call this.
    ///
    /// ```swift
    /// SessionStoreWarning.report(SessionStoreWarning(path: key, reason: .corrupt("bad keychain item")), to: onWarning)
    /// ```
    public static func report(_ warning: SessionStoreWarning, to ownHandler: SessionStoreWarningHandler?) {
        ownHandler?(warning)
        taskHandler?(warning)
    }
}

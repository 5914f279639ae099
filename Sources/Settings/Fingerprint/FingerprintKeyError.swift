/// Why a ``FingerprintKey`` file cannot be used. It names the file and the reason, never the key.
///
/// ```swift
/// do { _ = try FingerprintKey.loadOrCreate(atPath: path) }
/// catch { print(error) }
/// // fingerprint key /home/me/.config/app/fingerprint.key: mode 644 lets other users read it; run chmod 600 on it
/// ```
public struct FingerprintKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// Neither `XDG_CONFIG_HOME` nor `HOME` names a place for the user's key.
        case noLocation
        /// The file cannot be opened or read (the `errno` text, a symbolic link, not a regular file).
        case unreadable(String)
        /// The file is not a key file of a known format.
        case corrupt(String)
        /// Group or other users may access the file (`mode` is the permission bits).
        case insecureMode(mode: UInt32)
        /// The file belongs to another user.
        case wrongOwner(uid: UInt32)
        /// Creating the key failed (the step and the `errno` text).
        case unwritable(String)
        /// This process has already fingerprinted with a different key, so switching now would
        /// make its fingerprints disagree.
        case alreadyInUse

        public var description: String {
            switch self {
            case .unreadable(let detail): "cannot be read (\(detail))"
            case .noLocation: "neither XDG_CONFIG_HOME nor HOME is set, so there is no per-user place for it"
            case .corrupt(let detail): "is not a usable key file (\(detail)); delete it to create a new key (stored sessions are then forgotten)"
            case .alreadyInUse: "this process has already computed fingerprints with another key"
            case .insecureMode(let mode): "mode \(String(mode, radix: 8)) lets other users read it; run chmod 600 on it"
            case .unwritable(let detail): "cannot be created (\(detail))"
            case .wrongOwner(let uid): "belongs to uid \(uid), not to this user"
            }
        }
    }

    /// The key file, when there is one.
    public var path: String?
    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String?, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `fingerprint key PATH: reason`.
    public var description: String {
        path.map { "fingerprint key \($0): \(reason)" } ?? "fingerprint key: \(reason)"
    }
}

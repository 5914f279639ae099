import Crypto

/// The secret that keys the password part of a ``SettingsFingerprint``.
///
/// Fingerprints are printed, logged and used to name files, so the digest of a secret inside one
/// must not let whoever sees it test password guesses offline. A secret therefore enters the
/// fingerprint only as HMAC-SHA256 under this key: 32 random bytes that never leave the user's
/// account. Every process that uses the same key computes the same fingerprints, and a password
/// change still changes them.
///
/// ```swift
/// // Once at startup: the user's key, created on first use (0600, under the config directory).
/// if let path = FingerprintKey.userKeyPath(directory: "my-app", environment: ProcessInfo.processInfo.environment) {
///     try FingerprintKey.useForProcess(FingerprintKey.loadOrCreate(atPath: path))
/// }
/// let fingerprint = SettingsFingerprint(schema: schema, values: values)   // keyed by it
/// ```
///
/// A process that installs no key gets a random one at its first fingerprint (see
/// ``process``): its fingerprints are stable within the process only.
public struct FingerprintKey: Sendable, CustomStringConvertible {
    /// Where a key came from.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        /// Read from, or created at, this path: shared by every process that reads it.
        case file(String)
        /// Random, for this process only.
        case ephemeral
        /// Given in code.
        case provided

        public var description: String {
            switch self {
            case .file(let path): "file \(path)"
            case .ephemeral: "random for this process"
            case .provided: "provided in code"
            }
        }
    }

    /// The key's length in bytes.
    public static let byteCount = 32

    /// The secret itself.
    let secret: SymmetricKey
    /// Where it came from.
    public let origin: Origin

    init(secret: SymmetricKey, origin: Origin) {
        self.secret = secret
        self.origin = origin
    }

    /// A key made of `bytes` (exactly ``byteCount`` of them), e.g. one a program keeps in its own
    /// secret store.
    ///
    /// - Throws: ``FingerprintKeyError`` with ``FingerprintKeyError/Reason/corrupt(_:)`` for
    ///   another length.
    public init(bytes: [UInt8]) throws(FingerprintKeyError) {
        guard bytes.count == Self.byteCount else {
            throw FingerprintKeyError(path: nil, reason: .corrupt("a key is \(Self.byteCount) bytes, not \(bytes.count)"))
        }
        self.init(secret: SymmetricKey(data: bytes), origin: .provided)
    }

    /// A new random key (from the system's secure random source) for this process only.
    public static func random() -> FingerprintKey {
        FingerprintKey(secret: SymmetricKey(size: .bits256), origin: .ephemeral)
    }

    /// Whether fingerprints under this key are the same in the user's other processes.
    public var isPersistent: Bool {
        if case .file = origin { return true }
        return false
    }

    /// Whether `other` is the same secret (compared in constant time).
    func hasSameSecret(as other: FingerprintKey) -> Bool {
        secret == other.secret
    }

    /// Names the origin, never the secret.
    public var description: String { "FingerprintKey(\(origin), \(Secret<String>.redacted))" }

    /// `$XDG_CONFIG_HOME/<directory>/fingerprint.key` when that variable is an absolute path,
    /// otherwise `$HOME/.config/<directory>/fingerprint.key` (the XDG base-directory rules), or `nil`
    /// when neither is set: then there is no per-user place for a key.
    public static func userKeyPath(directory: String, environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/" + directory + "/fingerprint.key"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/" + directory + "/fingerprint.key"
    }

    /// Reads the key at `path`, or creates it there when nothing exists yet.
    ///
    /// Creation is safe against other processes doing the same at the same time: the new key is
    /// written to a private temporary file (`O_CREAT|O_EXCL`, mode 0600), flushed, and then
    /// hard-linked to `path`, which fails if another process got there first; that process's key is
    /// then read and used. Missing parent directories are created with mode 0700.
    ///
    /// The file is one line of text: `settings-fingerprint-key v1 ` followed by 64 hex digits. It
    /// is refused (never overwritten) when it is a symbolic link or not a regular file, belongs to
    /// another user, lets group or others read it, or is malformed.
    ///
    /// - Throws: ``FingerprintKeyError`` naming the path and the reason; never the key.
    public static func loadOrCreate(atPath path: String) throws(FingerprintKeyError) -> FingerprintKey {
        if let existing = try FingerprintKeyFile.read(path: path) { return existing }
        return try FingerprintKeyFile.create(path: path)
    }
}

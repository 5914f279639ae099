public import Foundation
public import Settings

extension PixelSettings {
    /// Where this user's fingerprint key lives: `$XDG_CONFIG_HOME/pixel-client/fingerprint.key`, or
    /// `~/.config/pixel-client/fingerprint.key` (next to the session store's directory); `nil` when
    /// neither `XDG_CONFIG_HOME` nor `HOME` is set.
    public static func userFingerprintKeyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        FingerprintKey.userKeyPath(directory: "pixel-client", environment: environment)
    }

    /// Makes settings fingerprints the same in every process of this user: reads the user's
    /// fingerprint key (creating it, mode 0600, on first use) and installs it as this process's
    /// key. Call it once at startup, before settings are resolved, in every program that keeps
    /// anything under a fingerprint between runs — a ``FileSessionStore`` in particular, whose
    /// files are named by fingerprint. The `pixel` CLI does.
    ///
    /// ```swift
    /// try PixelSettings.useUserFingerprintKey()
    /// let registry = PixelClientRegistry(configuration: .init(hooks: PixelClientHooks(sessionStore: FileSessionStore())))
    /// ```
    ///
    /// Without it, a process fingerprints with a random key of its own (see
    /// `FingerprintKey.process`): caching and change detection work as usual, but a session saved
    /// under one run's fingerprint is not found by the next run.
    ///
    /// - Returns: the installed key (its `origin` names the file).
    /// - Throws: `FingerprintKeyError` when there is no place for the key, the file cannot be
    ///   read or created, is malformed or readable by others, or this process has already
    ///   fingerprinted with another key. Nothing is overwritten; the process keeps fingerprinting
    ///   with a random key.
    @discardableResult
    public static func useUserFingerprintKey(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FingerprintKeyError) -> FingerprintKey {
        guard let path = userFingerprintKeyPath(environment: environment) else {
            throw FingerprintKeyError(path: nil, reason: .noLocation)
        }
        let key = try FingerprintKey.loadOrCreate(atPath: path)
        try FingerprintKey.useForProcess(key)
        return key
    }

    /// The name a session of these settings was stored under before fingerprints were keyed (the
    /// version-1 fingerprint), to move it to its current name. `nil` while the process has no
    /// persistent key: a session moved to a name that only this process computes would be lost.
    package var legacySessionKey: String? {
        guard FingerprintKey.process.isPersistent else { return nil }
        return SettingsFingerprint.version1(schema: Self.schema, values: settingValues).hex
    }
}

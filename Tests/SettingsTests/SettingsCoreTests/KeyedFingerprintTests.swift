import Crypto
import Foundation
import Testing

@testable import Settings

/// The password enters the fingerprint only through HMAC under the user's key, so a fingerprint
/// cannot be used to test password guesses offline; with the same key it is the same everywhere.
struct KeyedFingerprintTests {
    private let password = "correct horse battery staple"

    private func fingerprint(_ password: String, key: FingerprintKey) -> SettingsFingerprint {
        SettingsFingerprint(schema: FingerprintTests.golden, values: ["a": .string("x"), "b": .int(1), "p": .secret(Secret(password))], key: key)
    }

    @Test func theFingerprintOfAKnownPasswordDiffersFromEveryUnkeyedHashOfIt() throws {
        let key = FingerprintKey.random()
        let keyed = fingerprint(password, key: key)
        let secretDigest = SecretDigest.keyed(key).digest(schema: "g", field: "p", value: password)
        let bytes = Array(password.utf8)
        let version1Input = Array("settings.secret.v1\0g\0p\0\(password)".utf8)
        let version2Input = Array("settings.secret.v2\0g\0p\0\(password)".utf8)
        var unkeyed: [[UInt8]] = []
        for input in [bytes, version1Input, version2Input] {
            unkeyed.append(Array(SHA256.hash(data: input)))
            unkeyed.append(Array(SHA384.hash(data: input)))
            unkeyed.append(Array(SHA512.hash(data: input)))
            unkeyed.append(Array(Insecure.SHA1.hash(data: input)))
            unkeyed.append(Array(Insecure.MD5.hash(data: input)))
        }
        unkeyed.append(
            SettingsFingerprint.version1(
                schema: FingerprintTests.golden, values: ["a": .string("x"), "b": .int(1), "p": .secret(Secret(password))]
            ).bytes)
        for hash in unkeyed {
            #expect(keyed.bytes != hash)
            #expect(secretDigest != hash)
            // Not even a prefix of one: nothing an offline guesser could compare against.
            #expect(!Hex.encode(hash).contains(keyed.hex.prefix(16)) && !Hex.encode(hash).contains(Hex.encode(secretDigest).prefix(16)))
        }
        // Without the key the same password gives another digest.
        #expect(SecretDigest.keyed(.random()).digest(schema: "g", field: "p", value: password) != secretDigest)
    }

    @Test func theSameKeyGivesTheSameFingerprintAndAPasswordChangeChangesIt() throws {
        let key = try FingerprintKey(bytes: Array(repeating: 7, count: 32))
        let again = try FingerprintKey(bytes: Array(repeating: 7, count: 32))
        #expect(fingerprint(password, key: key) == fingerprint(password, key: again))
        #expect(fingerprint(password, key: key) != fingerprint(password + "!", key: key))
        #expect(fingerprint(password, key: key) != fingerprint(password, key: .random()))
    }

    @Test func aResolverUsesTheKeyItIsGiven() throws {
        let key = FingerprintKey.random()
        let sources = SettingsSources(environment: .dictionary(demoRequired), workingDirectory: "/nonexistent-settings-dir")
        let first = try SettingsResolver(schema: demoSchema, fingerprintKey: key).resolve(sources)
        let second = try SettingsResolver(schema: demoSchema, fingerprintKey: key).resolve(sources)
        let other = try SettingsResolver(schema: demoSchema, fingerprintKey: .random()).resolve(sources)
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.fingerprint != other.fingerprint)
        #expect(first.fingerprint == SettingsFingerprint(schema: demoSchema, values: first.values, key: key))
        // Without a key of its own a resolver uses the process's, as the plain initializer does.
        let processKeyed = try SettingsResolver(schema: demoSchema).resolve(sources)
        #expect(processKeyed.fingerprint == SettingsFingerprint(schema: demoSchema, values: processKeyed.values))
    }

    @Test func aKeyOfTheWrongLengthIsATypedError() {
        #expect(throws: FingerprintKeyError(path: nil, reason: .corrupt("a key is 32 bytes, not 16"))) {
            try FingerprintKey(bytes: Array(repeating: 1, count: 16))
        }
    }

    @Test func aKeyNeverPrintsItsSecret() throws {
        let key = try FingerprintKey(bytes: Array(repeating: 0xAB, count: 32))
        for text in [key.description, String(reflecting: key), "\(key)"] {
            #expect(!text.lowercased().contains("abab"), "\(text)")
        }
        #expect(key.description == "FingerprintKey(provided in code, <redacted>)")
    }

    // MARK: The process's key (a private instance, so parallel tests never share the state)

    @Test func withoutAnInstalledKeyTheProcessFixesARandomOneAtFirstUse() throws {
        let holder = ProcessFingerprintKey()
        let first = holder.current
        #expect(first.origin == .ephemeral)
        #expect(holder.current.hasSameSecret(as: first))
        #expect(throws: FingerprintKeyError(path: nil, reason: .alreadyInUse)) { try holder.use(.random()) }
        try holder.use(first)
    }

    @Test func aKeyInstalledBeforeTheFirstUseIsTheProcessKey() throws {
        let holder = ProcessFingerprintKey()
        let key = try FingerprintKey(bytes: Array(repeating: 3, count: 32))
        try holder.use(key)
        #expect(holder.current.hasSameSecret(as: key))
        try holder.use(FingerprintKey(bytes: Array(repeating: 3, count: 32)))
        #expect(throws: FingerprintKeyError(path: nil, reason: .alreadyInUse)) { try holder.use(.random()) }
    }
}

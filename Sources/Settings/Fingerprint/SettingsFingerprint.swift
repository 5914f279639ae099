import Crypto

/// A stable digest of resolved settings, for cache keys, session file names and "did anything
/// change?".
///
/// Equal settings give the same fingerprint in every process that uses the same
/// ``FingerprintKey`` (the user's key file, see ``FingerprintKey/process``); any change of any
/// fingerprinted value, secrets included, gives a different one; printing it reveals nothing, and
/// it cannot be used to test password guesses without the key.
///
/// ## Encoding (version 2)
/// SHA-256 over: the tag `settings.fingerprint.v2\0`, the schema name, then for every
/// fingerprinted field **sorted by field name** (UTF-8 byte order): the length-prefixed name, a
/// type tag byte and a typed, length-prefixed value (absent `0`, string `S` + UTF-8, bool `B`,
/// int `I` 8 bytes big-endian, double `D` IEEE bits, duration `T` seconds + attoseconds,
/// secret `X` + a 32-byte digest). Lengths are 4-byte big-endian, so no two different inputs
/// share an encoding.
///
/// ## Secrets: keyed
/// A secret enters only as HMAC-SHA256 under the ``FingerprintKey`` of
/// (`settings.secret.v2\0` + schema + `\0` + field + `\0` + value). Without the key, which stays
/// in the user's account (mode 0600), a fingerprint that is logged, printed or used as a file
/// name tells nothing about the password and offers nothing to test guesses against; with the
/// same key, every process of the user computes the same fingerprint.
///
/// ```swift
/// let resolved = try resolver.resolve(sources)
/// print(resolved.fingerprint)        // 64 hex digits
/// ```
public struct SettingsFingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Lower-case hex.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }

    /// The encoding version; bump it whenever the encoding changes.
    public static let version = 2

    /// Fingerprints `values` (by field name) under `schema` with the process's key
    /// (``FingerprintKey/process``); fields the schema marks as not fingerprinted are left out,
    /// absent fields are encoded as absent.
    public init(schema: SettingsSchema, values: [String: SettingValue]) {
        self.init(schema: schema, values: values, key: .process)
    }

    /// Fingerprints `values` with `key` instead of the process's key.
    public init(schema: SettingsSchema, values: [String: SettingValue], key: FingerprintKey) {
        self.init(schema: schema, digest: .keyed(key), valueAt: { values[schema.fields[$0].name] })
    }

    /// Fingerprints the value of each field index as `valueAt` gives it (resolution has them by
    /// index already, so no name is hashed).
    init(schema: SettingsSchema, key: FingerprintKey, valueAt: (Int) -> SettingValue?) {
        self.init(schema: schema, digest: .keyed(key), valueAt: valueAt)
    }

    private init(schema: SettingsSchema, digest: SecretDigest, valueAt: (Int) -> SettingValue?) {
        var encoder = FingerprintEncoder(secretDigest: digest)
        encoder.append(raw: digest.tag)
        encoder.append(string: schema.name)
        for index in schema.fingerprintOrder {
            let name = schema.fields[index].name
            encoder.append(string: name)
            encoder.append(value: valueAt(index), schema: schema.name, field: name)
        }
        bytes = SHA256.hash(data: encoder.bytes).withUnsafeBytes { Array($0) }
    }

    /// The version-1 fingerprint, whose secrets entered as an unkeyed SHA-256: what files named
    /// by fingerprint were called before version 2, for moving them to their new names.
    package static func version1(schema: SettingsSchema, values: [String: SettingValue]) -> SettingsFingerprint {
        SettingsFingerprint(schema: schema, digest: .version1, valueAt: { values[schema.fields[$0].name] })
    }
}

/// How a secret enters the fingerprint.
enum SecretDigest {
    /// HMAC-SHA256 under the key (version 2).
    case keyed(FingerprintKey)
    /// Unkeyed, domain-separated SHA-256 (version 1, kept only to find old file names).
    case version1

    /// The encoding's leading tag.
    var tag: [UInt8] {
        switch self {
        case .keyed: Array("settings.fingerprint.v2\0".utf8)
        case .version1: Array("settings.fingerprint.v1\0".utf8)
        }
    }

    /// The digest of one secret value of `field`.
    func digest(schema: String, field: String, value: String) -> [UInt8] {
        var input: [UInt8] = []
        input.reserveCapacity(20 + schema.utf8.count + field.utf8.count + value.utf8.count + 2)
        switch self {
        case .keyed: input.append(contentsOf: "settings.secret.v2\0".utf8)
        case .version1: input.append(contentsOf: "settings.secret.v1\0".utf8)
        }
        input.append(contentsOf: schema.utf8)
        input.append(0)
        input.append(contentsOf: field.utf8)
        input.append(0)
        input.append(contentsOf: value.utf8)
        // Copied out of the digest's storage in one go (iterating a digest goes byte by byte).
        switch self {
        case .keyed(let key):
            return HMAC<SHA256>.authenticationCode(for: input, using: key.secret).withUnsafeBytes { Array($0) }
        case .version1:
            return SHA256.hash(data: input).withUnsafeBytes { Array($0) }
        }
    }
}

/// The canonical byte encoding behind ``SettingsFingerprint``.
struct FingerprintEncoder {
    /// How secrets enter.
    let secretDigest: SecretDigest
    /// Room for a typical schema's encoding up front, so appending never reallocates.
    var bytes: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        return bytes
    }()

    init(secretDigest: SecretDigest) {
        self.secretDigest = secretDigest
    }

    mutating func append(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(length: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(int64 value: Int64) {
        withUnsafeBytes(of: UInt64(bitPattern: value).bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(string: String) {
        append(length: string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }

    mutating func append(value: SettingValue?, schema: String, field: String) {
        switch value {
        case nil:
            bytes.append(UInt8(ascii: "0"))
        case .string(let text)?:
            bytes.append(UInt8(ascii: "S"))
            append(string: text)
        case .bool(let flag)?:
            bytes.append(UInt8(ascii: "B"))
            bytes.append(flag ? 1 : 0)
        case .int(let number)?:
            bytes.append(UInt8(ascii: "I"))
            append(int64: Int64(number))
        case .double(let number)?:
            bytes.append(UInt8(ascii: "D"))
            append(int64: Int64(bitPattern: (number == 0 ? 0 : number).bitPattern))
        case .duration(let duration)?:
            bytes.append(UInt8(ascii: "T"))
            append(int64: duration.components.seconds)
            append(int64: duration.components.attoseconds)
        case .secret(let secret)?:
            bytes.append(UInt8(ascii: "X"))
            let digest = secretDigest.digest(schema: schema, field: field, value: secret.reveal())
            append(length: digest.count)
            bytes.append(contentsOf: digest)
        }
    }
}

import Crypto

/// A stable SHA-256 digest of resolved settings, for cache keys and "did anything change?".
///
/// Equal settings give the same fingerprint in every process and on every machine; any change of
/// any fingerprinted value, secrets included, gives a different one; printing it reveals nothing.
///
/// ## Encoding (version 1)
/// SHA-256 over: the tag `settings.fingerprint.v1\0`, the schema name, then for every
/// fingerprinted field **sorted by field name** (UTF-8 byte order): the length-prefixed name, a
/// type tag byte and a typed, length-prefixed value (absent `0`, string `S` + UTF-8, bool `B`,
/// int `I` 8 bytes big-endian, double `D` IEEE bits, duration `T` seconds + attoseconds,
/// secret `X` + a 32-byte digest). Lengths are 4-byte big-endian, so no two different inputs
/// share an encoding.
///
/// ## Secrets: domain-separated, not keyed
/// A secret enters only as SHA-256(`settings.secret.v1\0` + schema + `\0` + field + `\0` + value).
/// A keyed digest (HMAC with a per-process key) would make the fingerprint differ between
/// processes, which defeats its purpose (cache keys shared across processes, the CLI printing the
/// same fingerprint twice); a per-install key would need storage and key management. The domain
/// separation means this digest matches no other use of SHA-256 over the password. The trade-off:
/// someone who has a fingerprint *and* every other setting could test password guesses offline,
/// so treat fingerprints like other internal identifiers (log them, but do not publish them as
/// proof of anything) and use strong passwords.
///
/// ```swift
/// let resolved = try resolver.resolve(sources)
/// print(resolved.fingerprint)        // 64 hex digits
/// ```
public struct SettingsFingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Lower-case hex.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// The encoding version; bump it whenever the encoding changes.
    public static let version = 1

    /// The encoding's leading tag, built once.
    private static let tag = Array("settings.fingerprint.v\(version)\0".utf8)

    /// Fingerprints `values` (by field name) under `schema`; fields the schema marks as not
    /// fingerprinted are left out, absent fields are encoded as absent.
    public init(schema: SettingsSchema, values: [String: SettingValue]) {
        self.init(schema: schema, valueAt: { values[schema.fields[$0].name] })
    }

    /// Fingerprints the value of each field index as `valueAt` gives it (resolution has them by
    /// index already, so no name is hashed).
    init(schema: SettingsSchema, valueAt: (Int) -> SettingValue?) {
        var encoder = FingerprintEncoder()
        encoder.append(raw: Self.tag)
        encoder.append(string: schema.name)
        for index in schema.fingerprintOrder {
            let name = schema.fields[index].name
            encoder.append(string: name)
            encoder.append(value: valueAt(index), schema: schema.name, field: name)
        }
        bytes = SHA256.hash(data: encoder.bytes).withUnsafeBytes { Array($0) }
    }

    /// The digest under which a secret enters the fingerprint.
    static func secretDigest(schema: String, field: String, value: String) -> [UInt8] {
        var input: [UInt8] = []
        input.reserveCapacity(20 + schema.utf8.count + field.utf8.count + value.utf8.count + 2)
        input.append(contentsOf: "settings.secret.v1\0".utf8)
        input.append(contentsOf: schema.utf8)
        input.append(0)
        input.append(contentsOf: field.utf8)
        input.append(0)
        input.append(contentsOf: value.utf8)
        // Copied out of the digest's storage in one go (iterating the digest goes byte by byte).
        return SHA256.hash(data: input).withUnsafeBytes { Array($0) }
    }
}

/// The canonical byte encoding behind ``SettingsFingerprint``.
struct FingerprintEncoder {
    /// Room for a typical schema's encoding up front, so appending never reallocates.
    var bytes: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        return bytes
    }()

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
            let digest = SettingsFingerprint.secretDigest(schema: schema, field: field, value: secret.reveal())
            append(length: digest.count)
            bytes.append(contentsOf: digest)
        }
    }
}

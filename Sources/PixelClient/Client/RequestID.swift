/// The `X-Request-ID` every API call carries: a random (version 4) UUID in lower case, the same
/// for every attempt of one call, so server logs tie retries together.
package enum RequestID {
    /// A new id from the system's random source. Foundation's `UUID()` opens, reads and closes
    /// `/dev/urandom` for each one on Linux; two `getrandom` draws cost a quarter of that.
    package static func make() -> String {
        var random = SystemRandomNumberGenerator()
        let high = (random.next() as UInt64) & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000  // version 4
        let low = (random.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 9562 variant
        return text(high: high, low: low)
    }

    /// The UUID whose first eight bytes are `high` and last eight `low` (big-endian), as
    /// `8-4-4-4-12` lower-case hex.
    package static func text(high: UInt64, low: UInt64) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for index in 0..<16 {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            let word = index < 8 ? high : low
            let byte = UInt8(truncatingIfNeeded: word >> (56 - 8 * (index % 8)))
            text.append(digit(byte >> 4))
            text.append(digit(byte & 0x0F))
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

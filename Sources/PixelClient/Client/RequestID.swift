import Foundation

/// The `X-Request-ID` every API call carries: a random (version 4) UUID in lower case, the same
/// for every attempt of one call, so server logs tie retries together.
package enum RequestID {
    /// A new id.
    static func make() -> String { text(of: UUID()) }

    /// `uuid.uuidString.lowercased()`, formatted straight from the 16 bytes.
    package static func text(of uuid: UUID) -> String {
        let bytes = uuid.uuid
        var text: [UInt8] = []
        text.reserveCapacity(36)
        func hex(_ byte: UInt8) {
            text.append(digit(byte >> 4))
            text.append(digit(byte & 0x0F))
        }
        func dash() { text.append(UInt8(ascii: "-")) }
        hex(bytes.0); hex(bytes.1); hex(bytes.2); hex(bytes.3); dash()
        hex(bytes.4); hex(bytes.5); dash()
        hex(bytes.6); hex(bytes.7); dash()
        hex(bytes.8); hex(bytes.9); dash()
        hex(bytes.10); hex(bytes.11); hex(bytes.12); hex(bytes.13); hex(bytes.14); hex(bytes.15)
        return String(decoding: text, as: UTF8.self)
    }

    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

/// The backslash escapes of quoted `.env` values (python-dotenv 1.2.2).
///
/// Single quotes decode only `\\` and `\'`; double quotes decode `\\ \' \" \a \b \f \n \r \t \v`.
/// Every other backslash stays as written (`\x41`, `\u00e9`, `\$` and `\0` are literal).
enum DotEnvEscapes {
    /// Decodes the content between the quotes.
    static func decode(_ content: Slice<UnsafeBufferPointer<UInt8>>, doubleQuoted: Bool) -> String {
        let bytes = UnsafeBufferPointer(rebasing: content)
        guard let firstBackslash = bytes.firstIndex(of: DotEnvByte.backslash) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        // Runs without a backslash are copied whole; only escapes are looked at byte by byte.
        var runStart = 0
        var index = firstBackslash
        while index < bytes.count {
            guard bytes[index] == DotEnvByte.backslash, index + 1 < bytes.count,
                let replacement = doubleQuoted ? doubleQuotedEscape(bytes[index + 1]) : singleQuotedEscape(bytes[index + 1])
            else {
                index += 1
                continue
            }
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            decoded.append(replacement)
            index += 2
            runStart = index
        }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func singleQuotedEscape(_ byte: UInt8) -> UInt8? {
        byte == DotEnvByte.backslash || byte == DotEnvByte.singleQuote ? byte : nil
    }

    private static func doubleQuotedEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case DotEnvByte.backslash, DotEnvByte.singleQuote, DotEnvByte.doubleQuote: byte
        case UInt8(ascii: "a"): 0x07
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "v"): 0x0B
        default: nil
        }
    }
}

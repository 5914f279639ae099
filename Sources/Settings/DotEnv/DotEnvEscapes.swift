/// The backslash escapes of quoted `.env` values (python-dotenv 1.2.2).
///
/// Single quotes decode only `\\` and `\'`; double quotes decode `\\ \' \" \a \b \f \n \r \t \v`.
/// Every other backslash stays as written (`\x41`, `\u00e9`, `\$` and `\0` are literal).
enum DotEnvEscapes {
    /// Decodes the content between the quotes.
    static func decode(_ content: Slice<UnsafeBufferPointer<UInt8>>, doubleQuoted: Bool) -> String {
        guard content.contains(DotEnvByte.backslash) else {
            return String(decoding: UnsafeBufferPointer(rebasing: content), as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(content.count)
        var index = content.startIndex
        let end = content.endIndex
        while index < end {
            let byte = content[index]
            if byte == DotEnvByte.backslash, index + 1 < end,
                let replacement = doubleQuoted ? doubleQuotedEscape(content[index + 1]) : singleQuotedEscape(content[index + 1])
            {
                decoded.append(replacement)
                index += 2
                continue
            }
            decoded.append(byte)
            index += 1
        }
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

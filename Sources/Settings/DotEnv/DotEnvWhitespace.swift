/// Python's `\s` (the characters for which `str.isspace()` is true) recognised on UTF-8 bytes.
///
/// python-dotenv's grammar is written with `\s`, which in Python 3 matches Unicode whitespace:
/// TAB, LF, VT, FF, CR, U+001C–U+001F, SPACE, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000. Matching on bytes keeps the parser off `Character`.
enum DotEnvWhitespace {
    /// Bit `b` is set for the ASCII whitespace bytes `b` < 64: TAB, LF, VT, FF, CR, U+001C–U+001F, SPACE.
    static let asciiMask: UInt64 = 0b1_1111_0000_0000_0000_0011_1110_0000_0000
    /// The bytes a key stops at: whitespace, `#` and `=`.
    static let keyStopMask: UInt64 = asciiMask | (1 << 0x23) | (1 << 0x3D)
    /// The bytes an unquoted value looks at: whitespace (which includes CR and LF), `#` and `$`.
    static let valueMask: UInt64 = asciiMask | (1 << 0x23) | (1 << 0x24)

    /// Whether `byte` < 64 has its bit set in `mask` (bytes ≥ 64 never do).
    @inline(__always)
    static func isIn(_ mask: UInt64, _ byte: UInt8) -> Bool {
        byte < 64 && (mask >> UInt64(byte)) & 1 != 0
    }

    /// The byte length of the whitespace character that starts at `index`, or 0 when there is none.
    @inline(__always)
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return isIn(asciiMask, byte) ? 1 : 0 }
        return nonASCIILength(bytes, index)
    }

    /// Like ``length(_:_:)`` but CR and LF do not count (python-dotenv's `[^\S\r\n]`).
    @inline(__always)
    static func horizontalLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D { return 0 }
        return length(bytes, index)
    }

    /// The multi-byte whitespace characters; a continuation byte never matches, so callers may step
    /// byte by byte through other characters.
    private static func nonASCIILength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let count = bytes.count
        switch bytes[index] {
        case 0xC2 where index + 1 < count:  // U+0085, U+00A0
            let next = bytes[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1 where index + 2 < count:  // U+1680
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where index + 2 < count:
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 {  // U+2000–U+200A, U+2028, U+2029, U+202F
                return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            }
            return second == 0x81 && third == 0x9F ? 3 : 0  // U+205F
        case 0xE3 where index + 2 < count:  // U+3000
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}

/// The ASCII bytes the `.env` grammar cares about.
enum DotEnvByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let singleQuote: UInt8 = 0x27
    static let doubleQuote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let equals: UInt8 = 0x3D
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let colon: UInt8 = 0x3A
    static let minus: UInt8 = 0x2D
}

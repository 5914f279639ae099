/// Text from a settings file or the environment, made safe to put in a message: control
/// characters, line separators and bidirectional overrides are escaped (so a value cannot move
/// the cursor, clear the terminal or reorder what is printed around it), and long text is cut.
enum DisplayText {
    /// The most characters shown of one piece of text.
    static let characterLimit = 64

    /// `text` escaped and cut, without quotes: for names (keys, variables).
    static func inline(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == characterLimit {
                shown += "…"
                break
            }
            shown += escaped(scalar)
            count += 1
        }
        return shown
    }

    /// `text` escaped, cut and in double quotes, with its size when it was cut: for values.
    static func quoted(_ text: String) -> String {
        let shown = "\"" + inline(text) + "\""
        return text.unicodeScalars.count > characterLimit ? shown + " (\(text.utf8.count) bytes)" : shown
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\0": return "\\0"
        default: break
        }
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isSeparator = value == 0x2028 || value == 0x2029
        let isBidirectional = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
        guard isControl || isSeparator || isBidirectional else { return String(scalar) }
        return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }
}

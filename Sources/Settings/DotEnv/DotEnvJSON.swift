/// Renders a `.env` mapping as JSON byte-for-byte like Python's `json.dumps(dotenv_values(...))`.
///
/// That means `{"A": "1", "B": null}` with `", "` and `": "` separators, keys in file order, and
/// `ensure_ascii`: every character outside `U+0020…U+007E` is written `\uXXXX` (lower-case hex,
/// surrogate pairs above U+FFFF) except `\n \r \t \b \f`, which use their short escapes.
///
/// ```swift
/// let document = try DotEnv.parse("A=é\nB\n")
/// DotEnvJSON.render(document.values) // {"A": "\u00e9", "B": null}
/// ```
public enum DotEnvJSON {
    /// The JSON object for `pairs`, in their order.
    public static func render(_ pairs: [(key: String, value: String?)]) -> String {
        var output = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output += ", " }
            appendString(pair.key, to: &output)
            output += ": "
            if let value = pair.value { appendString(value, to: &output) } else { output += "null" }
        }
        output += "}"
        return output
    }

    /// One JSON string literal, escaped the same way.
    public static func string(_ string: String) -> String {
        var output = ""
        appendString(string, to: &output)
        return output
    }

    private static func appendString(_ string: String, to output: inout String) {
        output.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case " "..."~": output.unicodeScalars.append(scalar)
            default:
                if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    appendEscape(0xD800 + (offset >> 10), to: &output)
                    appendEscape(0xDC00 + (offset & 0x3FF), to: &output)
                } else {
                    appendEscape(scalar.value, to: &output)
                }
            }
        }
        output.append("\"")
    }

    private static func appendEscape(_ unit: UInt32, to output: inout String) {
        let hex = String(unit, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

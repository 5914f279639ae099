/// Text → typed value, the same rules for every source.
extension SettingType {
    /// Converts `text` to this type, or returns `nil` when it does not fit (the caller builds the
    /// error, so that a secret's text never reaches it).
    ///
    /// ```swift
    /// SettingType.seconds.convert("2.5")   // .duration(.milliseconds(2500))
    /// SettingType.string.convert(" NO ")   // .string(" NO ") — text is kept exactly
    /// ```
    public func convert(_ text: String) -> SettingValue? {
        switch self {
        case .string:
            return text.utf8.contains(0) ? nil : .string(text)
        case .bool:
            return Self.parseBool(text.trimmingASCIIWhitespace()).map(SettingValue.bool)
        case .integer(let range):
            guard let value = Self.parseDecimalInteger(text.trimmingASCIIWhitespace()), range.contains(value) else { return nil }
            return .int(value)
        case .double:
            return Self.parseDecimalNumber(text.trimmingASCIIWhitespace()).map(SettingValue.double)
        case .seconds:
            guard let seconds = Self.parseDecimalNumber(text.trimmingASCIIWhitespace()), seconds > 0,
                seconds <= Self.maximumSeconds
            else { return nil }
            return .duration(.nanoseconds(Int64((seconds * 1e9).rounded())))
        case .enumeration(let allowed):
            return allowed.contains(text) ? .string(text) : nil
        case .url:
            return Self.isAbsoluteHTTPURL(text) ? .string(text) : nil
        }
    }

    /// True when an already-typed value is acceptable for this type (explicit values).
    public func accepts(_ value: SettingValue) -> Bool {
        switch (self, value) {
        case (.string, .string(let text)): !text.utf8.contains(0)
        case (.string, .secret(let secret)): !secret.reveal().utf8.contains(0)
        case (.bool, .bool), (.double, .double), (.url, .secret): true
        case (.integer(let range), .int(let number)): range.contains(number)
        case (.seconds, .duration(let duration)): duration > .zero && duration <= .seconds(Self.maximumSeconds)
        case (.enumeration(let allowed), .string(let text)): allowed.contains(text)
        case (.url, .string(let text)): Self.isAbsoluteHTTPURL(text)
        default: false
        }
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }

    /// Optional sign, then ASCII digits only; overflow is a failure.
    static func parseDecimalInteger(_ text: String) -> Int? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
        }
        return value
    }

    /// Digits, one optional point and an optional exponent; finite only (no hex, nan, inf).
    static func parseDecimalNumber(_ text: String) -> Double? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
            }),
            text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        if let ascii = isAbsoluteASCIIHTTPURL(text) { return ascii }
        return isAbsoluteHTTPURLByCharacters(text)
    }

    /// The general check, on `Character`s: what the ASCII byte shortcut must agree with.
    static func isAbsoluteHTTPURLByCharacters(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let isControl = { (character: Character) in character.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        return !host.isEmpty && !text.contains(where: { $0.isWhitespace || isControl($0) })
    }
}

extension SettingType {
    /// ``isAbsoluteHTTPURL(_:)`` on the bytes of ASCII text, where lower-casing, `Character`s and
    /// `isWhitespace` reduce to byte tests (`\r\n` is one `Character` but contains whitespace
    /// bytes either way); `nil` for other text, which takes the `Character` path.
    private static func isAbsoluteASCIIHTTPURL(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let lowered = { (index: Int) -> UInt8 in
                let byte = bytes[index]
                return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            let matches = { (scheme: StaticString) -> Bool in
                scheme.withUTF8Buffer { scheme in
                    scheme.count <= bytes.count && scheme.indices.allSatisfy { lowered($0) == scheme[$0] }
                }
            }
            let hostStart: Int
            if matches("https://") {
                hostStart = 8
            } else if matches("http://") {
                hostStart = 7
            } else {
                return false
            }
            guard hostStart < bytes.count else { return false }
            let first = bytes[hostStart]
            guard first != UInt8(ascii: "/"), first != UInt8(ascii: "?"), first != UInt8(ascii: "#") else { return false }
            // Space, and every control character (tabs and line breaks included).
            return !bytes.contains { $0 <= 0x20 || $0 == 0x7F }
        } ?? nil
    }
}

extension String {
    /// Drops leading and trailing spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}

/// A typed setting value.
///
/// Secret fields hold ``secret(_:)``; its `description` is `<redacted>`, so printing a value or a
/// whole ``ResolvedSettings`` never shows a password.
///
/// ```swift
/// let timeout: SettingValue = .duration(.seconds(10))
/// print(timeout)                       // 10.0 seconds
/// print(SettingValue.secret("hunter2")) // <redacted>
/// ```
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case duration(Duration)
    case secret(Secret<String>)

    /// The value for display; secrets are `<redacted>`.
    public var description: String {
        switch self {
        case .string(let text): text
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .duration(let value): "\(Double(value.components.seconds) + Double(value.components.attoseconds) / 1e18) seconds"
        case .secret: Secret<String>.redacted
        }
    }

    /// The text of a `.string` value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

extension SettingValue: Encodable {
    /// Encodes the plain JSON value; a secret encodes as `"<redacted>"` and a duration as seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .duration(let value):
            try container.encode(Double(value.components.seconds) + Double(value.components.attoseconds) / 1e18)
        case .secret(let secret): try container.encode(secret)
        }
    }
}

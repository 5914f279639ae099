/// A value that must never be printed: passwords, tokens, refresh tokens.
///
/// `description`, `debugDescription`, `dump`, string interpolation and `Codable` encoding all show
/// `<redacted>`. Reading the value takes an explicit call to ``reveal()``, which is easy to find
/// in review.
///
/// ```swift
/// let password = Secret("hunter2")
/// print("password: \(password)")      // password: <redacted>
/// let wire = password.reveal()         // "hunter2", only where it is really needed
/// ```
///
/// Equality and hashing use the wrapped value, so two settings values with different passwords are
/// different keys; `hashValue` is seeded per process and reveals nothing.
public struct Secret<Value: Sendable & Hashable>: Sendable, Hashable {
    private let value: Value

    /// The text shown wherever a secret would otherwise be printed.
    public static var redacted: String { "<redacted>" }

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Returns the wrapped value. Call it only at the point of use (a request body, a digest).
    public func reveal() -> Value {
        value
    }
}

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { Self.redacted }
    public var debugDescription: String { "Secret(\(Self.redacted))" }
    public var customMirror: Mirror { Mirror(self, children: ["value": Self.redacted], displayStyle: .struct) }
}

extension Secret: Encodable where Value: Encodable {
    /// Encodes `<redacted>`, never the value: JSON output of settings must be safe to share.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.redacted)
    }
}

extension Secret: Decodable where Value: Decodable {
    /// Decodes the plain value (reading configuration); encoding never writes it back.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(Value.self))
    }
}

extension Secret: ExpressibleByStringLiteral, ExpressibleByUnicodeScalarLiteral,
    ExpressibleByExtendedGraphemeClusterLiteral
where Value == String {
    public init(stringLiteral value: String) { self.init(value) }
}

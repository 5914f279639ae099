/// A closed set of API strings that stays decodable when the server adds a value: unknown values
/// land in the enum's `unknown(String)` case instead of failing the whole response.
public protocol PixelOpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension PixelOpenEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// A ``PixelOpenEnum`` that lists its known cases with their API strings once, in
/// ``knownCases``; `init(rawValue:)` and `rawValue` are derived from that list, and every other
/// string becomes the `unknown` case.
///
/// ```swift
/// public enum Fruit: TabulatedOpenEnum {
///     case apple, pear
///     case unknown(String)
///     public static let knownCases: [(Fruit, String)] = [(.apple, "APPLE"), (.pear, "PEAR")]
///     public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
/// }
/// ```
public protocol TabulatedOpenEnum: PixelOpenEnum {
    /// Every known case with the string the API uses for it.
    static var knownCases: [(Self, String)] { get }
    /// The case holding a string this client version does not know.
    static func unknown(_ rawValue: String) -> Self
    /// The string of the `unknown` case; `nil` for a known case.
    var unknownValue: String? { get }
}

extension TabulatedOpenEnum {
    public init(rawValue: String) {
        self = Self.knownCases.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
    }

    public var rawValue: String {
        unknownValue ?? Self.knownCases.first { $0.0 == self }?.1 ?? ""
    }
}

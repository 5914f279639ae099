/// The type of a setting. Conversion from text is driven by it, the same way for every source
/// (environment, `.env`, YAML scalars, explicit text), so YAML never guesses a type behind the
/// field's back: a ``string`` field given plain `NO`, `012345` or `1.10` gets exactly that text.
///
/// ```swift
/// SettingType.integer(1...64).convert("012")   // .success(.int(12)) — decimal, never octal
/// SettingType.bool.convert("Off")               // .success(.bool(false))
/// ```
public enum SettingType: Sendable, Hashable {
    /// Any text, kept exactly (no trimming), except that it cannot contain U+0000: no environment
    /// variable can, and a NUL read from a file is a damaged value, not a setting.
    case string
    /// `true/false`, `yes/no`, `on/off`, `1/0`, in any letter case, surrounding whitespace ignored.
    case bool
    /// A decimal integer within the range: optional sign and ASCII digits only. Leading zeros are
    /// decimal (`012` is 12, never octal); `0x…`, `1_000`, `1e3` and `12.0` are errors.
    case integer(ClosedRange<Int>)
    /// A finite decimal number (`1.5`, `-2`, `1e3`); no hex, `nan` or `inf`.
    case double
    /// A positive, finite number of seconds (`10`, `2.5`) up to ``maximumSeconds``, read as a
    /// `Duration`.
    case seconds
    /// One of the allowed words, compared exactly (case-sensitive, like pydantic's `Literal`).
    case enumeration([String])
    /// An absolute `http://` or `https://` URL with a host, no whitespace or control characters;
    /// kept as text.
    case url

    /// The longest duration a ``seconds`` setting takes, in seconds: about 31 years, beyond any
    /// timeout, and short enough that a deadline computed from it in nanoseconds cannot overflow.
    public static let maximumSeconds: Double = 1e9

    /// A plain `Int` with no range limit.
    public static var int: SettingType { .integer(Int.min...Int.max) }

    /// What an error says was expected, e.g. `an integer in 1...64` or `one of dev, test, prod`.
    public var expectation: String {
        switch self {
        case .string: "text without NUL characters"
        case .bool: "a boolean (true/false, yes/no, on/off, 1/0)"
        case .integer(let range):
            range == Int.min...Int.max ? "a decimal integer" : "a decimal integer in \(range.lowerBound)...\(range.upperBound)"
        case .double: "a decimal number"
        case .seconds: "a positive number of seconds, at most 1e9"
        case .enumeration(let allowed): "one of \(allowed.joined(separator: ", "))"
        case .url: "an absolute http:// or https:// URL"
        }
    }

    /// A short name for documentation and fingerprints (`string`, `bool`, `int`, …).
    public var name: String {
        switch self {
        case .string: "string"
        case .bool: "bool"
        case .integer: "int"
        case .double: "double"
        case .seconds: "seconds"
        case .enumeration: "enum"
        case .url: "url"
        }
    }
}

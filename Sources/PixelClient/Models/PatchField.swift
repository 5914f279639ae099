/// One field of a PATCH body: left as it is, set to a value, or set to null.
///
/// A plain optional cannot tell "leave it" from "clear it"; this can, and only the fields that
/// are not ``keep`` are sent.
///
/// ```swift
/// let patch = AnalysisServicePatch(name: .set("Nightly"), config: .clear)
/// // {"config":null,"name":"Nightly"}
/// ```
public enum PatchField<Value: Hashable & Sendable>: Hashable, Sendable {
    /// Not sent: the server keeps what it has.
    case keep
    /// Sent with this value.
    case set(Value)
    /// Sent as `null`.
    case clear

    /// Whether the field is sent.
    public var isSent: Bool { self != .keep }
}

extension KeyedEncodingContainer {
    /// Encodes `field` unless it is ``PatchField/keep``.
    mutating func encode<Value: Encodable>(_ field: PatchField<Value>, forKey key: Key) throws {
        switch field {
        case .keep: break
        case .set(let value): try encode(value, forKey: key)
        case .clear: try encodeNil(forKey: key)
        }
    }
}

/// The answer of a DELETE.
///
/// The API answers a deletion with a small JSON object (the Pixel emulator sends the id, a
/// `deleted` flag and, for services, the deleted object). The two fields every answer has so far
/// are read into ``id`` and ``deleted``; the whole answer stays in ``json``, and encoding writes
/// it back unchanged.
///
/// ```swift
/// let result = try await client.deleteProject(42)
/// print(result.deleted == true, result["name"] ?? "–")
/// ```
public struct DeletionResult: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The server's answer as sent.
    public var json: JSONValue

    public init(json: JSONValue) { self.json = json }

    /// The deleted object's id, when the answer names it.
    public var id: Int? { json["id"]?.intValue }
    /// The answer's `deleted` flag, when it has one.
    public var deleted: Bool? { json["deleted"]?.boolValue }
    /// The member `key` of the answer.
    public subscript(key: String) -> JSONValue? { json[key] }

    public init(from decoder: any Decoder) throws { json = try JSONValue(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
    public var description: String { json.description }
}

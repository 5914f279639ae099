/// Reads typed fields out of a JSON request body, throwing FastAPI-style 422 errors that name the field.
struct BodyReader: Sendable {
    let members: JSONObject
    let location: [String]

    init(_ members: JSONObject, location: [String] = ["body"]) {
        self.members = members
        self.location = location
    }

    func has(_ key: String) -> Bool {
        if let value = members[key], !value.isNull { return true }
        return false
    }

    /// The member `key` as `convert` reads it; `nil` when absent or `null`, a 422 of `type` when
    /// it is something else.
    private func member<Value>(_ key: String, _ convert: (JSONValue) -> Value?, _ expected: String, _ type: String) throws(APIError) -> Value? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let converted = convert(value) else { throw .validation(location + [key], "Input should be \(expected)", type: type) }
        return converted
    }

    /// The list `key`, each element read by `convert`; a 422 names the first element that is not.
    private func list<Element>(_ key: String, _ convert: (JSONValue) -> Element?, _ expected: String, _ type: String) throws(APIError) -> [Element]? {
        guard let items = try member(key, \.arrayValue, "a valid list", "list_type") else { return nil }
        var result: [Element] = []
        for (index, item) in items.enumerated() {
            guard let element = convert(item) else {
                throw .validation(location + [key, String(index)], "Input should be \(expected)", type: type)
            }
            result.append(element)
        }
        return result
    }

    func string(_ key: String) throws(APIError) -> String? {
        try member(key, \.stringValue, "a valid string", "string_type")
    }

    /// `read(key)`, or FastAPI's "Field required" when the key is absent or `null`.
    func required<Value>(_ key: String, _ read: (String) throws(APIError) -> Value?) throws(APIError) -> Value {
        guard let value = try read(key) else { throw .missing(location + [key]) }
        return value
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        try required(key, string)
    }

    func int(_ key: String) throws(APIError) -> Int? {
        try member(key, \.intValue, "a valid integer", "int_type")
    }

    func requiredInt(_ key: String) throws(APIError) -> Int {
        try required(key, int)
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        try member(key, \.boolValue, "a valid boolean", "bool_type")
    }

    func stringList(_ key: String) throws(APIError) -> [String]? {
        try list(key, \.stringValue, "a valid string", "string_type")
    }

    func intList(_ key: String) throws(APIError) -> [Int]? {
        try list(key, \.intValue, "a valid integer", "int_type")
    }

    func object(_ key: String) throws(APIError) -> JSONObject? {
        try member(key, \.objectValue, "a valid dictionary", "dict_type")
    }

    /// The nested object `key` as a reader whose errors name its location.
    func reader(_ key: String) throws(APIError) -> BodyReader? {
        try object(key).map { BodyReader($0, location: location + [key]) }
    }

    func requiredReader(_ key: String) throws(APIError) -> BodyReader {
        try required(key, reader)
    }

    func requiredObject(_ key: String) throws(APIError) -> JSONObject {
        try required(key, object)
    }

    func requiredBool(_ key: String) throws(APIError) -> Bool {
        try required(key, bool)
    }

    /// `key` when it is one of `allowed` (pydantic's `Literal` check).
    func oneOf(_ key: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let text = try string(key) else { return nil }
        guard allowed.contains(text) else { throw .validation(location + [key], "Input should be \(allowed.quotedList)", type: "literal_error") }
        return text
    }

    func requiredOneOf(_ key: String, _ allowed: [String]) throws(APIError) -> String {
        try required(key) { key throws(APIError) in try oneOf(key, allowed) }
    }

    /// A list of integers with at least `minimum` items.
    func intList(_ key: String, minimum: Int) throws(APIError) -> [Int]? {
        guard let items = try intList(key) else { return nil }
        guard items.count >= minimum else {
            throw .validation(
                location + [key], "List should have at least \(minimum) item\(minimum == 1 ? "" : "s") after validation, not \(items.count)",
                type: "too_short")
        }
        return items
    }

    /// Whether the body has `key` at all, even as `null` (for partial updates that send nulls).
    func contains(_ key: String) -> Bool {
        members[key] != nil
    }

    /// A 422 naming `key` of this object.
    func invalid(_ key: String, _ message: String, type: String = "value_error") -> APIError {
        .validation(location + [key], message, type: type)
    }

    func objectList(_ key: String) throws(APIError) -> [BodyReader]? {
        try list(key, \.objectValue, "a valid dictionary", "dict_type")?.enumerated().map { index, members in
            BodyReader(members, location: location + [key, String(index)])
        }
    }

    /// A base64 MD5 digest: 24 characters decoding to 16 bytes.
    func md5(_ key: String, required: Bool) throws(APIError) -> String? {
        guard let text = try string(key) else {
            if required { throw .missing(location + [key]) }
            return nil
        }
        guard MD5Digest.isBase64Digest(text) else {
            throw .validation(location + [key], "md5 must be the base64 encoding of a 16-byte MD5 digest")
        }
        return text
    }

    /// A GeoJSON Polygon or MultiPolygon.
    func geoJSONPolygon(_ key: String) throws(APIError) -> JSONValue? {
        guard let members = try object(key) else { return nil }
        let type = members["type"]?.stringValue
        guard type == "Polygon" || type == "MultiPolygon", members["coordinates"]?.arrayValue != nil else {
            throw .validation(location + [key], "area_of_interest must be a GeoJSON Polygon or MultiPolygon object")
        }
        return .object(members)
    }
}

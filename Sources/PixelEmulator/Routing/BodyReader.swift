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

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .validation(location + [key], "Input should be a valid string", type: "string_type") }
        return text
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let text = try string(key) else { throw .missing(location + [key]) }
        return text
    }

    func int(_ key: String) throws(APIError) -> Int? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let number = value.intValue else { throw .validation(location + [key], "Input should be a valid integer", type: "int_type") }
        return number
    }

    func requiredInt(_ key: String) throws(APIError) -> Int {
        guard let number = try int(key) else { throw .missing(location + [key]) }
        return number
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw .validation(location + [key], "Input should be a valid boolean", type: "bool_type") }
        return flag
    }

    func stringList(_ key: String) throws(APIError) -> [String]? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw .validation(location + [key], "Input should be a valid list", type: "list_type") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw .validation(location + [key, String(index)], "Input should be a valid string", type: "string_type")
            }
            result.append(text)
        }
        return result
    }

    func intList(_ key: String) throws(APIError) -> [Int]? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw .validation(location + [key], "Input should be a valid list", type: "list_type") }
        var result: [Int] = []
        for (index, item) in items.enumerated() {
            guard let number = item.intValue else {
                throw .validation(location + [key, String(index)], "Input should be a valid integer", type: "int_type")
            }
            result.append(number)
        }
        return result
    }

    func object(_ key: String) throws(APIError) -> JSONObject? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let members = value.objectValue else {
            throw .validation(location + [key], "Input should be a valid dictionary", type: "dict_type")
        }
        return members
    }

    func objectList(_ key: String) throws(APIError) -> [BodyReader]? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let items = value.arrayValue else { throw .validation(location + [key], "Input should be a valid list", type: "list_type") }
        var result: [BodyReader] = []
        for (index, item) in items.enumerated() {
            guard let members = item.objectValue else {
                throw .validation(location + [key, String(index)], "Input should be a valid dictionary", type: "dict_type")
            }
            result.append(BodyReader(members, location: location + [key, String(index)]))
        }
        return result
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

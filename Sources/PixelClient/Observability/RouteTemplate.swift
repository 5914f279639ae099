/// The path of an API call with every id replaced by `{id}` — `/projects/{id}/data_collections/{id}/images/` —
/// so metrics and spans can name the route without one series per object.
///
/// A segment is an id when it is all digits, a UUID, or a run of at least 16 hexadecimal digits.
package enum RouteTemplate {
    package static func of(path: String) -> String {
        var template = ""
        template.reserveCapacity(path.utf8.count)
        var first = true
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if !first { template.append("/") }
            first = false
            template.append(isID(segment) ? "{id}" : String(segment))
        }
        return template
    }

    private static func isID(_ segment: Substring) -> Bool {
        guard let first = segment.utf8.first else { return false }
        let utf8 = segment.utf8
        if utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
        guard first != UInt8(ascii: "-") else { return false }
        let hexDigits = utf8.filter(isHexDigit).count
        let dashes = utf8.filter { $0 == UInt8(ascii: "-") }.count
        guard hexDigits + dashes == utf8.count else { return false }
        return (utf8.count == 36 && dashes == 4) || (dashes == 0 && hexDigits >= 16)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}

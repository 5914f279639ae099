/// Pairs what the server returned with what was sent **by name, through a dictionary** — never
/// by sorting and zipping, which silently truncates on a count mismatch and can send files to
/// other files' presigned URLs.
///
/// Any missing, unexpected or repeated name is a loud ``PixelError/Code/uploadPairingMismatch``
/// raised before a single byte goes to a URL that might belong to another file.
enum UploadPairing {
    static func byName<Target>(
        sent names: [String], received: [Target], name: (Target) -> String, what: String
    ) throws(PixelError) -> [String: Target] {
        var byName: [String: Target] = [:]
        var repeated: [String] = []
        for target in received {
            let key = name(target)
            if byName.updateValue(target, forKey: key) != nil { repeated.append(key) }
        }
        let expected = Set(names)
        let missing = names.filter { byName[$0] == nil }
        let unexpected = byName.keys.filter { !expected.contains($0) }.sorted()
        guard missing.isEmpty, unexpected.isEmpty, repeated.isEmpty else {
            var problems: [String] = []
            if !missing.isEmpty { problems.append("missing \(list(missing))") }
            if !unexpected.isEmpty { problems.append("unexpected \(list(unexpected))") }
            if !repeated.isEmpty { problems.append("repeated \(list(repeated))") }
            throw PixelError(
                code: .uploadPairingMismatch,
                message: "The server's \(what) do not match the \(names.count) name(s) sent (\(problems.joined(separator: "; "))). "
                    + "Nothing was transferred for them.")
        }
        return byName
    }

    /// The multipart targets sorted by part number; they must be exactly 1…`count`.
    static func parts(_ targets: [UploadPartTarget]?, count: Int, file: String) throws(PixelError) -> [UploadPartTarget] {
        let sorted = (targets ?? []).sorted { $0.partNumber < $1.partNumber }
        guard count >= 1, sorted.map(\.partNumber) == Array(1...count) else {
            throw PixelError(
                code: .uploadPairingMismatch,
                message:
                    "The upload job for \(file) has part targets \(sorted.map(\.partNumber)), expected 1…\(count). Nothing was transferred for it.")
        }
        return sorted
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}

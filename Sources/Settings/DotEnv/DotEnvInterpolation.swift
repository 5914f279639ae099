/// `${NAME}` and `${NAME:-default}` expansion of `.env` values.
///
/// Compat mode reproduces python-dotenv 1.2.2's regular expression
/// `\$\{(?P<name>[^\}:]*)(?::-(?P<default>[^\}]*))?\}` applied left to right without rescanning:
/// `$NAME` stays literal, the default runs to the first `}` (so `${X:-${Y}}` gives `${Y}`),
/// `${}` gives `""`, and anything that does not match stays as written. Strict mode accepts the same
/// two forms, turns `$$` into `$`, and reports malformed references instead of keeping them.
///
/// Both modes share a budget of bytes that references may insert into one file (see
/// ``DotEnv/maxInterpolatedBytes``): without it, a few lines that each reference the previous
/// one several times (`B=${A}${A}${A}`, `C=${B}${B}${B}`, …) grow exponentially, as they do in
/// python-dotenv.
enum DotEnvInterpolation {
    /// A malformed reference in strict mode; `dollarOrdinal` counts the `$` signs before it so the
    /// caller can point at the right character of the source.
    struct Failure: Error {
        var reason: String
        var dollarOrdinal: Int
    }

    /// Compat expansion. `lookup` returns a variable's value, or `nil` when it is absent (only then
    /// does the default apply: a variable set to `""` stays `""`). Every replacement is taken from
    /// `budget`; the reference that would overdraw it fails.
    static func expand(_ value: String, budget: inout Int, lookup: (String) -> String?) throws(Failure) -> String {
        let result: Result<String, Failure> = withBytes(value) { bytes in
            var output: [UInt8] = []
            var literalStart = 0
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == DotEnvByte.dollar, bytes[index + 1] == DotEnvByte.openBrace,
                    let reference = compatReference(bytes, at: index)
                else {
                    index += 1
                    continue
                }
                output.append(contentsOf: bytes[literalStart..<index])
                let name = string(bytes, reference.name)
                let replacement = lookup(name) ?? reference.fallback.map { string(bytes, $0) } ?? ""
                if let failure = spend(replacement, from: &budget, bytes, at: index) { return .failure(failure) }
                output.append(contentsOf: replacement.utf8)
                index = reference.end
                literalStart = reference.end
            }
            guard literalStart > 0 else { return .success(value) }
            output.append(contentsOf: bytes[literalStart...])
            return .success(String(decoding: output, as: UTF8.self))
        }
        return try result.get()
    }

    /// Strict expansion: `$$` is `$`, `${NAME}` / `${NAME:-default}` expand, any other `$` is literal.
    /// A name is one or more characters other than whitespace and `} : $ { = #`.
    static func expandStrict(_ value: String, budget: inout Int, lookup: (String) -> String?) throws(Failure) -> String {
        let result: Result<String, Failure> = withBytes(value) { bytes in
            guard bytes.contains(DotEnvByte.dollar) else { return .success(value) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == DotEnvByte.dollar, index + 1 < bytes.count else {
                    output.append(byte)
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                if next == DotEnvByte.dollar {
                    output.append(DotEnvByte.dollar)
                    index += 2
                } else if next == DotEnvByte.openBrace {
                    switch strictReference(bytes, at: index) {
                    case .failure(let failure): return .failure(failure)
                    case .success(let reference):
                        let name = string(bytes, reference.name)
                        let replacement = lookup(name) ?? reference.fallback.map { String(decoding: $0, as: UTF8.self) } ?? ""
                        if let failure = spend(replacement, from: &budget, bytes, at: index) { return .failure(failure) }
                        output.append(contentsOf: replacement.utf8)
                        index = reference.end
                    }
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return .success(String(decoding: output, as: UTF8.self))
        }
        return try result.get()
    }

    /// Takes `replacement`'s size from `budget`, or returns the failure for the reference at
    /// `index` that would overdraw it.
    private static func spend(_ replacement: String, from budget: inout Int, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Failure? {
        let size = replacement.utf8.count
        guard size <= budget else {
            return Failure(
                reason: "interpolation would add more than \(DotEnv.maxInterpolatedBytes) bytes to the file at this reference",
                dollarOrdinal: dollars(before: index, in: bytes))
        }
        budget -= size
        return nil
    }

    private static func dollars(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes[..<index].lazy.filter { $0 == DotEnvByte.dollar }.count
    }

    // MARK: - References

    private struct CompatReference {
        var name: Range<Int>
        var fallback: Range<Int>?
        var end: Int
    }

    private static func compatReference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> CompatReference? {
        var index = start + 2
        while index < bytes.count, bytes[index] != DotEnvByte.closeBrace, bytes[index] != DotEnvByte.colon { index += 1 }
        guard index < bytes.count else { return nil }
        let name = (start + 2)..<index
        if bytes[index] == DotEnvByte.closeBrace { return CompatReference(name: name, fallback: nil, end: index + 1) }
        guard index + 1 < bytes.count, bytes[index + 1] == DotEnvByte.minus else { return nil }
        var end = index + 2
        while end < bytes.count, bytes[end] != DotEnvByte.closeBrace { end += 1 }
        guard end < bytes.count else { return nil }
        return CompatReference(name: name, fallback: (index + 2)..<end, end: end + 1)
    }

    private struct StrictReference {
        var name: Range<Int>
        /// The default with `$$` already turned into `$`.
        var fallback: [UInt8]?
        var end: Int
    }

    private static func strictReference(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> Result<StrictReference, Failure> {
        func failure(_ reason: String, at index: Int) -> Result<StrictReference, Failure> {
            .failure(Failure(reason: reason, dollarOrdinal: dollars(before: index, in: bytes)))
        }
        var index = start + 2
        while index < bytes.count {
            let byte = bytes[index]
            if byte == DotEnvByte.closeBrace || byte == DotEnvByte.colon || byte == DotEnvByte.dollar
                || byte == DotEnvByte.openBrace || byte == DotEnvByte.equals || byte == DotEnvByte.hash
                || DotEnvWhitespace.length(bytes, index) > 0
            {
                break
            }
            index += 1
        }
        let name = (start + 2)..<index
        guard index < bytes.count else { return failure("unterminated '${' (write '$$' for a literal '$')", at: start) }
        guard !name.isEmpty else { return failure("'${' needs a variable name (write '$$' for a literal '$')", at: start) }
        if bytes[index] == DotEnvByte.closeBrace {
            return .success(StrictReference(name: name, fallback: nil, end: index + 1))
        }
        guard bytes[index] == DotEnvByte.colon, index + 1 < bytes.count, bytes[index + 1] == DotEnvByte.minus else {
            return failure("a reference is '${NAME}' or '${NAME:-default}'", at: start)
        }
        var fallback: [UInt8] = []
        index += 2
        while index < bytes.count, bytes[index] != DotEnvByte.closeBrace {
            if bytes[index] == DotEnvByte.dollar, index + 1 < bytes.count {
                if bytes[index + 1] == DotEnvByte.openBrace {
                    return failure("a default cannot contain another '${' reference", at: index)
                }
                if bytes[index + 1] == DotEnvByte.dollar {
                    fallback.append(DotEnvByte.dollar)
                    index += 2
                    continue
                }
            }
            fallback.append(bytes[index])
            index += 1
        }
        guard index < bytes.count else { return failure("unterminated '${' (write '$$' for a literal '$')", at: start) }
        return .success(StrictReference(name: name, fallback: fallback, end: index + 1))
    }

    // MARK: - Bytes

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func withBytes<R>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(value.utf8).withUnsafeBufferPointer(body)
    }
}

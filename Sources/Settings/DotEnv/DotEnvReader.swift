/// Turns scanned statements into a ``DotEnvDocument``: warnings or errors for bad statements, and
/// interpolation against the earlier keys of the file and the environment.
struct DotEnvReader {
    let file: String?
    let mode: DotEnvMode
    let interpolate: Bool
    private var bindings: [DotEnvBinding] = []
    private var warnings: [DotEnvWarning] = []
    private var referencedEnvironmentNames: Set<String> = []
    /// The values of the keys read so far, built only once a value needs interpolation.
    private var earlierValues: [String: String?]?
    /// What interpolation may still add to this file, in bytes.
    private var interpolationBudget = DotEnv.maxInterpolatedBytes

    init(file: String?, mode: DotEnvMode, interpolate: Bool) {
        self.file = file
        self.mode = mode
        self.interpolate = interpolate
    }

    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>, environment: (String) -> String?
    ) -> Result<DotEnvDocument, SettingsFileError> {
        let start = bytes.starts(with: DotEnv.byteOrderMark) ? DotEnv.byteOrderMark.count : 0
        var scanner = DotEnvScanner(bytes: bytes, start: start, file: file, strict: mode == .strict)
        bindings.reserveCapacity(Self.estimatedStatements(bytes))
        while let step = scanner.next() {
            switch step {
            case .nothing:
                continue
            case .failure:
                guard let failure = scanner.failure else { continue }
                if mode == .strict {
                    return .failure(SettingsFileError(format: .dotenv, message: failure.reason, location: failure.location))
                }
                warnings.append(
                    DotEnvWarning(
                        message: "python-dotenv could not parse statement starting at line \(failure.statementLine): "
                            + "\(failure.reason) at \(failure.location.line):\(failure.location.column); the statement is skipped",
                        location: SourceLocation(file: file, line: failure.statementLine, column: 1),
                        offendingLocation: failure.location))
            case .statement:
                if scanner.statement.commentAfterEmptyValue {
                    warnings.append(
                        DotEnvWarning(
                            message: "'\(DisplayText.inline(scanner.statement.key))' is empty: a '#' after '= ' starts a comment "
                                + "(python-dotenv 1.2.2 would make the comment the value)",
                            location: scanner.statement.valueLocation))
                }
                var value: String?
                var valueLocation: SourceLocation?
                if scanner.statement.hasValue {
                    valueLocation = scanner.statement.valueLocation
                    if interpolate, scanner.statement.mayContainDollar {
                        do throws(SettingsFileError) {
                            value = try interpolated(scanner.statement, scanner: scanner, environment: environment)
                        } catch {
                            return .failure(error)
                        }
                    } else {
                        value = scanner.statement.valueText
                    }
                }
                // Built in the call: a local `binding` was copied into the array, then destroyed.
                bindings.append(
                    DotEnvBinding(
                        key: scanner.statement.key, value: value, keyLocation: scanner.statement.keyLocation,
                        valueLocation: valueLocation))
                if earlierValues != nil { earlierValues?[scanner.statement.key] = .some(value) }
            }
        }
        return .success(
            DotEnvDocument(bindings: bindings, warnings: warnings, referencedEnvironmentNames: referencedEnvironmentNames))
    }

    /// Up to this many earlier keys, a reference is looked up by scanning them (cheaper than
    /// hashing them all into a dictionary for the typical short file).
    private static let linearLookupLimit = 64

    /// The value of the last binding of `key`: `nil` when there is none, `.some(nil)` for a key
    /// written without `=`. Reads through a buffer pointer so no binding is copied.
    private static func lastValue(of key: String, in bindings: [DotEnvBinding]) -> String?? {
        bindings.withUnsafeBufferPointer { buffer in
            var index = buffer.count
            while index > 0 {
                index -= 1
                if buffer[index].key == key { return .some(buffer[index].value) }
            }
            return nil
        }
    }

    /// Room for the bindings of a typical file (about one per 24 bytes) without a pass over the bytes.
    private static func estimatedStatements(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        min(bytes.count / 24 + 4, 4096)
    }

    /// The value of `statement` after interpolation.
    private mutating func interpolated(
        _ statement: borrowing DotEnvStatement, scanner: borrowing DotEnvScanner, environment: (String) -> String?
    ) throws(SettingsFileError) -> String {
        if earlierValues == nil, bindings.count > Self.linearLookupLimit {
            var values: [String: String?] = [:]
            for binding in bindings { values[binding.key] = .some(binding.value) }
            earlierValues = values
        }
        let earlier = earlierValues
        let bindings = self.bindings
        var referenced: [String] = []
        let lookup = { (name: String) -> String? in
            if let earlier {
                if let known = earlier[name] { return known ?? "" }
            } else if let known = Self.lastValue(of: name, in: bindings) {
                return known ?? ""
            }
            referenced.append(name)
            return environment(name)
        }
        defer { referencedEnvironmentNames.formUnion(referenced) }
        do throws(DotEnvInterpolation.Failure) {
            switch mode {
            case .compat:
                return try DotEnvInterpolation.expand(statement.valueText, budget: &interpolationBudget, lookup: lookup)
            case .strict:
                guard statement.quoting != .singleQuoted else { return statement.valueText }
                return try DotEnvInterpolation.expandStrict(statement.valueText, budget: &interpolationBudget, lookup: lookup)
            }
        } catch {
            throw SettingsFileError(
                format: .dotenv, message: "\(error.reason) in the value of '\(DisplayText.inline(statement.key))'",
                location: scanner.location(ofDollar: error.dollarOrdinal, in: statement))
        }
    }
}

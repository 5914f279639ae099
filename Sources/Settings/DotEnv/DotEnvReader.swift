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

    init(file: String?, mode: DotEnvMode, interpolate: Bool) {
        self.file = file
        self.mode = mode
        self.interpolate = interpolate
    }

    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>, environment: (String) -> String?
    ) -> Result<DotEnvDocument, SettingsFileError> {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: byteOrderMark) ? 3 : 0
        var scanner = DotEnvScanner(bytes: bytes, start: start, file: file, strict: mode == .strict)
        while let outcome = scanner.next() {
            switch outcome {
            case .nothing:
                continue
            case .failure(let failure):
                if mode == .strict {
                    return .failure(SettingsFileError(format: .dotenv, message: failure.reason, location: failure.location))
                }
                warnings.append(
                    DotEnvWarning(
                        message: "python-dotenv could not parse statement starting at line \(failure.statementLine): "
                            + "\(failure.reason) at \(failure.location.line):\(failure.location.column); the statement is skipped",
                        location: SourceLocation(file: file, line: failure.statementLine, column: 1),
                        offendingLocation: failure.location))
            case .statement(let statement):
                if statement.commentAfterEmptyValue, let value = statement.value {
                    warnings.append(
                        DotEnvWarning(
                            message: "'\(statement.key)' is empty: a '#' after '= ' starts a comment "
                                + "(python-dotenv 1.2.2 would make the comment the value)",
                            location: value.location))
                }
                let value: String?
                switch resolve(statement, scanner: scanner, environment: environment) {
                case .success(let resolved): value = resolved
                case .failure(let error): return .failure(error)
                }
                bindings.append(
                    DotEnvBinding(
                        key: statement.key, value: value, keyLocation: statement.keyLocation,
                        valueLocation: statement.value?.location))
                earlierValues?[statement.key] = .some(value)
            }
        }
        return .success(
            DotEnvDocument(bindings: bindings, warnings: warnings, referencedEnvironmentNames: referencedEnvironmentNames))
    }

    /// The value after interpolation.
    private mutating func resolve(
        _ statement: DotEnvStatement, scanner: DotEnvScanner, environment: (String) -> String?
    ) -> Result<String?, SettingsFileError> {
        guard let raw = statement.value else { return .success(nil) }
        guard interpolate, raw.text.utf8.contains(DotEnvByte.dollar) else { return .success(raw.text) }
        if earlierValues == nil {
            var values: [String: String?] = [:]
            for binding in bindings { values[binding.key] = .some(binding.value) }
            earlierValues = values
        }
        let earlier = earlierValues ?? [:]
        var referenced: [String] = []
        let lookup = { (name: String) -> String? in
            if let known = earlier[name] { return known ?? "" }
            referenced.append(name)
            return environment(name)
        }
        defer { referencedEnvironmentNames.formUnion(referenced) }
        switch mode {
        case .compat:
            return .success(DotEnvInterpolation.expand(raw.text, lookup: lookup))
        case .strict:
            guard raw.quoting != .singleQuoted else { return .success(raw.text) }
            do throws(DotEnvInterpolation.Failure) {
                return .success(try DotEnvInterpolation.expandStrict(raw.text, lookup: lookup))
            } catch {
                let location = scanner.location(ofDollar: error.dollarOrdinal, in: raw)
                return .failure(
                    SettingsFileError(
                        format: .dotenv, message: "\(error.reason) in the value of '\(statement.key)'", location: location))
            }
        }
    }
}

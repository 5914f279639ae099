import FuzzSupport
import Settings

/// Every input is a `.env` file, read in compat and strict mode, each as a stream and as a file
/// (universal newlines), with interpolation against a small fixed environment (one variable is
/// 64 KiB, so the interpolation budget is reachable).
///
/// Promises checked beyond "no crash, no hang, bounded memory":
/// - compat mode fails only for bytes that are not UTF-8 or an interpolation past the budget;
/// - whatever strict mode accepts, compat mode accepts too (unless compat mode, which expands
///   more, ran out of interpolation budget);
/// - every location (binding, warning, error) lies inside the input.
@c(LLVMFuzzerTestOneInput)
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    for universalNewlines in [false, true] {
        let compat = parse(bytes, mode: .compat, universalNewlines: universalNewlines)
        let strict = parse(bytes, mode: .strict, universalNewlines: universalNewlines)
        if case .failure(let error) = compat {
            invariant(
                error.message.hasPrefix("the file is not valid UTF-8") || error.message.hasPrefix("interpolation would add more than"),
                "compat mode refused a file for another reason: \(error)")
        }
        // Compat mode expands `$${X}` as `$` plus `${X}` where strict mode reads `$$` as a literal
        // `$`, so only compat may run out of interpolation budget on a file strict mode accepts.
        if case .success = strict, case .failure(let error) = compat, !error.message.hasPrefix("interpolation would add more than") {
            invariant(false, "strict mode accepted a file compat mode refused: \(error)")
        }
        for result in [compat, strict] { verify(result, bytes) }
    }
    return 0
}

private func parse(_ bytes: [UInt8], mode: DotEnvMode, universalNewlines: Bool) -> Result<DotEnvDocument, SettingsFileError> {
    Result { () throws(SettingsFileError) in
        try DotEnv.parse(bytes: bytes, file: ".env", mode: mode, universalNewlines: universalNewlines, environment: environment)
    }
}

/// A few fixed variables; the rest are unset.
private func environment(_ name: String) -> String? {
    switch name {
    case "HOME": "/home/fuzz"
    case "EMPTY": ""
    case "BIG": String(repeating: "b", count: 65_536)
    default: nil
    }
}

private func verify(_ result: Result<DotEnvDocument, SettingsFileError>, _ bytes: [UInt8]) {
    switch result {
    case .success(let document):
        for binding in document.bindings {
            checkLocation(binding.keyLocation, file: ".env", in: bytes, "key \(binding.key)")
            if let valueLocation = binding.valueLocation { checkLocation(valueLocation, file: ".env", in: bytes, "value of \(binding.key)") }
            invariant((binding.value == nil) == (binding.valueLocation == nil), "a value without a location or the reverse")
        }
        for warning in document.warnings {
            guard let offending = warning.offendingLocation else {
                checkLocation(warning.location, file: ".env", in: bytes, "warning \(warning)")
                continue
            }
            // A skipped statement's `location` is python-dotenv's line number, which counts a
            // CRLF twice after a skip (documented); the physical place is `offendingLocation`.
            checkLocation(offending, file: ".env", in: bytes, "warning \(warning)")
            invariant(warning.location.line >= 1 && warning.location.line <= 2 * lineCount(bytes), "warning \(warning): line out of range")
        }
    case .failure(let error):
        invariant(error.format == .dotenv, "a .env error of another format")
        checkLocation(error.location, file: ".env", in: bytes, "error \(error)")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends issued tokens to ``EmulatorConfiguration/issuedTokenLog`` for secret audits.
enum IssuedTokenLog {
    /// Appends one line per token to `path` (created 0600), in one `write` so concurrent
    /// emulators' lines never interleave. Failures are ignored: the log is an audit aid.
    static func append(_ tokens: [String], to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(tokens.map { $0 + "\n" }.joined().utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

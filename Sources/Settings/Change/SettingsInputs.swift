#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a resolution read, kept so that "is it still the same?" is one cheap call.
///
/// It holds every consulted environment name with the value seen (names looked up by `.env`
/// interpolation and file selectors such as `PIXEL_ENV_FILE` included) and a ``FileStamp`` for
/// every file consulted, present or absent (so creating `.env` later is a change). The check
/// never parses anything.
///
/// ```swift
/// var resolved = try resolver.resolve(sources)
/// // on every request:
/// if !resolved.inputs.isUnchanged() { resolved = try resolver.resolve(sources) }
/// ```
///
/// Values are kept in memory to compare against (secrets included) but are never printed:
/// `description` lists names and paths only.
public struct SettingsInputs: Sendable, CustomStringConvertible {
    /// One environment variable as the resolution saw it.
    struct Variable: Sendable {
        /// The name, NUL-terminated for `getenv`.
        let name: [CChar]
        /// The value, NUL-terminated, or `nil` when the variable was unset.
        let value: [CChar]?
    }

    let usesProcessEnvironment: Bool
    let variables: [Variable]
    let snapshot: EnvironmentSnapshot?
    /// The `getcwd()` result (NUL-terminated) when relative paths were resolved against the
    /// current directory: a `chdir` changes which `.env` the same sources name.
    let currentDirectory: [CChar]?

    /// Every file consulted, in precedence order (weakest first), with its stamp.
    public let files: [FileStamp]

    /// - Parameter variables: every consulted variable, sorted by name.
    init(usesProcessEnvironment: Bool, variables: [Variable], files: [FileStamp], currentDirectory: String?) {
        self.usesProcessEnvironment = usesProcessEnvironment
        self.variables = variables
        self.snapshot = usesProcessEnvironment ? EnvironmentSnapshot() : nil
        self.files = files
        self.currentDirectory = currentDirectory.map { Array($0.utf8CString) }
    }

    /// The environment names the resolution looked up, sorted.
    public var consultedEnvironmentNames: [String] {
        variables.map { $0.name.textBeforeNUL }
    }

    /// `true` when nothing the resolution read has changed: no consulted environment variable was
    /// set, changed or unset, the working directory is the same, and every file is unchanged
    /// (``FileStamp/isUnchanged()``, including its racy-clean rule).
    ///
    /// For the process environment it first compares the `environ` pointer array with a snapshot
    /// (tens of nanoseconds); only when that differs does it compare each consulted value with
    /// `getenv`. An environment given as a dictionary cannot change, so only files are checked;
    /// use ``isUnchanged(environment:)`` to compare against another dictionary.
    public func isUnchanged() -> Bool {
        isUnchanged(checkingValues: false)
    }

    /// Like ``isUnchanged()``; `checkingValues: true` skips the pointer fast path and compares
    /// every consulted value (for programs that edit `putenv` buffers in place).
    public func isUnchanged(checkingValues: Bool) -> Bool {
        if usesProcessEnvironment, let snapshot {
            if checkingValues || !snapshot.matchesProcess() {
                guard processValuesUnchanged() else { return false }
                snapshot.refresh()
            }
        }
        return directoryAndFilesUnchanged()
    }

    /// `true` when `environment` has the same value (or absence) for every consulted name and the
    /// files are unchanged.
    public func isUnchanged(environment: [String: String]) -> Bool {
        for variable in variables {
            let name = variable.name.textBeforeNUL
            let now = environment[name]
            switch (now, variable.value) {
            case (nil, nil): continue
            case (let current?, let recorded?):
                guard current == recorded.textBeforeNUL else { return false }
            default: return false
            }
        }
        return directoryAndFilesUnchanged()
    }

    private func processValuesUnchanged() -> Bool {
        for variable in variables {
            let current = variable.name.withUnsafeBufferPointer { buffer in buffer.baseAddress.flatMap { getenv($0) } }
            switch (current, variable.value) {
            case (nil, nil): continue
            case (let now?, let recorded?):
                let same = recorded.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { strcmp(now, $0) == 0 } ?? false }
                guard same else { return false }
            default: return false
            }
        }
        return true
    }

    private func directoryAndFilesUnchanged() -> Bool {
        if let currentDirectory, !ProcessEnvironment.currentDirectoryIs(currentDirectory) { return false }
        guard !files.isEmpty else { return true }
        // One poll of the change monitor vouches for every file at once.
        let monitor = DirectoryChangeMonitor.shared
        let poll = monitor?.poll()
        for file in files where !file.isUnchanged(monitor: monitor, poll: poll) { return false }
        return true
    }

    /// Names and paths only; values are never shown.
    public var description: String {
        "SettingsInputs(env: \(consultedEnvironmentNames.joined(separator: ", ")); files: "
            + files.map { $0.exists ? $0.path : "\($0.path) (absent)" }.joined(separator: ", ") + ")"
    }
}

extension SettingsInputs: CustomReflectable {
    /// Names and paths only, so that `dump` never prints a consulted value.
    public var customMirror: Mirror {
        Mirror(self, children: ["environment": consultedEnvironmentNames, "files": files.map(\.path)], displayStyle: .struct)
    }
}

extension [CChar] {
    /// The UTF-8 text up to the terminating NUL (what `String(cString:)` read from an array,
    /// which is deprecated).
    var textBeforeNUL: String {
        String(decoding: prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

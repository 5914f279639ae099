import Foundation

/// Where the CLI writes text. Everything goes through unbuffered `FileHandle` writes, so lines
/// from the command, from progress displays and from error reports reach a pipe in the order
/// they were produced (mixing `print`'s stdio buffer with direct writes would reorder them).
struct Console: Sendable {
    /// The handle written to.
    let handle: FileHandle
    /// Whether the handle is a terminal (live progress bars and colour-free redraws are allowed).
    let isTerminal: Bool

    /// Standard output.
    static let standardOutput = Console(handle: .standardOutput, isTerminal: isatty(STDOUT_FILENO) == 1)
    /// Standard error.
    static let standardError = Console(handle: .standardError, isTerminal: isatty(STDERR_FILENO) == 1)

    /// Writes `text` as is.
    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// Writes `line` and a newline.
    func line(_ line: String = "") {
        write(line + "\n")
    }
}

import ArgumentParser
import PixelClient
import Settings

/// The one place that turns an error into the CLI's exit code and its stderr paragraph.
///
/// Exit codes: 0 success, 1 runtime or API failure, 2 usage or configuration error, 130 when
/// Ctrl-C cancelled the command. The message is one paragraph (a settings error lists its
/// problems under one header line), never a stack trace, never a secret: it is built only from
/// `SettingsError` and `PixelError` descriptions, which redact passwords and tokens themselves.
enum ErrorReport {
    /// Exit status for a usage or configuration error.
    static let usage: Int32 = 2
    /// Exit status for a runtime or API error.
    static let failure: Int32 = 1
    /// Exit status after Ctrl-C (128 + SIGINT, what shells report).
    static let interrupted: Int32 = 130

    /// The exit code and message for an error the CLI's own code threw; `nil` for errors that
    /// belong to ArgumentParser (help requests, usage errors, `ExitCode`).
    static func render(_ error: any Error) -> (code: Int32, message: String)? {
        switch error {
        case let error as SettingsError:
            return (
                usage,
                "pixel: configuration error. \(error.description)\n"
                    + "Run `pixel config explain` to see where each setting comes from."
            )
        case let error as PixelError where error.code == .cancelled:
            return (interrupted, "pixel: cancelled; requests in flight were stopped.")
        case let error as PixelError where error.code == .invalidInput:
            return (usage, "pixel: \(error.message)")
        case let error as PixelError:
            return (failure, "pixel: \(error.description)")
        case is CancellationError:
            return (interrupted, "pixel: cancelled; requests in flight were stopped.")
        case let error as CLIFailure:
            return (error.exitCode, "pixel: \(error.message)")
        case is ExitCode, is CleanExit, is ValidationError:
            return nil
        default:
            // An error type the CLI does not know: keep the process alive-looking and short.
            return String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
                ? nil : (failure, "pixel: \(String(describing: error))")
        }
    }

    /// Prints `error` the CLI way and returns the exit code to end the process with.
    static func report(_ error: any Error, command: any ParsableCommand.Type) -> Int32 {
        if let (code, message) = render(error) {
            Console.standardError.line(message)
            return code
        }
        let code = command.exitCode(for: error)
        let message = command.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { Console.standardOutput.line(message) }
            return 0
        }
        if !message.isEmpty { Console.standardError.line(message) }
        // ArgumentParser uses EX_USAGE (64) for usage errors; this CLI promises 2.
        return code == .validationFailure ? usage : code.rawValue
    }
}

/// A failure the CLI itself detects (a bad `--filter`, a missing stored session), with the
/// exit code it deserves.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: ErrorReport.usage) }
    static func runtime(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: ErrorReport.failure) }

    var description: String { message }
}

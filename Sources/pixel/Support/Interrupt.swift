import Dispatch
import Foundation

/// Ctrl-C handling for commands that talk to the network: SIGINT cancels the command's task, so
/// uploads stop their transfers, waits stop polling and the client closes cleanly; the error
/// report then exits with 130. A second Ctrl-C while cancelling is ignored (the first one is
/// already being honoured and cleanup is short).
enum Interrupt {
    static func cancellingOnSIGINT<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        // The work runs in its own task so that the signal handler has something to cancel.
        let work = Task { try await body() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { work.cancel() }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        return try await withTaskCancellationHandler {
            try await work.value
        } onCancel: {
            work.cancel()
        }
    }
}

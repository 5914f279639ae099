import ArgumentParser
import Dispatch
import Synchronization

/// Load generators for the request and upload benchmarks (`Benchmarks/run`): PixelClient's async
/// and blocking clients, a bare AsyncHTTPClient loop that is the ceiling for any client built on
/// it, and the 1 GiB upload. Each measurement prints one JSON object on its own line to stdout;
/// `Benchmarks/python/requests_report.py` turns them into the tables of BENCHMARKS.md.
///
/// The server (the emulator in its own process, `RequestLoad emulator`, or nginx serving copies of
/// its responses) is started by `Benchmarks/run`; the load commands only talk to it.
///
/// The entry point is synchronous and the main thread waits on a semaphore (``runToCompletion(_:)``)
/// instead of parking in `dispatch_main()`: valgrind 3.19 (Debian 12) crashes on the
/// `sigsuspend` that libdispatch's parked main thread makes, and callgrind counts these processes.
@main
struct RequestLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Request throughput, instructions per request and upload load generators for Benchmarks/run.",
        subcommands: [
            AsyncClientLoad.self, BareClientLoad.self, BlockingClientLoad.self, EmulatorServer.self, PairedClientLoad.self, SetUpFixtures.self,
            UploadLoad.self,
        ])
}

/// Runs `body` on the global concurrent executor and blocks the calling (main) thread until it
/// is done, rethrowing its error.
func runToCompletion(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Mutex<(any Error)?>(nil)
    Task.detached {
        do {
            try await body()
        } catch {
            failure.withLock { $0 = error }
        }
        done.signal()
    }
    done.wait()
    if let error = failure.withLock({ $0 }) { throw error }
}

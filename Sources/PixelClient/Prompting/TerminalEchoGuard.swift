import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns terminal echo off for a password and puts it back on every path: normal return, thrown
/// error (`defer`), and — best effort — SIGINT, SIGTERM, SIGHUP and SIGQUIT, whose handler
/// restores the terminal, reinstalls the previous disposition and re-raises the signal so the
/// program's own handling (or default termination) still happens.
///
/// One guard at a time per process (prompts are serialised by ``TerminalCredentialPrompt``), so
/// the handler's state can live in globals: a C signal handler cannot capture context.
struct TerminalEchoGuard {
    private let descriptor: Int32
    private let engaged: Bool

    /// Disables echo on `descriptor` if it is a terminal; a pipe or file is left alone.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else {
            engaged = false
            return
        }
        echoSignalState.terminal = original
        echoSignalState.descriptor = descriptor
        echoSignalInterrupted.store(false, ordering: .sequentiallyConsistent)
        Self.installHandlers()
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        engaged = tcsetattr(descriptor, TCSAFLUSH, &silent) == 0
        if !engaged { Self.removeHandlers() }
    }

    /// Restores the terminal and the previous signal handlers.
    func restore() {
        guard engaged else { return }
        var original = echoSignalState.terminal
        _ = tcsetattr(descriptor, TCSAFLUSH, &original)
        Self.removeHandlers()
        echoSignalState.descriptor = -1
    }

    /// Whether one of the handled signals arrived while echo was off.
    static var wasInterrupted: Bool { echoSignalInterrupted.load(ordering: .sequentiallyConsistent) }

    /// Forgets a signal seen by an earlier prompt.
    static func clearInterruption() { echoSignalInterrupted.store(false, ordering: .sequentiallyConsistent) }

    private static func installHandlers() {
        for (index, signal) in echoHandledSignals.enumerated() {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = restoreTerminalOnSignal
            #else
            action.__sigaction_handler.sa_handler = restoreTerminalOnSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            echoSignalState.setPrevious(previous, at: index)
        }
    }

    private static func removeHandlers() {
        for (index, signal) in echoHandledSignals.enumerated() {
            var previous = echoSignalState.previous(at: index)
            sigaction(signal, &previous, nil)
        }
    }
}

private let echoHandledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

/// Set by the signal handler; polled by the prompt's read loop.
private let echoSignalInterrupted = Atomic<Bool>(false)

/// What the signal handler needs. Fixed-size fields only: the handler may not allocate.
private struct EchoSignalState {
    var terminal = termios()
    var descriptor: Int32 = -1
    var previous: (sigaction, sigaction, sigaction, sigaction) = (sigaction(), sigaction(), sigaction(), sigaction())

    func previous(at index: Int) -> sigaction {
        switch index {
        case 0: previous.0
        case 1: previous.1
        case 2: previous.2
        default: previous.3
        }
    }

    mutating func setPrevious(_ action: sigaction, at index: Int) {
        switch index {
        case 0: previous.0 = action
        case 1: previous.1 = action
        case 2: previous.2 = action
        default: previous.3 = action
        }
    }
}

// nonisolated(unsafe): read by an async-signal handler, which cannot take locks; written only by
// the single prompt thread (prompts are serialised) before handlers are installed / after removal.
nonisolated(unsafe) private var echoSignalState = EchoSignalState()

private let restoreTerminalOnSignal: @convention(c) (Int32) -> Void = { signal in
    if echoSignalState.descriptor >= 0 {
        var original = echoSignalState.terminal
        _ = tcsetattr(echoSignalState.descriptor, TCSANOW, &original)
    }
    echoSignalInterrupted.store(true, ordering: .sequentiallyConsistent)
    let index: Int
    switch signal {
    case SIGINT: index = 0
    case SIGTERM: index = 1
    case SIGHUP: index = 2
    default: index = 3
    }
    var previous = echoSignalState.previous(at: index)
    sigaction(signal, &previous, nil)
    // Blocked while this handler runs; delivered to the previous disposition when it returns.
    raise(signal)
}

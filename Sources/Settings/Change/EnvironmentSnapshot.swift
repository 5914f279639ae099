import NIOConcurrencyHelpers

/// The `environ` pointer array as it was when a resolution read the process environment.
///
/// glibc's `setenv`, `unsetenv` and `putenv` replace an entry pointer, add or remove one, or move
/// the whole array; they never rewrite an existing `NAME=value` string in place (a replaced string
/// is leaked, not freed, so its address is not reused). So when every entry pointer is still the
/// same, the environment is the same, and the check costs a walk over ~50 pointers.
///
/// **Blind spot:** a program that `putenv`s its own buffer and later edits that buffer in place
/// changes a value without changing any pointer. Nothing short of re-reading every consulted
/// value can see that; call ``SettingsInputs/isUnchanged(checkingValues:)`` with `true` if you do that.
final class EnvironmentSnapshot: Sendable {
    private let addresses: NIOLockedValueBox<[UInt]>

    init() {
        addresses = NIOLockedValueBox(ProcessEnvironment.entryAddresses())
    }

    /// `true` when `environ` holds exactly the recorded pointers, in order.
    func matchesProcess() -> Bool {
        addresses.withLockedValue { ProcessEnvironment.entriesMatch($0) }
    }

    /// Records the current array (after the consulted values were found unchanged), so that the
    /// next check takes the fast path again.
    func refresh() {
        let current = ProcessEnvironment.entryAddresses()
        addresses.withLockedValue { $0 = current }
    }
}

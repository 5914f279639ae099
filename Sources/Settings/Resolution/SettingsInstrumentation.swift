import Synchronization

/// Counts the settings files a resolution parses. Tests bind one with
/// ``SettingsInstrumentation/$parseCounter`` to prove that an unchanged check parses nothing.
///
/// ```swift
/// let counter = SettingsParseCounter()
/// SettingsInstrumentation.$parseCounter.withValue(counter) { _ = resolved.inputs.isUnchanged() }
/// #expect(counter.count == 0)
/// ```
public final class SettingsParseCounter: Sendable {
    private let parses = Atomic<Int>(0)

    /// Creates a counter at zero.
    public init() {}

    /// Files parsed so far (`.env` and YAML).
    public var count: Int { parses.load(ordering: .relaxed) }

    func increment() { parses.add(1, ordering: .relaxed) }
}

/// Hooks for tests and diagnostics; they cost one task-local read per parsed file.
public enum SettingsInstrumentation {
    /// The counter that parses in the current task report to, if any.
    @TaskLocal public static var parseCounter: SettingsParseCounter?
}

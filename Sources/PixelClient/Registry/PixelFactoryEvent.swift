public import Settings

/// What a ``PixelClientRegistry`` reports about the clients it manages.
///
/// Events from one client (token refreshed, authentication failed, request retried) arrive
/// unchanged as ``client(_:_:)``, wrapping the client's own ``PixelClientEvent``, so there is one
/// vocabulary for them. No case carries a password, token or refresh token, and secrets that
/// changed in a rebuild appear only as "changed".
///
/// ```swift
/// for await event in registry.events() {
///     switch event {
///     case .rebuilt(let old, let new, let changes):
///         logger.info("rebuilt \(old) → \(new): \(changes.map(\.field))")   // ["apiTimeout", "password"]
///     case .client(_, .authenticationFailed(let error)):
///         logger.error("\(error)")
///     default:
///         logger.debug("\(event)")
///     }
/// }
/// ```
public enum PixelFactoryEvent: Sendable, CustomStringConvertible {
    /// A client generation was built for a key that had none.
    case created(ClientID)
    /// The settings behind a key changed: `new` replaces `old` (which is retired next).
    /// `changes` lists the settings that differ; secret ones say only "changed".
    case rebuilt(old: ClientID, new: ClientID, changes: [SettingsChange])
    /// A generation stopped taking new requests (replaced, evicted or shutting down);
    /// `inFlight` requests still run on it and it closes once they finish or its grace ends.
    case retired(ClientID, inFlight: Int)
    /// A generation closed its connections; `forced` when its grace deadline cut requests off.
    case closed(ClientID, forced: Bool)
    /// Something one client reported: a token refresh, an authentication failure, a retry.
    case client(ClientID, PixelClientEvent)
    /// Re-reading the default settings failed; the last good settings stay in use.
    case settingsReloadFailed(SettingsError)
    /// The session store ignored or could not write a stored session.
    case sessionStoreWarning(SessionStoreWarning)
    /// The registry drained and closed every client; no further events follow.
    case shutDown

    /// Names one generation of one registry entry without revealing its settings.
    public struct ClientID: Sendable, Hashable, CustomStringConvertible {
        /// The registry key (a hex digest of settings and options).
        public var key: String
        /// Counts up from 1 each time the entry is rebuilt.
        public var generation: Int

        /// Creates an identifier.
        public init(key: String, generation: Int) {
            self.key = key
            self.generation = generation
        }

        /// `client 3f2a9c1b04de#2`: the first 12 digits of the key and the generation.
        public var description: String { "client \(key.prefix(12))#\(generation)" }
    }

    /// `true` for the events a subscriber can rely on receiving however far it falls behind:
    /// ``retired(_:inFlight:)``, ``closed(_:forced:)`` and ``shutDown``. Other events may be
    /// dropped from a full subscriber buffer.
    public var isLifecycleEvent: Bool {
        switch self {
        case .retired, .closed, .shutDown: true
        case .created, .rebuilt, .client, .settingsReloadFailed, .sessionStoreWarning: false
        }
    }

    public var description: String {
        switch self {
        case .created(let id):
            return "\(id) created"
        case .rebuilt(let old, let new, let changes):
            let list = changes.isEmpty ? "no setting changed" : changes.map(\.description).joined(separator: "; ")
            return "\(old) rebuilt as generation \(new.generation) (\(list))"
        case .retired(let id, let inFlight):
            return "\(id) retired with \(inFlight) request\(inFlight == 1 ? "" : "s") in flight"
        case .closed(let id, let forced):
            return forced ? "\(id) closed after its grace period (requests cut off)" : "\(id) closed"
        case .client(let id, let event):
            return "\(id): \(event)"
        case .settingsReloadFailed(let error):
            return "settings reload failed; keeping the last good settings. \(error)"
        case .sessionStoreWarning(let warning):
            return warning.description
        case .shutDown:
            return "registry shut down"
        }
    }
}

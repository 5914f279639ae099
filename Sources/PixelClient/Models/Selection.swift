/// Which objects an operation applies to: all of them, or the listed ones.
///
/// The API reads a missing id list as "all", so an empty list must never be sent for "these
/// none": `.all` leaves the list out, `.only(ids)` sends it, and `.only([])` is refused before any
/// request with ``PixelError/Code/invalidInput``.
///
/// ```swift
/// let every = try await client.optimizeRasters(project: 1, dataCollection: 3, .all)
/// let some = try await client.optimizeRasters(project: 1, dataCollection: 3, .only([11, 12]))
/// ```
public enum Selection<ID: Hashable & Sendable>: Hashable, Sendable {
    case all
    case only([ID])

    /// The ids to send, or `nil` for `.all` (the key is left out, which the API reads as "all").
    public var ids: [ID]? {
        switch self {
        case .all: nil
        case .only(let ids): ids
        }
    }

    /// ``ids``, refusing an empty `.only([])` that would select nothing (`what` names the objects).
    func idsToSend(_ what: String) throws(PixelError) -> [ID]? {
        if case .only(let ids) = self, ids.isEmpty {
            throw .invalidInput("The selection of \(what) is empty; pass .all to select every one.")
        }
        return ids
    }
}

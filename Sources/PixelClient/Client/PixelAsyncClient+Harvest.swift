// Harvest services of a data collection.
import NIOHTTP1
extension PixelAsyncClient {
    static func harvestPath(_ project: ProjectID, _ dataCollection: DataCollectionID) -> String {
        dcPath(project, dataCollection) + "/harvest_services/"
    }

    /// Creates a harvest service (`POST DC/harvest_services/`). The body carries the harvest
    /// credentials: it is never logged or kept in errors, and the secrets are blanked out of
    /// whatever the server echoes back.
    ///
    /// ```swift
    /// let service = try await client.createHarvestService(project: 1, dataCollection: 2, HarvestServiceCreate(
    ///     name: "Roads", description: "", url: featureServiceURL,
    ///     auth: HarvestAuth(apiKey: HarvestAPIKey(apiKey: Secret(key)))))
    /// ```
    public func createHarvestService(
        project: ProjectID, dataCollection: DataCollectionID, _ create: HarvestServiceCreate
    ) async throws(PixelError) -> HarvestService {
        try await sendSensitive(.POST, Self.harvestPath(project, dataCollection), body: create)
    }

    /// Lists the harvest services of a data collection.
    public func listHarvestServices(
        project: ProjectID, dataCollection: DataCollectionID, _ params: ListParams<HarvestServiceID> = .init()
    ) async throws(PixelError) -> [HarvestService] {
        try await get(Self.harvestPath(project, dataCollection), query: params.queryItems)
    }

    /// One harvest service (`GET DC/harvest_services/{id}`).
    public func getHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) async throws(PixelError)
        -> HarvestService
    {
        try await get(Self.harvestPath(project, dataCollection) + "\(id)")
    }

    /// Changes a harvest service (`PUT DC/harvest_services/{id}`); sensitive like
    /// ``createHarvestService(project:dataCollection:_:)``.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` before any request when `update` sets nothing.
    public func updateHarvestService(
        project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID, _ update: HarvestServiceUpdate
    ) async throws(PixelError) -> HarvestService {
        guard !update.isEmpty else { throw .invalidInput("An update of harvest service \(id) needs at least one field to change.") }
        return try await sendSensitive(.PUT, Self.harvestPath(project, dataCollection) + "\(id)", body: update)
    }

    /// Deletes a harvest service and its tasks.
    @discardableResult
    public func deleteHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) async throws(PixelError)
        -> DeletionResult
    {
        try await send(.DELETE, Self.harvestPath(project, dataCollection) + "\(id)")
    }

    /// The tasks (runs) of a harvest service (`GET DC/harvest_services/{id}/`, with the slash).
    ///
    /// ```swift
    /// let running = try await client.getHarvestServiceTasks(project: 1, dataCollection: 2, id: 5, HarvestTaskListParams(status: .inProgress))
    /// ```
    public func getHarvestServiceTasks(
        project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID, _ params: HarvestTaskListParams = .init()
    ) async throws(PixelError) -> [HarvestTask] {
        try await get(Self.harvestPath(project, dataCollection) + "\(id)/", query: params.queryItems)
    }

    /// Starts a harvest service (`POST …/{id}/start`): it opens a task.
    public func startHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) async throws(PixelError)
        -> HarvestServiceChange
    {
        try await send(.POST, Self.harvestPath(project, dataCollection) + "\(id)/start")
    }

    /// Stops a harvest service (`POST …/{id}/stop`): its task finishes.
    public func stopHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) async throws(PixelError)
        -> HarvestServiceChange
    {
        try await send(.POST, Self.harvestPath(project, dataCollection) + "\(id)/stop")
    }
}

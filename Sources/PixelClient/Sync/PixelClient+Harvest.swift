// Blocking forms of the harvest service methods.
extension PixelClient {
    /// Blocking form of ``PixelAsyncClient/createHarvestService(project:dataCollection:_:)`` (sensitive: never logged).
    @available(*, noasync)
    public func createHarvestService(project: ProjectID, dataCollection: DataCollectionID, _ create: HarvestServiceCreate) throws(PixelError)
        -> HarvestService
    {
        try run { client async throws(PixelError) in try await client.createHarvestService(project: project, dataCollection: dataCollection, create) }
    }

    /// Blocking form of ``PixelAsyncClient/listHarvestServices(project:dataCollection:_:)``.
    @available(*, noasync)
    public func listHarvestServices(
        project: ProjectID, dataCollection: DataCollectionID, _ params: ListParams<HarvestServiceID> = .init()
    ) throws(PixelError) -> [HarvestService] {
        try run { client async throws(PixelError) in try await client.listHarvestServices(project: project, dataCollection: dataCollection, params) }
    }

    /// Blocking form of ``PixelAsyncClient/getHarvestService(project:dataCollection:id:)``.
    @available(*, noasync)
    public func getHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) throws(PixelError) -> HarvestService {
        try run { client async throws(PixelError) in try await client.getHarvestService(project: project, dataCollection: dataCollection, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/updateHarvestService(project:dataCollection:id:_:)`` (sensitive: never logged).
    @available(*, noasync)
    public func updateHarvestService(
        project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID, _ update: HarvestServiceUpdate
    ) throws(PixelError) -> HarvestService {
        try run { client async throws(PixelError) in
            try await client.updateHarvestService(project: project, dataCollection: dataCollection, id: id, update)
        }
    }

    /// Blocking form of ``PixelAsyncClient/deleteHarvestService(project:dataCollection:id:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) throws(PixelError) -> DeletionResult
    {
        try run { client async throws(PixelError) in try await client.deleteHarvestService(project: project, dataCollection: dataCollection, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/getHarvestServiceTasks(project:dataCollection:id:_:)``.
    @available(*, noasync)
    public func getHarvestServiceTasks(
        project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID, _ params: HarvestTaskListParams = .init()
    ) throws(PixelError) -> [HarvestTask] {
        try run { client async throws(PixelError) in
            try await client.getHarvestServiceTasks(project: project, dataCollection: dataCollection, id: id, params)
        }
    }

    /// Blocking form of ``PixelAsyncClient/startHarvestService(project:dataCollection:id:)``.
    @available(*, noasync)
    public func startHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) throws(PixelError)
        -> HarvestServiceChange
    {
        try run { client async throws(PixelError) in try await client.startHarvestService(project: project, dataCollection: dataCollection, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/stopHarvestService(project:dataCollection:id:)``.
    @available(*, noasync)
    public func stopHarvestService(project: ProjectID, dataCollection: DataCollectionID, id: HarvestServiceID) throws(PixelError)
        -> HarvestServiceChange
    {
        try run { client async throws(PixelError) in try await client.stopHarvestService(project: project, dataCollection: dataCollection, id: id) }
    }
}

// Blocking forms of the ArcGIS service methods.
extension PixelClient {
    /// Blocking form of ``PixelAsyncClient/listGDOUsers()``.
    @available(*, noasync)
    public func listGDOUsers() throws(PixelError) -> [String] {
        try run { client async throws(PixelError) in try await client.listGDOUsers() }
    }

    /// Blocking form of ``PixelAsyncClient/createArcGISService(_:_:)``.
    @available(*, noasync)
    public func createArcGISService(_ type: ArcGISServiceType, _ create: ArcGISServiceCreate) throws(PixelError) -> ArcGISService {
        try run { client async throws(PixelError) in try await client.createArcGISService(type, create) }
    }

    /// Blocking form of ``PixelAsyncClient/listArcGISServices(_:_:)``.
    @available(*, noasync)
    public func listArcGISServices(_ type: ArcGISServiceType, _ params: ListParams<ArcGISServiceID> = .init()) throws(PixelError) -> [ArcGISService] {
        try run { client async throws(PixelError) in try await client.listArcGISServices(type, params) }
    }

    /// Blocking form of ``PixelAsyncClient/getArcGISService(_:id:)``.
    @available(*, noasync)
    public func getArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID) throws(PixelError) -> ArcGISService {
        try run { client async throws(PixelError) in try await client.getArcGISService(type, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/updateArcGISService(_:id:_:)``.
    @available(*, noasync)
    public func updateArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID, _ update: ArcGISServiceUpdate) throws(PixelError) -> ArcGISService
    {
        try run { client async throws(PixelError) in try await client.updateArcGISService(type, id: id, update) }
    }

    /// Blocking form of ``PixelAsyncClient/deleteArcGISService(_:id:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID) throws(PixelError) -> DeletionResult {
        try run { client async throws(PixelError) in try await client.deleteArcGISService(type, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/startArcGISService(_:id:wait:)``.
    @available(*, noasync)
    public func startArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID, wait: JobWait? = JobWait(timeout: .seconds(1000)))
        throws(PixelError) -> ArcGISServiceChange
    {
        try run { client async throws(PixelError) in try await client.startArcGISService(type, id: id, wait: wait) }
    }

    /// Blocking form of ``PixelAsyncClient/stopArcGISService(_:id:wait:)``.
    @available(*, noasync)
    public func stopArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID, wait: JobWait? = JobWait(timeout: .seconds(1000)))
        throws(PixelError) -> ArcGISServiceChange
    {
        try run { client async throws(PixelError) in try await client.stopArcGISService(type, id: id, wait: wait) }
    }

    /// Blocking form of ``PixelAsyncClient/refreshArcGISService(_:id:refreshData:wait:)``.
    @available(*, noasync)
    public func refreshArcGISService(
        _ type: ArcGISServiceType, id: ArcGISServiceID, refreshData: Bool = false, wait: JobWait? = JobWait(timeout: .seconds(1000))
    ) throws(PixelError) -> ArcGISServiceChange {
        try run { client async throws(PixelError) in try await client.refreshArcGISService(type, id: id, refreshData: refreshData, wait: wait) }
    }
}

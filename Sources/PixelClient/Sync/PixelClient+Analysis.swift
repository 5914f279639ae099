// Blocking forms of the analysis methods.
extension PixelClient {
    /// Blocking form of ``PixelAsyncClient/listAnalysisModules()``.
    @available(*, noasync)
    public func listAnalysisModules() throws(PixelError) -> [AnalysisModule] {
        try run { client async throws(PixelError) in try await client.listAnalysisModules() }
    }

    /// Blocking form of ``PixelAsyncClient/listAnalysisServices(_:)``.
    @available(*, noasync)
    public func listAnalysisServices(_ params: AnalysisServiceListParams = .init()) throws(PixelError) -> [AnalysisService] {
        try run { client async throws(PixelError) in try await client.listAnalysisServices(params) }
    }

    /// Blocking form of ``PixelAsyncClient/createAnalysisService(_:)``.
    @available(*, noasync)
    public func createAnalysisService(_ create: AnalysisServiceCreate) throws(PixelError) -> AnalysisService {
        try run { client async throws(PixelError) in try await client.createAnalysisService(create) }
    }

    /// Blocking form of ``PixelAsyncClient/patchAnalysisService(_:_:)``.
    @available(*, noasync)
    public func patchAnalysisService(_ id: AnalysisServiceID, _ patch: AnalysisServicePatch) throws(PixelError) -> AnalysisService {
        try run { client async throws(PixelError) in try await client.patchAnalysisService(id, patch) }
    }

    /// Blocking form of ``PixelAsyncClient/deleteAnalysisService(_:)``.
    @available(*, noasync)
    public func deleteAnalysisService(_ id: AnalysisServiceID) throws(PixelError) {
        try run { client async throws(PixelError) in try await client.deleteAnalysisService(id) }
    }

    /// Blocking form of ``PixelAsyncClient/listAnalysisTasks(_:_:)``.
    @available(*, noasync)
    public func listAnalysisTasks(_ serviceID: AnalysisServiceID, _ params: AnalysisTaskListParams = .init()) throws(PixelError) -> [AnalysisTask] {
        try run { client async throws(PixelError) in try await client.listAnalysisTasks(serviceID, params) }
    }

    /// Blocking form of ``PixelAsyncClient/createAnalysisTask(_:_:)``.
    @available(*, noasync)
    public func createAnalysisTask(_ serviceID: AnalysisServiceID, _ create: AnalysisTaskCreate) throws(PixelError) -> AnalysisTask {
        try run { client async throws(PixelError) in try await client.createAnalysisTask(serviceID, create) }
    }

    /// Blocking form of ``PixelAsyncClient/deleteAnalysisTask(_:_:)``.
    @available(*, noasync)
    public func deleteAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) throws(PixelError) {
        try run { client async throws(PixelError) in try await client.deleteAnalysisTask(serviceID, taskID) }
    }

    /// Blocking form of ``PixelAsyncClient/runAnalysisTask(_:_:)``.
    @available(*, noasync)
    public func runAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) throws(PixelError) -> AnalysisTask {
        try run { client async throws(PixelError) in try await client.runAnalysisTask(serviceID, taskID) }
    }

    /// Blocking form of ``PixelAsyncClient/revokeAnalysisTask(_:_:)``.
    @available(*, noasync)
    public func revokeAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) throws(PixelError) -> AnalysisTask {
        try run { client async throws(PixelError) in try await client.revokeAnalysisTask(serviceID, taskID) }
    }
}

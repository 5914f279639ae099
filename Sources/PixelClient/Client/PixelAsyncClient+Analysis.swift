// Analysis modules, services and tasks.
import NIOHTTP1
extension PixelAsyncClient {
    /// The analysis modules services can use (`GET /analysis/modules/`).
    public func listAnalysisModules() async throws(PixelError) -> [AnalysisModule] {
        try await get("/analysis/modules/")
    }

    /// Lists analysis services (`GET /analysis/services/`).
    public func listAnalysisServices(_ params: AnalysisServiceListParams = .init()) async throws(PixelError) -> [AnalysisService] {
        try await get("/analysis/services/", query: params.queryItems)
    }

    /// Creates an analysis service (`POST /analysis/services/`).
    ///
    /// ```swift
    /// let service = try await client.createAnalysisService(
    ///     AnalysisServiceCreate(name: "Signs", moduleName: "object_detection", config: ["model": "signs-v2"]))
    /// ```
    public func createAnalysisService(_ create: AnalysisServiceCreate) async throws(PixelError) -> AnalysisService {
        try await send(.POST, "/analysis/services/", body: create)
    }

    /// Changes some fields of an analysis service (`PATCH /analysis/services/{id}`): fields left
    /// at ``PatchField/keep`` are not sent, ``PatchField/clear`` sends null, and `config` is
    /// deep-merged by the server. The module cannot be changed.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` before any request when `patch` changes nothing.
    public func patchAnalysisService(_ id: AnalysisServiceID, _ patch: AnalysisServicePatch) async throws(PixelError) -> AnalysisService {
        guard !patch.isEmpty else { throw .invalidInput("A patch of analysis service \(id) needs at least one field to set or clear.") }
        return try await send(.PATCH, "/analysis/services/\(id)", body: patch)
    }

    /// Deletes an analysis service and its tasks. The API's answer carries nothing to read, so
    /// none is decoded; a failure throws.
    public func deleteAnalysisService(_ id: AnalysisServiceID) async throws(PixelError) {
        try await sendIgnoringBody(APIRequest(.DELETE, "/analysis/services/\(id)"))
    }

    /// Lists the tasks of an analysis service (`GET /analysis/services/{id}/tasks/`).
    public func listAnalysisTasks(_ serviceID: AnalysisServiceID, _ params: AnalysisTaskListParams = .init()) async throws(PixelError)
        -> [AnalysisTask]
    {
        try await get("/analysis/services/\(serviceID)/tasks/", query: params.queryItems)
    }

    /// Creates a task of an analysis service (`POST /analysis/services/{id}/tasks/`); it is
    /// `PENDING` until run.
    public func createAnalysisTask(_ serviceID: AnalysisServiceID, _ create: AnalysisTaskCreate) async throws(PixelError) -> AnalysisTask {
        try await send(.POST, "/analysis/services/\(serviceID)/tasks/", body: create)
    }

    /// Deletes a task; like ``deleteAnalysisService(_:)`` nothing is decoded.
    public func deleteAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) async throws(PixelError) {
        try await sendIgnoringBody(APIRequest(.DELETE, "/analysis/services/\(serviceID)/tasks/\(taskID)"))
    }

    /// Schedules a task to run (`POST …/tasks/{id}/run`).
    public func runAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) async throws(PixelError) -> AnalysisTask {
        try await send(.POST, "/analysis/services/\(serviceID)/tasks/\(taskID)/run")
    }

    /// Revokes a pending, scheduled or running task (`POST …/tasks/{id}/revoke`).
    public func revokeAnalysisTask(_ serviceID: AnalysisServiceID, _ taskID: AnalysisTaskID) async throws(PixelError) -> AnalysisTask {
        try await send(.POST, "/analysis/services/\(serviceID)/tasks/\(taskID)/revoke")
    }
}

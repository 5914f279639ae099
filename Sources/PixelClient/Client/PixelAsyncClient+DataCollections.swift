// Data collections.
import NIOHTTP1
extension PixelAsyncClient {
    /// Creates a data collection in `project` (`POST /projects/{p}/data_collections/`).
    public func createDataCollection(project: ProjectID, _ dataCollection: DataCollectionCreate) async throws(PixelError) -> DataCollection {
        try await send(.POST, "/projects/\(project)/data_collections/", body: dataCollection)
    }

    /// Creates a data collection from its fields.
    public func createDataCollection(
        project: ProjectID, name: String, description: String, dataCollectionType: DataCollectionType, tags: [String]? = nil,
        rasterInfo: RasterInfo? = nil
    ) async throws(PixelError) -> DataCollection {
        try await createDataCollection(
            project: project,
            DataCollectionCreate(name: name, description: description, dataCollectionType: dataCollectionType, tags: tags, rasterInfo: rasterInfo))
    }

    /// Lists a project's data collections.
    public func listDataCollections(project: ProjectID, _ params: DataCollectionListParams = .init()) async throws(PixelError) -> [DataCollection] {
        try await get("/projects/\(project)/data_collections/", query: params.queryItems)
    }

    /// Lists a project's deleted data collections.
    public func listDeletedDataCollections(project: ProjectID, _ params: DataCollectionListParams = .init()) async throws(PixelError)
        -> [DataCollection]
    {
        try await get("/projects/\(project)/data_collections/deleted", query: params.queryItems)
    }

    /// One data collection.
    public func getDataCollection(project: ProjectID, id: DataCollectionID) async throws(PixelError) -> DataCollection {
        try await get(Self.dcPath(project, id))
    }

    /// Changes a data collection; `update` must set something.
    public func updateDataCollection(project: ProjectID, id: DataCollectionID, _ update: DataCollectionUpdate) async throws(PixelError)
        -> DataCollection
    {
        guard !update.isEmpty else { throw .invalidInput("updateDataCollection needs at least one field to change.") }
        return try await send(.PUT, Self.dcPath(project, id), body: update)
    }

    /// Moves a data collection to another project (`PUT DC/move?new_project_id=`).
    public func moveDataCollection(project: ProjectID, id: DataCollectionID, to newProject: ProjectID) async throws(PixelError) -> DataCollection {
        var query = QueryItems()
        query["new_project_id"] = newProject.rawValue
        return try await send(.PUT, Self.dcPath(project, id) + "/move", query: query)
    }

    /// Deletes a data collection (restorable).
    @discardableResult
    public func deleteDataCollection(project: ProjectID, id: DataCollectionID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.dcPath(project, id))
    }

    /// Restores a deleted data collection.
    @discardableResult
    public func restoreDataCollection(project: ProjectID, id: DataCollectionID) async throws(PixelError) -> DataCollection {
        try await send(.POST, Self.dcPath(project, id) + "/restore")
    }
}

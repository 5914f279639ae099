// Images, rasters and point clouds (without uploads and optimized-* endpoints).
extension PixelAsyncClient {
    private static func itemsPath(_ project: ProjectID, _ dc: DataCollectionID, _ kind: String) -> String {
        dcPath(project, dc) + "/\(kind)/"
    }

    private func paginate<Item: Decodable & Sendable>(_ path: String, pageSize: Int, query base: QueryItems) -> PixelPages<Item> {
        PixelPages(pageSize: pageSize) { offset, limit in
            var query = base
            query["offset"] = offset
            query["limit"] = limit
            let items: [Item] = try await get(path, query: query)
            return FetchedPage(items: items)
        }
    }

    private func moveQuery(_ project: ProjectID, _ dc: DataCollectionID) -> QueryItems {
        var query = QueryItems()
        query["new_project_id"] = project.rawValue
        query["new_data_collection_id"] = dc.rawValue
        return query
    }

    // MARK: Images

    /// Lists images of a data collection (`GET DC/images/`).
    public func getImages(project: ProjectID, dataCollection: DataCollectionID, _ params: ImageListParams = .init()) async throws(PixelError) -> [Image] {
        try await get(Self.itemsPath(project, dataCollection, "images"), query: params.queryItems)
    }

    /// Every image of a data collection, fetched `pageSize` at a time.
    public func paginateImages(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: ImageListParams = .init()) -> PixelPages<Image> {
        paginate(Self.itemsPath(project, dataCollection, "images"), pageSize: pageSize, query: params.queryItems)
    }

    /// One image.
    public func getImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError) -> Image {
        try await get(Self.itemsPath(project, dataCollection, "images") + "\(id)")
    }

    /// An image's metadata (`GET DC/images/{id}/metadata`).
    public func getImageMetadata(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError) -> MetadataObject {
        try await get(Self.itemsPath(project, dataCollection, "images") + "\(id)/metadata")
    }

    /// Changes tags and metadata of an image; `update` must set something.
    public func updateImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID, _ update: ImageUpdate) async throws(PixelError) -> Image {
        guard !update.isEmpty else { throw .invalidInput("updateImage needs at least one field to change.") }
        return try await send(.PUT, Self.itemsPath(project, dataCollection, "images") + "\(id)", body: update)
    }

    /// Moves an image to another project and data collection (`PUT DC/images/{id}/move`).
    public func moveImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID, toProject: ProjectID, toDataCollection: DataCollectionID) async throws(PixelError) -> Image {
        try await send(.PUT, Self.itemsPath(project, dataCollection, "images") + "\(id)/move", query: moveQuery(toProject, toDataCollection))
    }

    /// Deletes an image.
    @discardableResult
    public func deleteImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.itemsPath(project, dataCollection, "images") + "\(id)")
    }

    // MARK: Rasters

    /// Lists rasters of a data collection (`GET DC/rasters/`).
    public func getRasters(project: ProjectID, dataCollection: DataCollectionID, _ params: RasterListParams = .init()) async throws(PixelError) -> [Raster] {
        try await get(Self.itemsPath(project, dataCollection, "rasters"), query: params.queryItems)
    }

    /// Every raster of a data collection, fetched `pageSize` at a time.
    public func paginateRasters(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: RasterListParams = .init()) -> PixelPages<Raster> {
        paginate(Self.itemsPath(project, dataCollection, "rasters"), pageSize: pageSize, query: params.queryItems)
    }

    /// One raster.
    public func getRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID) async throws(PixelError) -> Raster {
        try await get(Self.itemsPath(project, dataCollection, "rasters") + "\(id)")
    }

    /// Changes tags and metadata of a raster; `update` must set something.
    public func updateRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID, _ update: RasterUpdate) async throws(PixelError) -> Raster {
        guard !update.isEmpty else { throw .invalidInput("updateRaster needs at least one field to change.") }
        return try await send(.PUT, Self.itemsPath(project, dataCollection, "rasters") + "\(id)", body: update)
    }

    /// Moves a raster to another project and data collection.
    public func moveRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID, toProject: ProjectID, toDataCollection: DataCollectionID) async throws(PixelError) -> Raster {
        try await send(.PUT, Self.itemsPath(project, dataCollection, "rasters") + "\(id)/move", query: moveQuery(toProject, toDataCollection))
    }

    /// Deletes a raster.
    @discardableResult
    public func deleteRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.itemsPath(project, dataCollection, "rasters") + "\(id)")
    }

    // MARK: Point clouds

    /// Lists point clouds of a data collection (`GET DC/point_clouds/`).
    public func getPointClouds(project: ProjectID, dataCollection: DataCollectionID, _ params: PointCloudListParams = .init()) async throws(PixelError) -> [PointCloud] {
        try await get(Self.itemsPath(project, dataCollection, "point_clouds"), query: params.queryItems)
    }

    /// Every point cloud of a data collection, fetched `pageSize` at a time.
    public func paginatePointClouds(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: PointCloudListParams = .init()) -> PixelPages<PointCloud> {
        paginate(Self.itemsPath(project, dataCollection, "point_clouds"), pageSize: pageSize, query: params.queryItems)
    }

    /// One point cloud.
    public func getPointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID) async throws(PixelError) -> PointCloud {
        try await get(Self.itemsPath(project, dataCollection, "point_clouds") + "\(id)")
    }

    /// Changes tags and metadata of a point cloud; `update` must set something.
    public func updatePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, _ update: PointCloudUpdate) async throws(PixelError) -> PointCloud {
        guard !update.isEmpty else { throw .invalidInput("updatePointCloud needs at least one field to change.") }
        return try await send(.PUT, Self.itemsPath(project, dataCollection, "point_clouds") + "\(id)", body: update)
    }

    /// Moves a point cloud to another data collection. Unlike the other moves this is a POST with a
    /// body, so it is not retried automatically.
    public func movePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, toDataCollection: DataCollectionID) async throws(PixelError) -> PointCloud {
        struct Body: Encodable, Sendable {
            var newDataCollectionID: DataCollectionID
            enum CodingKeys: String, CodingKey { case newDataCollectionID = "new_data_collection_id" }
        }
        return try await send(.POST, Self.itemsPath(project, dataCollection, "point_clouds") + "\(id)/move", body: Body(newDataCollectionID: toDataCollection))
    }

    /// Deletes a point cloud.
    @discardableResult
    public func deletePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.itemsPath(project, dataCollection, "point_clouds") + "\(id)")
    }
}

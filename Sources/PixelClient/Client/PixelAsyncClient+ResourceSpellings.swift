// pixel-client's names for the image, raster and point-cloud operations. Each is one call of the
// generic operation in PixelAsyncClient+DataCollectionResources.swift.
extension PixelAsyncClient {
    /// Lists images (`get_images`); ``list(_:project:dataCollection:_:)`` for `Image`.
    public func getImages(project: ProjectID, dataCollection: DataCollectionID, _ params: ImageListParams = .init()) async throws(PixelError)
        -> [Image]
    { try await list(Image.self, project: project, dataCollection: dataCollection, params) }

    /// Every image, page by page (`paginate_images`); ``paginate(_:project:dataCollection:pageSize:_:)`` for `Image`.
    public func paginateImages(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: ImageListParams = .init())
        -> PixelPages<Image>
    { paginate(Image.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// One image (`get_image`); ``get(_:project:dataCollection:id:)`` for `Image`.
    public func getImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError) -> Image {
        try await get(Image.self, project: project, dataCollection: dataCollection, id: id)
    }

    /// Changes an image's tags and metadata (`update_image`); ``update(_:project:dataCollection:id:_:)`` for `Image`.
    public func updateImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID, _ update: ImageUpdate) async throws(PixelError)
        -> Image
    { try await self.update(Image.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Moves an image to another project and data collection (`move_image`); ``move(_:project:dataCollection:id:to:)`` for `Image`.
    public func moveImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID, toProject: ProjectID, toDataCollection: DataCollectionID)
        async throws(PixelError) -> Image
    {
        try await move(
            Image.self, project: project, dataCollection: dataCollection, id: id,
            to: CollectionLocation(project: toProject, dataCollection: toDataCollection))
    }

    /// Deletes an image (`delete_image`); ``delete(_:project:dataCollection:id:)`` for `Image`.
    @discardableResult public func deleteImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError)
        -> DeletionResult
    { try await delete(Image.self, project: project, dataCollection: dataCollection, id: id) }

    /// Lists rasters (`get_rasters`); ``list(_:project:dataCollection:_:)`` for `Raster`.
    public func getRasters(project: ProjectID, dataCollection: DataCollectionID, _ params: RasterListParams = .init()) async throws(PixelError)
        -> [Raster]
    { try await list(Raster.self, project: project, dataCollection: dataCollection, params) }

    /// Every raster, page by page (`paginate_rasters`); ``paginate(_:project:dataCollection:pageSize:_:)`` for `Raster`.
    public func paginateRasters(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: RasterListParams = .init())
        -> PixelPages<Raster>
    { paginate(Raster.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// One raster (`get_raster`); ``get(_:project:dataCollection:id:)`` for `Raster`.
    public func getRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID) async throws(PixelError) -> Raster {
        try await get(Raster.self, project: project, dataCollection: dataCollection, id: id)
    }

    /// Changes a raster's tags and metadata (`update_raster`); ``update(_:project:dataCollection:id:_:)`` for `Raster`.
    public func updateRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID, _ update: RasterUpdate) async throws(PixelError)
        -> Raster
    { try await self.update(Raster.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Moves a raster to another project and data collection (`move_raster`); ``move(_:project:dataCollection:id:to:)`` for `Raster`.
    public func moveRaster(
        project: ProjectID, dataCollection: DataCollectionID, id: RasterID, toProject: ProjectID, toDataCollection: DataCollectionID
    ) async throws(PixelError) -> Raster {
        try await move(
            Raster.self, project: project, dataCollection: dataCollection, id: id,
            to: CollectionLocation(project: toProject, dataCollection: toDataCollection))
    }

    /// Deletes a raster (`delete_raster`); ``delete(_:project:dataCollection:id:)`` for `Raster`.
    @discardableResult public func deleteRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID) async throws(PixelError)
        -> DeletionResult
    { try await delete(Raster.self, project: project, dataCollection: dataCollection, id: id) }

    /// Lists point clouds (`get_point_clouds`); ``list(_:project:dataCollection:_:)`` for `PointCloud`.
    public func getPointClouds(project: ProjectID, dataCollection: DataCollectionID, _ params: PointCloudListParams = .init())
        async throws(PixelError) -> [PointCloud]
    { try await list(PointCloud.self, project: project, dataCollection: dataCollection, params) }

    /// Every point cloud, page by page (`paginate_point_clouds`); ``paginate(_:project:dataCollection:pageSize:_:)`` for `PointCloud`.
    public func paginatePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: PointCloudListParams = .init()
    ) -> PixelPages<PointCloud> { paginate(PointCloud.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// One point cloud (`get_point_cloud`); ``get(_:project:dataCollection:id:)`` for `PointCloud`.
    public func getPointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID) async throws(PixelError) -> PointCloud {
        try await get(PointCloud.self, project: project, dataCollection: dataCollection, id: id)
    }

    /// Changes a point cloud's tags and metadata (`update_point_cloud`); ``update(_:project:dataCollection:id:_:)`` for `PointCloud`.
    public func updatePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, _ update: PointCloudUpdate)
        async throws(PixelError) -> PointCloud
    { try await self.update(PointCloud.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Moves a point cloud to another data collection (`move_point_cloud`, a POST: not retried automatically); ``move(_:project:dataCollection:id:to:)`` for `PointCloud`.
    public func movePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, toDataCollection: DataCollectionID)
        async throws(PixelError) -> PointCloud
    { try await move(PointCloud.self, project: project, dataCollection: dataCollection, id: id, to: toDataCollection) }

    /// Deletes a point cloud (`delete_point_cloud`); ``delete(_:project:dataCollection:id:)`` for `PointCloud`.
    @discardableResult public func deletePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID) async throws(PixelError)
        -> DeletionResult
    { try await delete(PointCloud.self, project: project, dataCollection: dataCollection, id: id) }
}

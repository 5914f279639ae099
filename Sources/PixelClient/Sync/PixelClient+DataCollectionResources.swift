// Blocking forms of the image, raster and point-cloud operations: the generic ones forward to
// the async client; pixel-client's names are one call of the generic ones each.
extension PixelClient {
    /// Lists images, rasters or point clouds. Blocking form of ``PixelAsyncClient/list(_:project:dataCollection:_:)``.
    @available(*, noasync)
    public func list<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID,
        _ params: Resource.ListFilter = Resource.ListFilter(ListParams())
    ) throws(PixelError) -> [Resource] {
        try run { client async throws(PixelError) in try await client.list(type, project: project, dataCollection: dataCollection, params) }
    }

    /// Every image, raster or point cloud, fetched page by page while iterating. Blocking form of
    /// ``PixelAsyncClient/paginate(_:project:dataCollection:pageSize:_:)``.
    public func paginate<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100,
        _ params: Resource.ListFilter = Resource.ListFilter(ListParams())
    ) -> PixelPageSequence<Resource> {
        PixelPageSequence(pages: async.paginate(type, project: project, dataCollection: dataCollection, pageSize: pageSize, params))
    }

    /// One image, raster or point cloud. Blocking form of ``PixelAsyncClient/get(_:project:dataCollection:id:)``.
    @available(*, noasync)
    public func get<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID
    ) throws(PixelError) -> Resource {
        try run { client async throws(PixelError) in try await client.get(type, project: project, dataCollection: dataCollection, id: id) }
    }

    /// Changes tags and metadata. Blocking form of ``PixelAsyncClient/update(_:project:dataCollection:id:_:)``.
    @available(*, noasync)
    public func update<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID, _ update: ResourceUpdate
    ) throws(PixelError) -> Resource {
        try run { client async throws(PixelError) in try await client.update(type, project: project, dataCollection: dataCollection, id: id, update) }
    }

    /// Moves one. Blocking form of ``PixelAsyncClient/move(_:project:dataCollection:id:to:)``.
    @available(*, noasync)
    public func move<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID, to destination: Resource.MoveDestination
    ) throws(PixelError) -> Resource {
        try run { client async throws(PixelError) in
            try await client.move(type, project: project, dataCollection: dataCollection, id: id, to: destination)
        }
    }

    /// Deletes one. Blocking form of ``PixelAsyncClient/delete(_:project:dataCollection:id:)``.
    @discardableResult
    @available(*, noasync)
    public func delete<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID
    ) throws(PixelError) -> DeletionResult {
        try run { client async throws(PixelError) in try await client.delete(type, project: project, dataCollection: dataCollection, id: id) }
    }

    /// An image's metadata. Blocking form of ``PixelAsyncClient/getImageMetadata(project:dataCollection:id:)``.
    @available(*, noasync)
    public func getImageMetadata(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) throws(PixelError) -> MetadataObject {
        try run { client async throws(PixelError) in try await client.getImageMetadata(project: project, dataCollection: dataCollection, id: id) }
    }

    // MARK: - pixel-client's names

    /// Blocking form of ``PixelAsyncClient/getImages(project:dataCollection:_:)``.
    @available(*, noasync) public func getImages(project: ProjectID, dataCollection: DataCollectionID, _ params: ImageListParams = .init())
        throws(PixelError) -> [Image]
    { try list(Image.self, project: project, dataCollection: dataCollection, params) }

    /// Blocking form of ``PixelAsyncClient/paginateImages(project:dataCollection:pageSize:_:)``.
    public func paginateImages(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: ImageListParams = .init())
        -> PixelPageSequence<Image>
    { paginate(Image.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// Blocking form of ``PixelAsyncClient/getImage(project:dataCollection:id:)``.
    @available(*, noasync) public func getImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) throws(PixelError) -> Image {
        try get(Image.self, project: project, dataCollection: dataCollection, id: id)
    }

    /// Blocking form of ``PixelAsyncClient/updateImage(project:dataCollection:id:_:)``.
    @available(*, noasync) public func updateImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID, _ update: ImageUpdate)
        throws(PixelError) -> Image
    { try self.update(Image.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Blocking form of ``PixelAsyncClient/moveImage(project:dataCollection:id:toProject:toDataCollection:)``.
    @available(*, noasync) public func moveImage(
        project: ProjectID, dataCollection: DataCollectionID, id: ImageID, toProject: ProjectID, toDataCollection: DataCollectionID
    ) throws(PixelError) -> Image {
        try move(
            Image.self, project: project, dataCollection: dataCollection, id: id,
            to: CollectionLocation(project: toProject, dataCollection: toDataCollection))
    }

    /// Blocking form of ``PixelAsyncClient/deleteImage(project:dataCollection:id:)``.
    @discardableResult @available(*, noasync) public func deleteImage(project: ProjectID, dataCollection: DataCollectionID, id: ImageID)
        throws(PixelError) -> DeletionResult
    { try delete(Image.self, project: project, dataCollection: dataCollection, id: id) }

    /// Blocking form of ``PixelAsyncClient/getRasters(project:dataCollection:_:)``.
    @available(*, noasync) public func getRasters(project: ProjectID, dataCollection: DataCollectionID, _ params: RasterListParams = .init())
        throws(PixelError) -> [Raster]
    { try list(Raster.self, project: project, dataCollection: dataCollection, params) }

    /// Blocking form of ``PixelAsyncClient/paginateRasters(project:dataCollection:pageSize:_:)``.
    public func paginateRasters(project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: RasterListParams = .init())
        -> PixelPageSequence<Raster>
    { paginate(Raster.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// Blocking form of ``PixelAsyncClient/getRaster(project:dataCollection:id:)``.
    @available(*, noasync) public func getRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID) throws(PixelError) -> Raster {
        try get(Raster.self, project: project, dataCollection: dataCollection, id: id)
    }

    /// Blocking form of ``PixelAsyncClient/updateRaster(project:dataCollection:id:_:)``.
    @available(*, noasync) public func updateRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID, _ update: RasterUpdate)
        throws(PixelError) -> Raster
    { try self.update(Raster.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Blocking form of ``PixelAsyncClient/moveRaster(project:dataCollection:id:toProject:toDataCollection:)``.
    @available(*, noasync) public func moveRaster(
        project: ProjectID, dataCollection: DataCollectionID, id: RasterID, toProject: ProjectID, toDataCollection: DataCollectionID
    ) throws(PixelError) -> Raster {
        try move(
            Raster.self, project: project, dataCollection: dataCollection, id: id,
            to: CollectionLocation(project: toProject, dataCollection: toDataCollection))
    }

    /// Blocking form of ``PixelAsyncClient/deleteRaster(project:dataCollection:id:)``.
    @discardableResult @available(*, noasync) public func deleteRaster(project: ProjectID, dataCollection: DataCollectionID, id: RasterID)
        throws(PixelError) -> DeletionResult
    { try delete(Raster.self, project: project, dataCollection: dataCollection, id: id) }

    /// Blocking form of ``PixelAsyncClient/getPointClouds(project:dataCollection:_:)``.
    @available(*, noasync) public func getPointClouds(project: ProjectID, dataCollection: DataCollectionID, _ params: PointCloudListParams = .init())
        throws(PixelError) -> [PointCloud]
    { try list(PointCloud.self, project: project, dataCollection: dataCollection, params) }

    /// Blocking form of ``PixelAsyncClient/paginatePointClouds(project:dataCollection:pageSize:_:)``.
    public func paginatePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100, _ params: PointCloudListParams = .init()
    ) -> PixelPageSequence<PointCloud> { paginate(PointCloud.self, project: project, dataCollection: dataCollection, pageSize: pageSize, params) }

    /// Blocking form of ``PixelAsyncClient/getPointCloud(project:dataCollection:id:)``.
    @available(*, noasync) public func getPointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID) throws(PixelError)
        -> PointCloud
    { try get(PointCloud.self, project: project, dataCollection: dataCollection, id: id) }

    /// Blocking form of ``PixelAsyncClient/updatePointCloud(project:dataCollection:id:_:)``.
    @available(*, noasync) public func updatePointCloud(
        project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, _ update: PointCloudUpdate
    ) throws(PixelError) -> PointCloud { try self.update(PointCloud.self, project: project, dataCollection: dataCollection, id: id, update) }

    /// Blocking form of ``PixelAsyncClient/movePointCloud(project:dataCollection:id:toDataCollection:)``.
    @available(*, noasync) public func movePointCloud(
        project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID, toDataCollection: DataCollectionID
    ) throws(PixelError) -> PointCloud { try move(PointCloud.self, project: project, dataCollection: dataCollection, id: id, to: toDataCollection) }

    /// Blocking form of ``PixelAsyncClient/deletePointCloud(project:dataCollection:id:)``.
    @discardableResult @available(*, noasync) public func deletePointCloud(project: ProjectID, dataCollection: DataCollectionID, id: PointCloudID)
        throws(PixelError) -> DeletionResult
    { try delete(PointCloud.self, project: project, dataCollection: dataCollection, id: id) }
}

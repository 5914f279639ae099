// Images, rasters and point clouds: every operation once, for any `DataCollectionResource`.
import NIOHTTP1
extension PixelAsyncClient {
    static func resourcesPath<Resource: DataCollectionResource>(
        _ type: Resource.Type, _ project: ProjectID, _ dataCollection: DataCollectionID
    ) -> String {
        dcPath(project, dataCollection) + "/\(Resource.collectionPathComponent)/"
    }

    static func resourcePath<Resource: DataCollectionResource>(
        _ type: Resource.Type, _ project: ProjectID, _ dataCollection: DataCollectionID, _ id: Resource.ID
    ) -> String {
        resourcesPath(type, project, dataCollection) + "\(id)"
    }

    /// Lists images, rasters or point clouds of a data collection (`GET DC/images/`,
    /// `DC/rasters/`, `DC/point_clouds/`).
    ///
    /// ```swift
    /// let tiffs = try await client.list(Raster.self, project: 1, dataCollection: 3, RasterListParams(format: .gtiff))
    /// ```
    public func list<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID,
        _ params: Resource.ListFilter = Resource.ListFilter(ListParams())
    ) async throws(PixelError) -> [Resource] {
        try await get(Self.resourcesPath(type, project, dataCollection), query: params.queryItems)
    }

    /// Every image, raster or point cloud of a data collection, fetched `pageSize` at a time
    /// (the `offset` and `limit` of `params` are replaced).
    ///
    /// ```swift
    /// for try await image in client.paginate(Image.self, project: 1, dataCollection: 2, pageSize: 500) { print(image.id) }
    /// ```
    public func paginate<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, pageSize: Int = 100,
        _ params: Resource.ListFilter = Resource.ListFilter(ListParams())
    ) -> PixelPages<Resource> {
        paginate(Self.resourcesPath(type, project, dataCollection), pageSize: pageSize, params)
    }

    /// Pages of a plain listing (a JSON array per page) at `path`, filtered by `params`.
    func paginate<Item: Decodable & Sendable>(_ path: String, pageSize: Int, _ params: some ListParameters) -> PixelPages<Item> {
        PixelPages(pageSize: pageSize) { offset, limit in
            let items: [Item] = try await get(path, query: params.page(offset: offset, limit: limit).queryItems)
            return FetchedPage(items: items)
        }
    }

    /// One image, raster or point cloud.
    ///
    /// ```swift
    /// let cloud = try await client.get(PointCloud.self, project: 1, dataCollection: 4, id: 31)
    /// ```
    public func get<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID
    ) async throws(PixelError) -> Resource {
        try await get(Self.resourcePath(type, project, dataCollection, id))
    }

    /// Changes tags and metadata of an image, raster or point cloud (`PUT DC/…/{id}`).
    ///
    /// `update` must set something, and its `fields` must be of the resource's kind
    /// (`.image(…)` for images, `.raster(…)` for rasters, `.pointCloud(…)` for point clouds);
    /// otherwise nothing is sent and ``PixelError/Code/invalidInput`` is thrown.
    ///
    /// ```swift
    /// let raster = try await client.update(Raster.self, project: 1, dataCollection: 3, id: 9, ResourceUpdate(addTags: ["ortho"]))
    /// ```
    public func update<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID, _ update: ResourceUpdate
    ) async throws(PixelError) -> Resource {
        guard !update.isEmpty else {
            throw .invalidInput("An update of \(Resource.resourceKind) \(id) needs at least one of addTags, removeTags, jsonMetadata or fields.")
        }
        if let fields = update.fields, fields.kind != Resource.resourceKind {
            throw .invalidInput("\(Resource.resourceKind) \(id) takes \(Resource.resourceKind) metadata fields, not \(fields.kind) ones.")
        }
        return try await send(.PUT, Self.resourcePath(type, project, dataCollection, id), body: update)
    }

    /// Moves an image or raster to another project and data collection, or a point cloud to
    /// another data collection.
    ///
    /// ```swift
    /// let image = try await client.move(Image.self, project: 1, dataCollection: 2, id: 7, to: CollectionLocation(project: 5, dataCollection: 6))
    /// let cloud = try await client.move(PointCloud.self, project: 1, dataCollection: 4, id: 31, to: 8)
    /// ```
    public func move<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID, to destination: Resource.MoveDestination
    ) async throws(PixelError) -> Resource {
        let path = Self.resourcePath(type, project, dataCollection, id) + "/move"
        switch Resource.move(to: destination) {
        case .query(let newProject, let newDataCollection):
            var query = QueryItems()
            query["new_project_id"] = newProject.rawValue
            query["new_data_collection_id"] = newDataCollection.rawValue
            return try await send(.PUT, path, query: query)
        case .body(let newDataCollection):
            return try await send(.POST, path, body: ["new_data_collection_id": newDataCollection.rawValue])
        }
    }

    /// Deletes an image, raster or point cloud.
    @discardableResult
    public func delete<Resource: DataCollectionResource>(
        _ type: Resource.Type, project: ProjectID, dataCollection: DataCollectionID, id: Resource.ID
    ) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.resourcePath(type, project, dataCollection, id))
    }

    /// An image's metadata (`GET DC/images/{id}/metadata`): its typed fields and JSON metadata.
    public func getImageMetadata(project: ProjectID, dataCollection: DataCollectionID, id: ImageID) async throws(PixelError) -> MetadataObject {
        try await get(Self.resourcePath(Image.self, project, dataCollection, id) + "/metadata")
    }
}

extension MetadataFields {
    /// The resource kind these fields describe (`fields_type`).
    var kind: ResourceKind {
        switch self {
        case .image: .image
        case .raster: .raster
        case .pointCloud: .pointCloud
        }
    }
}

// Uploads of images, rasters and point clouds.
extension PixelAsyncClient {
    /// Uploads one file and returns the created resource, streaming every byte from disk.
    ///
    /// Checks the data-collection type and the local files first, hashes off the cooperative
    /// pool, creates the upload job, sends the file (one presigned POST, or concurrent part PUTs
    /// in multipart mode) and then its support files, calls `uploadFinished`, waits for
    /// validation and returns the created resource. Object-store requests are retried on
    /// connection failures, timeouts and 500/502/503/504.
    ///
    /// ```swift
    /// let image: Image = try await client.upload(
    ///     project: 1, dataCollection: 2, UploadFile("/photos/IMG_0001.jpg"), as: Image.self)
    /// ```
    ///
    /// - Throws: ``PixelError`` — `invalidInput` (wrong data-collection type, missing file,
    ///   unusable mode), `presignedURLExpired` (403 from the object store), `jobFailed` with the
    ///   server's `detail` when the file is rejected, `timeout` after `options.jobTimeout`,
    ///   `uploadPairingMismatch`, `cancelled`, or the HTTP error of a failed call.
    public func upload<Resource: DataCollectionResource>(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, as type: Resource.Type,
        mode: UploadMode = .automatic, options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> Resource {
        try await pinned { client async throws(PixelError) -> Resource in
            let session = UploadSession<Resource>(
                client: client, project: project, dataCollection: dataCollection, options: options, progress: progress)
            return try await session.uploadOne(file, mode: mode)
        }
    }

    /// Uploads many files and returns what was created and what failed, per file, in
    /// input order. One file's failure never stops the others.
    ///
    /// Base names must be unique and every file (and support file) must exist: both are checked
    /// before any upload job is created, and violations throw `invalidInput`. Files go to the
    /// server in chunks of at most 200; jobs are paired with files by name. With
    /// `.automatic`, small files go single-part and large ones multipart, each in its own calls.
    /// Cancelling the calling task stops every transfer and throws `cancelled`.
    ///
    /// ```swift
    /// let files = urls.map { UploadFile($0) }
    /// let result = try await client.uploadMany(project: 1, dataCollection: 2, files, as: Image.self)
    /// for failure in result.failures { print(failure) }
    /// ```
    public func uploadMany<Resource: DataCollectionResource>(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], as type: Resource.Type,
        mode: UploadMode = .automatic, options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> UploadBatchResult<Resource> {
        try await pinned { client async throws(PixelError) -> UploadBatchResult<Resource> in
            let session = UploadSession<Resource>(
                client: client, project: project, dataCollection: dataCollection, options: options, progress: progress)
            return try await session.uploadMany(files, mode: mode)
        }
    }

    /// Uploads an image into an `image` data collection (pixel-client's `upload_image`).
    ///
    /// ```swift
    /// let image = try await client.uploadImage(
    ///     project: 1, dataCollection: 2,
    ///     UploadFile("/photos/IMG_0001.jpg", metadata: MetadataObject(fields: .image(ImageMetadataFields(camHeading: 90)))))
    /// ```
    public func uploadImage(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> Image {
        try await upload(project: project, dataCollection: dataCollection, file, as: Image.self, mode: mode, options: options, progress: progress)
    }

    /// Uploads a raster into a `raster`, `RGB`, `DTM` or `DSM` data collection (`upload_raster`).
    ///
    /// ```swift
    /// let raster = try await client.uploadRaster(
    ///     project: 1, dataCollection: 3, UploadFile("/ortho/tile.tif", supportFiles: ["/ortho/tile.tfw"]), mode: .multipart())
    /// ```
    public func uploadRaster(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> Raster {
        try await upload(project: project, dataCollection: dataCollection, file, as: Raster.self, mode: mode, options: options, progress: progress)
    }

    /// Uploads a point cloud (`.las`/`.laz`) into a `point_cloud` data collection (`upload_point_cloud`).
    ///
    /// ```swift
    /// let cloud = try await client.uploadPointCloud(project: 1, dataCollection: 4, UploadFile("/scans/site.laz"))
    /// ```
    public func uploadPointCloud(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> PointCloud {
        try await upload(
            project: project, dataCollection: dataCollection, file, as: PointCloud.self, mode: mode, options: options, progress: progress)
    }

    /// Uploads many images (`upload_multiple_images`); see ``uploadMany(project:dataCollection:_:as:mode:options:progress:)``.
    ///
    /// ```swift
    /// let result = try await client.uploadImages(project: 1, dataCollection: 2, paths.map { UploadFile($0) })
    /// ```
    public func uploadImages(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> UploadBatchResult<Image> {
        try await uploadMany(
            project: project, dataCollection: dataCollection, files, as: Image.self, mode: mode, options: options, progress: progress)
    }

    /// Uploads many rasters (`upload_multiple_rasters`); see ``uploadMany(project:dataCollection:_:as:mode:options:progress:)``.
    ///
    /// ```swift
    /// let result = try await client.uploadRasters(project: 1, dataCollection: 3, tiles, mode: .multipart(partSize: 16 << 20))
    /// ```
    public func uploadRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> UploadBatchResult<Raster> {
        try await uploadMany(
            project: project, dataCollection: dataCollection, files, as: Raster.self, mode: mode, options: options, progress: progress)
    }

    /// Uploads many point clouds (`upload_multiple_point_clouds`); see ``uploadMany(project:dataCollection:_:as:mode:options:progress:)``.
    ///
    /// ```swift
    /// let result = try await client.uploadPointClouds(project: 1, dataCollection: 4, scans)
    /// ```
    public func uploadPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> UploadBatchResult<PointCloud> {
        try await uploadMany(
            project: project, dataCollection: dataCollection, files, as: PointCloud.self, mode: mode, options: options, progress: progress)
    }

    /// Lists upload jobs of a data collection (`GET DC/upload_jobs/`).
    ///
    /// ```swift
    /// let jobs = try await client.getUploadJobs(project: 1, dataCollection: 2, ids: [17, 18])
    /// ```
    public func getUploadJobs(
        project: ProjectID, dataCollection: DataCollectionID, ids: [UploadJobID]? = nil, offset: Int? = nil, limit: Int? = nil
    ) async throws(PixelError) -> [UploadJob] {
        var query = QueryItems()
        query["ids"] = ids
        query["offset"] = offset
        query["limit"] = limit ?? ids?.count
        return try await get(Self.dcPath(project, dataCollection) + "/upload_jobs/", query: query)
    }
}

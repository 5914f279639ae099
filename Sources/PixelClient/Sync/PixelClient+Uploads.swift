// Blocking forms of the uploads and attachments API (same semantics as the async methods).
extension PixelClient {
    /// Uploads one file and returns the created resource. Blocking form of
    /// ``PixelAsyncClient/upload(project:dataCollection:_:as:mode:options:progress:)``.
    ///
    /// ```swift
    /// let image = try client.upload(project: 1, dataCollection: 2, UploadFile("a.jpg"), as: Image.self)
    /// ```
    @available(*, noasync)
    public func upload<Resource: DataCollectionResource>(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, as type: Resource.Type,
        mode: UploadMode = .automatic, options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> Resource {
        try run { client async throws(PixelError) in
            try await client.upload(
                project: project, dataCollection: dataCollection, file, as: type, mode: mode, options: options, progress: progress)
        }
    }

    /// Uploads many files; per-file failures are returned, not thrown. Blocking form of
    /// ``PixelAsyncClient/uploadMany(project:dataCollection:_:as:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadMany<Resource: DataCollectionResource>(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], as type: Resource.Type,
        mode: UploadMode = .automatic, options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> UploadBatchResult<Resource> {
        try run { client async throws(PixelError) in
            try await client.uploadMany(
                project: project, dataCollection: dataCollection, files, as: type, mode: mode, options: options, progress: progress)
        }
    }

    /// Blocking form of ``PixelAsyncClient/uploadImage(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadImage(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> Image {
        try upload(project: project, dataCollection: dataCollection, file, as: Image.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/uploadRaster(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadRaster(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> Raster {
        try upload(project: project, dataCollection: dataCollection, file, as: Raster.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/uploadPointCloud(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadPointCloud(
        project: ProjectID, dataCollection: DataCollectionID, _ file: UploadFile, mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> PointCloud {
        try upload(project: project, dataCollection: dataCollection, file, as: PointCloud.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/uploadImages(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadImages(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> UploadBatchResult<Image> {
        try uploadMany(project: project, dataCollection: dataCollection, files, as: Image.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/uploadRasters(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> UploadBatchResult<Raster> {
        try uploadMany(project: project, dataCollection: dataCollection, files, as: Raster.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/uploadPointClouds(project:dataCollection:_:mode:options:progress:)``.
    @available(*, noasync)
    public func uploadPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ files: [UploadFile], mode: UploadMode = .automatic,
        options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> UploadBatchResult<PointCloud> {
        try uploadMany(project: project, dataCollection: dataCollection, files, as: PointCloud.self, mode: mode, options: options, progress: progress)
    }

    /// Blocking form of ``PixelAsyncClient/getUploadJobs(project:dataCollection:ids:offset:limit:)``.
    @available(*, noasync)
    public func getUploadJobs(
        project: ProjectID, dataCollection: DataCollectionID, ids: [UploadJobID]? = nil, offset: Int? = nil, limit: Int? = nil
    ) throws(PixelError) -> [UploadJob] {
        try run { client async throws(PixelError) in
            try await client.getUploadJobs(project: project, dataCollection: dataCollection, ids: ids, offset: offset, limit: limit)
        }
    }

    // MARK: - Attachments

    /// Blocking form of ``PixelAsyncClient/listAttachments(_:status:)``.
    @available(*, noasync)
    public func listAttachments(_ target: AttachmentTarget, status: AttachmentStatus? = nil) throws(PixelError) -> [Attachment] {
        try run { client async throws(PixelError) in try await client.listAttachments(target, status: status) }
    }

    /// Blocking form of ``PixelAsyncClient/addAttachments(_:_:options:progress:)``.
    ///
    /// ```swift
    /// let result = try client.addAttachments(.project(42), [AttachmentUpload("/tmp/report.pdf")])
    /// ```
    @available(*, noasync)
    public func addAttachments(
        _ target: AttachmentTarget, _ files: [AttachmentUpload], options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) throws(PixelError) -> UploadBatchResult<Attachment> {
        try run { client async throws(PixelError) in
            try await client.addAttachments(target, files, options: options, progress: progress)
        }
    }

    /// Blocking form of ``PixelAsyncClient/markAttachmentCompleted(_:id:)``.
    @discardableResult
    @available(*, noasync)
    public func markAttachmentCompleted(_ target: AttachmentTarget, id: AttachmentID) throws(PixelError) -> Attachment {
        try run { client async throws(PixelError) in try await client.markAttachmentCompleted(target, id: id) }
    }

    /// Blocking form of ``PixelAsyncClient/moveAttachment(_:id:to:)``.
    @available(*, noasync)
    public func moveAttachment(_ target: AttachmentTarget, id: AttachmentID, to destination: AttachmentTarget) throws(PixelError) -> Attachment {
        try run { client async throws(PixelError) in try await client.moveAttachment(target, id: id, to: destination) }
    }

    /// Blocking form of ``PixelAsyncClient/deleteAttachment(_:id:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteAttachment(_ target: AttachmentTarget, id: AttachmentID) throws(PixelError) -> DeletionResult {
        try run { client async throws(PixelError) in try await client.deleteAttachment(target, id: id) }
    }
}

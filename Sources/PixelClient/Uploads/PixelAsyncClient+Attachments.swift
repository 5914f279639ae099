import NIOHTTP1

// Attachments on projects, data collections and images.
extension PixelAsyncClient {
    private static func attachmentQuery(_ target: AttachmentTarget, id: AttachmentID? = nil) -> QueryItems {
        var query = QueryItems()
        query["resource_type"] = target.resourceType.rawValue
        query["resource_id"] = target.resourceID
        query["attachment_id"] = id?.rawValue
        return query
    }

    /// Lists the attachments of a project, data collection or image, optionally by status.
    ///
    /// ```swift
    /// let pending = try await client.listAttachments(.project(42), status: .pending)
    /// ```
    public func listAttachments(_ target: AttachmentTarget, status: AttachmentStatus? = nil) async throws(PixelError) -> [Attachment] {
        var query = Self.attachmentQuery(target)
        query["status"] = status?.rawValue
        return try await get("/attachments/", query: query)
    }

    /// Uploads files as attachments and returns the completed attachments and the
    /// per-file failures, in input order.
    ///
    /// Names must be unique and the files must exist (checked first, `invalidInput`). MD5s are
    /// computed off the cooperative pool; the bytes stream from disk by presigned POST with at
    /// most `options.concurrency` transfers in flight and
    /// the same retries as uploads; each arrived file is then marked `Completed`.
    ///
    /// ```swift
    /// let result = try await client.addAttachments(.dataCollection(7), [AttachmentUpload("/tmp/report.pdf", description: "Flight report")])
    /// ```
    public func addAttachments(
        _ target: AttachmentTarget, _ files: [AttachmentUpload], options: UploadOptions = UploadOptions(), progress: UploadEventHandler? = nil
    ) async throws(PixelError) -> UploadBatchResult<Attachment> {
        try await pinned { client async throws(PixelError) -> UploadBatchResult<Attachment> in
            try await AttachmentSession(client: client, target: target, options: options, progress: progress).add(files)
        }
    }

    /// Marks an uploaded attachment `Completed` (`PUT /attachments/update`); the server checks
    /// that its bytes arrived with the declared MD5.
    ///
    /// ```swift
    /// let attachment = try await client.markAttachmentCompleted(.project(42), id: 5)
    /// ```
    @discardableResult
    public func markAttachmentCompleted(_ target: AttachmentTarget, id: AttachmentID) async throws(PixelError) -> Attachment {
        var query = Self.attachmentQuery(target, id: id)
        query["status"] = AttachmentStatus.completed.rawValue
        return try await send(.PUT, "/attachments/update", query: query)
    }

    /// Moves an attachment to another resource (`PUT /attachments/move`).
    ///
    /// ```swift
    /// let moved = try await client.moveAttachment(.project(42), id: 5, to: .image(1001))
    /// ```
    public func moveAttachment(_ target: AttachmentTarget, id: AttachmentID, to destination: AttachmentTarget) async throws(PixelError) -> Attachment
    {
        var query = Self.attachmentQuery(target, id: id)
        query["new_resource_type"] = destination.resourceType.rawValue
        query["new_resource_id"] = destination.resourceID
        return try await send(.PUT, "/attachments/move", query: query)
    }

    /// Deletes an attachment (`DELETE /attachments/`).
    ///
    /// ```swift
    /// try await client.deleteAttachment(.project(42), id: 5)
    /// ```
    @discardableResult
    public func deleteAttachment(_ target: AttachmentTarget, id: AttachmentID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, "/attachments/", query: Self.attachmentQuery(target, id: id))
    }
}

import Foundation
import NIOHTTP1

extension UploadSession {
    /// one file, `uploadFinished`, wait for its job, check the upload job, return the resource.
    /// Every failure is thrown (with the server's `detail` for a rejected file).
    func uploadOne(_ file: UploadFile, mode: UploadMode) async throws(PixelError) -> Resource {
        defer { reporter.finish() }
        do throws(PixelError) {
            try await checkCollection()
            let locals = try await localUploads([file], mode: mode)
            reporter.plan(files: locals.map { (name: $0.name, bytes: $0.totalBytes) })
            let multipart = locals.first?.partSize != nil
            let prepared = try await prepare(locals)
            try throwRecordedFailure()
            let created = try await create(prepared, multipart: multipart)
            try throwRecordedFailure()
            let transferred = try await transferAll(created)
            try throwRecordedFailure()
            guard let upload = transferred.first else { throw PixelError(code: .transport, message: "\(file.name) was not transferred.") }
            let resourceID = try await finishOne(upload)
            let resource = try await client.get(Resource.self, project: project, dataCollection: dataCollection, id: Resource.ID(resourceID))
            reporter.succeeded(upload.name)
            return resource
        } catch {
            if !outcomes.hasFailed(0) { reporter.failed(file.name, error) }
            throw error
        }
    }

    private func throwRecordedFailure() throws(PixelError) {
        if let failure = outcomes.failure(0) { throw failure.error }
    }

    /// `PUT …/uploadFinished`, wait for the job, then the upload job must be `validated_and_moved`.
    private func finishOne(_ upload: CreatedUpload) async throws(PixelError) -> Int {
        let deadline = ContinuousClock.now + options.jobTimeout
        let finished: UploadFinishedResponse = try await client.send(.PUT, basePath + "/upload_jobs/\(upload.job.id)/uploadFinished")
        do throws(PixelError) {
            try await client.waitForJob(
                finished.job.jobID, timeout: options.jobTimeout, initialPollInterval: options.pollInterval, maxPollInterval: options.maxPollInterval)
        } catch {
            // A failed job is explained by its upload job's status and detail, read below.
            guard error.code == .jobFailed else { throw error }
        }
        let jobs = try await settle([upload], deadline: deadline)
        let job = jobs[upload.job.id]
        guard let job, job.status == .validatedAndMoved, let result = job.result else {
            let failure = Self.rejection(upload, job)
            outcomes.fail(upload.index, failure)
            throw failure.error
        }
        guard result.resourceName == Resource.resourceKind else {
            throw PixelError(
                code: .decoding, message: "Upload job \(job.id) created a \(result.resourceName), not the expected \(Resource.resourceKind).")
        }
        return result.resourceID
    }

    /// chunks of at most 200 files per create call (single-part and multipart files in
    /// separate calls), per-file failures collected, never thrown — except for invalid input
    /// (before any job exists), cancellation and a closed client.
    func uploadMany(_ files: [UploadFile], mode: UploadMode) async throws(PixelError) -> UploadBatchResult<Resource> {
        defer { reporter.finish() }
        guard !files.isEmpty else { return UploadBatchResult(created: [], failures: []) }
        try await checkCollection()
        let locals = try await localUploads(files, mode: mode)
        reporter.plan(files: locals.map { (name: $0.name, bytes: $0.totalBytes) })
        var created: [Int: UploadedFile<Resource>] = [:]
        for multipart in [false, true] {
            let group = locals.filter { ($0.partSize != nil) == multipart }
            for start in stride(from: 0, to: group.count, by: Self.maxFilesPerCreate) {
                if Task.isCancelled { throw .cancelled() }
                let chunk = Array(group[start..<min(start + Self.maxFilesPerCreate, group.count)])
                for item in try await uploadChunk(chunk, multipart: multipart) { created[item.key] = item.value }
            }
        }
        return UploadBatchResult(created: created.keys.sorted().compactMap { created[$0] }, failures: outcomes.all)
    }

    /// The API's maximum number of files per create call.
    static var maxFilesPerCreate: Int { 200 }

    private func uploadChunk(_ chunk: [LocalUpload], multipart: Bool) async throws(PixelError) -> [Int: UploadedFile<Resource>] {
        let prepared = try await prepare(chunk)
        guard !prepared.isEmpty else { return [:] }
        let created: [CreatedUpload]
        do throws(PixelError) {
            created = try await create(prepared, multipart: multipart)
        } catch {
            if error.endsOperation { throw error }
            for upload in prepared {
                outcomes.fail(
                    upload.local.index, UploadFailure(file: upload.local.file.url, name: upload.local.name, stage: .creatingJob, error: error))
            }
            return [:]
        }
        let transferred = try await transferAll(created)
        guard !transferred.isEmpty else { return [:] }
        let accepted = try await finishMany(transferred)
        let resources: [Int: Resource]
        do throws(PixelError) {
            resources = try await fetchResources(accepted.map { $0.1.resourceID })
        } catch {
            if error.endsOperation { throw error }
            for (upload, _) in accepted { fail(upload, stage: .fetching, error) }
            return [:]
        }
        var done: [Int: UploadedFile<Resource>] = [:]
        for (upload, result) in accepted {
            guard result.resourceName == Resource.resourceKind, let resource = resources[result.resourceID] else {
                fail(
                    upload, stage: .fetching,
                    PixelError(code: .decoding, message: "The created \(result.resourceName) \(result.resourceID) could not be read back."))
                continue
            }
            done[upload.index] = UploadedFile(file: upload.url, name: upload.name, uploadJobID: upload.job.id, resource: resource)
            reporter.succeeded(upload.name)
        }
        return done
    }

    /// `multiple_uploadFinished`, wait for the group (failures inside it are not errors), then
    /// poll the upload jobs until they settle, with a time limit. Returns the accepted files.
    private func finishMany(_ uploads: [CreatedUpload]) async throws(PixelError) -> [(CreatedUpload, UploadResult)] {
        let deadline = ContinuousClock.now + options.batchTimeout
        let jobs: [UploadJobID: UploadJob]
        do throws(PixelError) {
            let finished: MultipleUploadFinishedResponse = try await client.send(
                .PUT, basePath + "/upload_jobs/multiple_uploadFinished", body: MultipleUploadFinishedRequest(jobIDs: uploads.map(\.job.id)))
            try await client.waitForJobGroup(
                finished.groupJob.groupID, timeout: options.batchTimeout, failOnJobFailure: false, initialPollInterval: options.pollInterval,
                maxPollInterval: options.maxPollInterval)
            jobs = try await settle(uploads, deadline: deadline)
        } catch {
            if error.endsOperation { throw error }
            for upload in uploads { fail(upload, stage: .validating, error) }
            return []
        }
        var accepted: [(CreatedUpload, UploadResult)] = []
        for upload in uploads {
            let job = jobs[upload.job.id]
            if let job, job.status == .validatedAndMoved, let result = job.result {
                accepted.append((upload, result))
            } else {
                outcomes.fail(upload.index, Self.rejection(upload, job))
            }
        }
        return accepted
    }

    private func fail(_ upload: CreatedUpload, stage: UploadStage, _ error: PixelError) {
        outcomes.fail(upload.index, UploadFailure(file: upload.url, name: upload.name, stage: stage, uploadJobID: upload.job.id, error: error))
    }
}

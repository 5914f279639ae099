import Foundation
import NIOHTTP1

/// One upload operation into one data collection: local checks, hashing, job creation,
/// transfers and server-side validation. The public methods in
/// `PixelAsyncClient+Uploads.swift` drive it; every step here is shared by the single-file and
/// the batch flow.
struct UploadSession<Resource: DataCollectionResource>: Sendable {
    let client: PixelAsyncClient
    let project: ProjectID
    let dataCollection: DataCollectionID
    let options: UploadOptions
    let reporter: UploadReporter
    let outcomes: UploadOutcomes
    let transfer: ObjectStoreTransfer
    /// Object-store requests (and hashes) in flight at once.
    let width: Int

    init(client: PixelAsyncClient, project: ProjectID, dataCollection: DataCollectionID, options: UploadOptions, progress: UploadEventHandler?) {
        self.client = client
        self.project = project
        self.dataCollection = dataCollection
        self.options = options
        let core = client.core
        let reporter = UploadReporter(progress, instrumentation: core.instrumentation)
        self.reporter = reporter
        self.outcomes = UploadOutcomes(reporter: reporter)
        self.transfer = ObjectStoreTransfer(core: core, maxAttempts: max(1, options.maxAttempts ?? core.retryPolicy.maxAttempts), reporter: reporter)
        self.width = max(1, options.concurrency ?? core.settings.uploadConcurrency)
    }

    var basePath: String { PixelAsyncClient.dcPath(project, dataCollection) }

    // MARK: - Checks

    /// the data collection must store `Resource`.
    func checkCollection() async throws(PixelError) {
        let collection = try await client.getDataCollection(project: project, id: dataCollection)
        guard Resource.isStored(in: collection.dataCollectionType) else {
            throw .invalidInput(
                "Data collection \(dataCollection) is of type '\(collection.dataCollectionType)'; "
                    + "\(Resource.resourceKind) uploads need \(Resource.requiredCollectionTypes).")
        }
    }

    /// Unique base names, existing readable files, decided transfer modes — all before any job
    /// exists, so bad input never leaves half-created jobs behind.
    func localUploads(_ files: [UploadFile], mode: UploadMode) async throws(PixelError) -> [LocalUpload] {
        try Self.requireUniqueNames(files.map(\.name), what: "Files")
        for file in files {
            try Self.requireUniqueNames(file.supportFiles.map(\.lastPathComponent), what: "Support files of \(file.name)")
        }
        let roles = files.flatMap { file in [("File", file.url)] + file.supportFiles.map { ("Support file", $0) } }
        var sizes = try await FileDigest.sizes(of: roles)[...]
        var locals: [LocalUpload] = []
        for (index, file) in files.enumerated() {
            let size = sizes.popFirst() ?? 0
            let support = file.supportFiles.map { url in LocalSupportFile(url: url, name: url.lastPathComponent, size: sizes.popFirst() ?? 0) }
            let partSize = try mode.partSize(forFileOfSize: size, name: file.name)
            locals.append(LocalUpload(index: index, file: file, name: file.name, size: size, supportFiles: support, partSize: partSize))
        }
        return locals
    }

    static func requireUniqueNames(_ names: [String], what: String) throws(PixelError) {
        var seen = Set<String>()
        var repeated: [String] = []
        for name in names where !seen.insert(name).inserted { repeated.append(name) }
        guard repeated.isEmpty else {
            throw .invalidInput(
                "\(what) must have unique base names (the server knows files by base name); repeated: "
                    + Set(repeated).sorted().map { "'\($0)'" }.joined(separator: ", ") + ".")
        }
    }

    // MARK: - Hashing

    /// Hashes every file (per part for multipart) and its support files, `width` files at a
    /// time, off the cooperative pool. Files that cannot be read are recorded as failures.
    func prepare(_ locals: [LocalUpload]) async throws(PixelError) -> [PreparedUpload] {
        let reporter = self.reporter
        let results = await BoundedWork.map(locals, width: width) { local -> Result<PreparedUpload, PixelError> in
            do throws(PixelError) {
                let digests = try await FileDigest.digests(of: local.file.url, size: local.size, partSize: local.partSize)
                var support: [SupportFileDescriptor] = []
                for file in local.supportFiles {
                    let digest = try await FileDigest.digests(of: file.url, size: file.size, partSize: nil)
                    support.append(SupportFileDescriptor(name: file.name, md5: digest.first?.md5 ?? ""))
                }
                let metadata = local.file.metadata.flatMap { $0.fields == nil && $0.jsonMetadata == nil ? nil : $0 }
                var descriptor = UploadFileDescriptor(name: local.name, metadata: metadata, supportFiles: support.isEmpty ? nil : support)
                if local.partSize == nil {
                    descriptor.md5 = digests.first?.md5
                } else {
                    descriptor.parts = digests.enumerated().map { offset, digest in
                        UploadPartDescriptor(partNumber: offset + 1, md5: digest.md5, contentLength: Int(digest.length))
                    }
                }
                reporter.emit(.prepared(file: local.name, bytes: local.size, parts: digests.count))
                return .success(PreparedUpload(local: local, descriptor: descriptor))
            } catch {
                return .failure(error)
            }
        }
        if Task.isCancelled { throw .cancelled() }
        var prepared: [PreparedUpload] = []
        for (local, result) in zip(locals, results) {
            switch result {
            case .success(let upload)?:
                prepared.append(upload)
            case .failure(let error)?:
                if error.endsOperation { throw error }
                outcomes.fail(local.index, UploadFailure(file: local.file.url, name: local.name, stage: .preparing, error: error))
            case nil:
                throw .cancelled()
            }
        }
        return prepared
    }

    // MARK: - Jobs

    /// Creates the upload jobs of up to 200 files in one call and pairs them with the files by
    /// name. A name mismatch throws ``PixelError/Code/uploadPairingMismatch`` for the whole call;
    /// a job without usable targets fails only its file.
    func create(_ prepared: [PreparedUpload], multipart: Bool) async throws(PixelError) -> [CreatedUpload] {
        let path = basePath + (multipart ? "/upload_jobs/multipart" : "/upload_jobs/")
        let jobs: [UploadJob] = try await client.send(.POST, path, body: UploadJobsCreate(files: prepared.map(\.descriptor)))
        let byName = try UploadPairing.byName(sent: prepared.map(\.local.name), received: jobs, name: \.name, what: "upload jobs")
        var created: [CreatedUpload] = []
        for upload in prepared {
            guard let job = byName[upload.local.name] else { continue }  // unreachable: byName checked every name
            do throws(PixelError) {
                created.append(try targets(of: upload, job: job, slot: created.count))
                reporter.emit(.jobCreated(file: upload.local.name, uploadJobID: job.id))
            } catch {
                outcomes.fail(
                    upload.local.index,
                    UploadFailure(file: upload.local.file.url, name: upload.local.name, stage: .creatingJob, uploadJobID: job.id, error: error))
            }
        }
        return created
    }

    private func targets(of upload: PreparedUpload, job: UploadJob, slot: Int) throws(PixelError) -> CreatedUpload {
        let local = upload.local
        var main: [TransferUnit] = []
        if let partSize = local.partSize, let parts = upload.descriptor.parts {
            let targets = try UploadPairing.parts(job.uploadParts, count: parts.count, file: local.name)
            for (offset, (target, part)) in zip(targets, parts).enumerated() {
                let slice = FileSlice(url: local.file.url, offset: Int64(offset) * Int64(partSize), length: Int64(part.contentLength))
                main.append(
                    TransferUnit(
                        slot: slot,
                        action: .put(url: target.url, headers: target.headers ?? [:], partNumber: part.partNumber, partCount: parts.count),
                        slice: slice, isSupport: false))
            }
        } else {
            guard let url = job.url, let fields = job.uploadFields else {
                throw PixelError(
                    code: .uploadPairingMismatch, message: "The upload job for \(local.name) has no presigned POST target (url, upload_fields).")
            }
            main.append(
                TransferUnit(
                    slot: slot, action: .post(url: url, fields: fields), slice: FileSlice(url: local.file.url, offset: 0, length: local.size),
                    isSupport: false))
        }
        let supportTargets = job.supportFiles ?? []
        var support: [TransferUnit] = []
        if !supportTargets.isEmpty || !local.supportFiles.isEmpty {
            let byName = try UploadPairing.byName(
                sent: local.supportFiles.map(\.name), received: supportTargets, name: \.name, what: "support-file targets of \(local.name)")
            for file in local.supportFiles {
                guard let target = byName[file.name], let url = target.url, let fields = target.uploadFields else {
                    throw PixelError(
                        code: .uploadPairingMismatch, message: "The support file \(file.name) of \(local.name) has no presigned POST target.")
                }
                support.append(
                    TransferUnit(
                        slot: slot, action: .post(url: url, fields: fields), slice: FileSlice(url: file.url, offset: 0, length: file.size),
                        isSupport: true))
            }
        }
        return CreatedUpload(prepared: upload, job: job, main: main, support: support)
    }

    // MARK: - Transfers

    /// Sends every file's bytes — parts concurrently, support files after their main file — with
    /// at most `width` requests in flight. Returns the uploads that arrived completely; the
    /// others are recorded as failures. Throws only when the operation is cancelled.
    func transferAll(_ uploads: [CreatedUpload]) async throws(PixelError) -> [CreatedUpload] {
        let tracker = TransferTracker(uploads)
        let (transfer, reporter, outcomes) = (self.transfer, self.reporter, self.outcomes)
        let spans = UploadFileSpans(tracer: client.core.instrumentation.tracer, uploads: uploads)
        defer { spans.endAll() }
        await BoundedWork.run(uploads.flatMap(\.main), width: width) { unit -> [TransferUnit] in
            let upload = uploads[unit.slot]
            guard !outcomes.hasFailed(upload.index), !Task.isCancelled, let fileSpan = spans.context(slot: unit.slot) else { return [] }
            do throws(PixelError) {
                switch unit.action {
                case .post(let url, let fields):
                    try await transfer.post(url: url, fields: fields, file: unit.slice, label: upload.name, parent: fileSpan)
                case .put(let url, let headers, let partNumber, let partCount):
                    try await transfer.put(url: url, headers: headers, file: unit.slice, label: upload.name, partNumber: partNumber, parent: fileSpan)
                    reporter.partCompleted(file: upload.name, partNumber: partNumber, partCount: partCount)
                }
            } catch {
                outcomes.fail(
                    upload.index, UploadFailure(file: upload.url, name: upload.name, stage: .transferring, uploadJobID: upload.job.id, error: error))
                spans.end(slot: unit.slot, error: error)
                return []
            }
            guard tracker.done(slot: unit.slot, support: unit.isSupport), !outcomes.hasFailed(upload.index) else { return [] }
            if !unit.isSupport, !upload.support.isEmpty { return upload.support }
            spans.end(slot: unit.slot)
            reporter.emit(.transferred(file: upload.name))
            return []
        }
        if Task.isCancelled { throw .cancelled() }
        return uploads.filter { !outcomes.hasFailed($0.index) }
    }

    // MARK: - Validation

    /// Polls the upload jobs until none is in progress (`lobby`, `validating`, `submitted`,
    /// `validated`), reporting status changes, and gives up at `deadline` with a timeout.
    func settle(_ uploads: [CreatedUpload], deadline: ContinuousClock.Instant) async throws(PixelError) -> [UploadJobID: UploadJob] {
        let names = Dictionary(uploads.map { ($0.job.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var latest: [UploadJobID: UploadJob] = [:]
        var interval = options.pollInterval
        while true {
            for slice in stride(from: 0, to: uploads.count, by: 200).map({ Array(uploads[$0..<min($0 + 200, uploads.count)]) }) {
                var query = QueryItems()
                query["ids"] = slice.map(\.job.id)
                query["limit"] = slice.count
                let jobs: [UploadJob] = try await client.get(basePath + "/upload_jobs/", query: query)
                for job in jobs where names[job.id] != nil {
                    if let status = job.status, status != latest[job.id]?.status, let name = names[job.id] {
                        reporter.emit(.jobStatusChanged(file: name, status: status))
                    }
                    latest[job.id] = job
                }
            }
            let pending = uploads.filter { latest[$0.job.id]?.status?.isInProgress ?? true }
            if pending.isEmpty { return latest }
            let remaining = deadline - .now
            guard remaining > .zero else {
                throw PixelError(
                    code: .timeout,
                    message: "Upload jobs of \(pending.count) file(s) were still being validated when the time limit ran out "
                        + "(e.g. \(pending.prefix(3).map(\.name).joined(separator: ", "))).")
            }
            do {
                try await Task.sleep(for: min(interval, remaining))
            } catch {
                throw .cancelled()
            }
            interval = min(options.maxPollInterval, interval * 1.5)
        }
    }

    /// The failure for an upload job that did not end in `validated_and_moved`.
    static func rejection(_ upload: CreatedUpload, _ job: UploadJob?) -> UploadFailure {
        let status = job?.status
        let error = PixelError(
            code: .jobFailed,
            message: "The server did not accept \(upload.name): upload job \(upload.job.id) ended with status \(status?.rawValue ?? "unknown").",
            detail: job?.detail ?? (job == nil ? "The upload job was not found." : nil))
        return UploadFailure(file: upload.url, name: upload.name, stage: .validating, uploadJobID: upload.job.id, status: status, error: error)
    }

    /// Reads back created resources by id, 50 at a time.
    func fetchResources(_ ids: [Int]) async throws(PixelError) -> [Int: Resource] {
        var found: [Int: Resource] = [:]
        for start in stride(from: 0, to: ids.count, by: 50) {
            let slice = Array(ids[start..<min(start + 50, ids.count)])
            let filter = Resource.ListFilter(ListParams(ids: slice.map { Resource.ID($0) }, limit: slice.count))
            for item in try await client.list(Resource.self, project: project, dataCollection: dataCollection, filter) {
                found[item.id.rawValue] = item
            }
        }
        return found
    }
}

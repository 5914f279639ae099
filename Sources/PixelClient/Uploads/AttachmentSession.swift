import Foundation
import NIOHTTP1
import NIOConcurrencyHelpers

/// One `addAttachments` call: local checks, hashing, `POST /attachments/`, pairing by
/// name, bounded streamed transfers with retries, and `Completed` marks — per-file failures
/// collected, never thrown.
struct AttachmentSession: Sendable {
    let client: PixelAsyncClient
    let target: AttachmentTarget
    let reporter: UploadReporter
    let outcomes: UploadOutcomes
    let transfer: ObjectStoreTransfer
    let width: Int

    init(client: PixelAsyncClient, target: AttachmentTarget, options: UploadOptions, progress: UploadEventHandler?) {
        self.client = client
        self.target = target
        let core = client.core
        let reporter = UploadReporter(progress, instrumentation: core.instrumentation)
        self.reporter = reporter
        self.outcomes = UploadOutcomes(reporter: reporter)
        self.transfer = ObjectStoreTransfer(core: core, maxAttempts: max(1, options.maxAttempts ?? core.retryPolicy.maxAttempts), reporter: reporter)
        self.width = max(1, options.concurrency ?? core.settings.uploadConcurrency)
    }

    private struct Prepared: Sendable {
        var index: Int
        var file: AttachmentUpload
        var size: Int64
        var md5: String
    }

    func add(_ files: [AttachmentUpload]) async throws(PixelError) -> UploadBatchResult<Attachment> {
        defer { reporter.finish() }
        guard !files.isEmpty else { return UploadBatchResult(created: [], failures: []) }
        try UploadSession<Image>.requireUniqueNames(files.map(\.name), what: "Attachments")
        let sizes = try await FileDigest.sizes(of: files.map { ("Attachment", $0.url) })
        reporter.plan(files: zip(files, sizes).map { (name: $0.name, bytes: $1) })

        let reporter = self.reporter
        let hashed = await BoundedWork.map(Array(zip(files, sizes).enumerated()), width: width) { entry -> Result<Prepared, PixelError> in
            let (index, (file, size)) = entry
            do throws(PixelError) {
                let md5 = try await FileDigest.digests(of: file.url, size: size, partSize: nil).first?.md5 ?? ""
                reporter.emit(.prepared(file: file.name, bytes: size, parts: 1))
                return .success(Prepared(index: index, file: file, size: size, md5: md5))
            } catch {
                return .failure(error)
            }
        }
        if Task.isCancelled { throw .cancelled() }
        var prepared: [Prepared] = []
        for (index, result) in hashed.enumerated() {
            switch result {
            case .success(let item)?: prepared.append(item)
            case .failure(let error)?:
                if error.endsOperation { throw error }
                fail(index, files[index], .preparing, error)
            case nil: throw .cancelled()
            }
        }
        guard !prepared.isEmpty else { return UploadBatchResult(created: [], failures: outcomes.all) }

        var query = QueryItems()
        query["resource_type"] = target.resourceType.rawValue
        query["resource_id"] = target.resourceID
        let body = AttachmentsCreate(files: prepared.map { AttachmentDescriptor(name: $0.file.name, description: $0.file.description, md5: $0.md5) })
        let pending: [Attachment] = try await client.send(.POST, "/attachments/", query: query, body: body)
        let byName = try UploadPairing.byName(sent: prepared.map(\.file.name), received: pending, name: \.name, what: "attachments")

        let done = SendableResults<Attachment>()
        let (client, target, transfer, outcomes) = (self.client, self.target, self.transfer, self.outcomes)
        await BoundedWork.run(prepared, width: width) { item -> [Prepared] in
            guard let attachment = byName[item.file.name], !Task.isCancelled else { return [] }
            reporter.emit(.jobCreated(file: item.file.name, uploadJobID: nil))
            do throws(PixelError) {
                guard attachment.status == .pending, let post = attachment.uploadFileParams else {
                    throw PixelError(
                        code: .uploadPairingMismatch,
                        message:
                            "Attachment \(attachment.id) (\(attachment.name)) is \(attachment.status?.rawValue ?? "without status") and has no upload target."
                    )
                }
                try await transfer.post(
                    url: post.url, fields: post.fields, file: FileSlice(url: item.file.url, offset: 0, length: item.size), label: item.file.name)
                reporter.emit(.transferred(file: item.file.name))
            } catch {
                outcomes.fail(item.index, UploadFailure(file: item.file.url, name: item.file.name, stage: .transferring, error: error))
                return []
            }
            do throws(PixelError) {
                let completed = try await client.markAttachmentCompleted(target, id: attachment.id)
                done.set(item.index, UploadedFile(file: item.file.url, name: item.file.name, uploadJobID: nil, resource: completed))
                reporter.succeeded(item.file.name)
            } catch {
                outcomes.fail(item.index, UploadFailure(file: item.file.url, name: item.file.name, stage: .fetching, error: error))
            }
            return []
        }
        if Task.isCancelled { throw .cancelled() }
        return UploadBatchResult(created: done.inOrder, failures: outcomes.all)
    }

    private func fail(_ index: Int, _ file: AttachmentUpload, _ stage: UploadStage, _ error: PixelError) {
        outcomes.fail(index, UploadFailure(file: file.url, name: file.name, stage: stage, error: error))
    }
}

/// Results written by concurrent work items, read back in index order.
final class SendableResults<Resource: Sendable>: Sendable {
    private let values = NIOLockedValueBox<[Int: UploadedFile<Resource>]>([:])
    func set(_ index: Int, _ value: UploadedFile<Resource>) { values.withLockedValue { $0[index] = value } }
    var inOrder: [UploadedFile<Resource>] { values.withLockedValue { values in values.keys.sorted().compactMap { values[$0] } } }
}

import Foundation
import NIOConcurrencyHelpers

/// A support file after the local checks.
struct LocalSupportFile: Sendable {
    var url: URL
    var name: String
    var size: Int64
}

/// A file after the local checks: it exists, its size is known and its transfer mode is decided.
struct LocalUpload: Sendable {
    /// Position in the caller's input (results come back in input order).
    var index: Int
    var file: UploadFile
    var name: String
    var size: Int64
    var supportFiles: [LocalSupportFile]
    /// `nil` for a single-part upload.
    var partSize: Int?

    /// Main file plus support files: what goes over the wire for this file.
    var totalBytes: Int64 { size + supportFiles.reduce(0) { $0 + $1.size } }
}

/// A file with its descriptor, ready for job creation.
struct PreparedUpload: Sendable {
    var local: LocalUpload
    var descriptor: UploadFileDescriptor
}

/// One object-store request of an upload.
struct TransferUnit: Sendable {
    enum Action: Sendable {
        case post(url: String, fields: [String: String])
        case put(url: String, headers: [String: String], partNumber: Int, partCount: Int)
    }

    /// Index of the ``CreatedUpload`` it belongs to.
    var slot: Int
    var action: Action
    var slice: FileSlice
    var isSupport: Bool
}

/// A file whose upload job exists, with its object-store requests.
struct CreatedUpload: Sendable {
    var prepared: PreparedUpload
    var job: UploadJob
    var main: [TransferUnit]
    var support: [TransferUnit]

    var index: Int { prepared.local.index }
    var name: String { prepared.local.name }
    var url: URL { prepared.local.file.url }
}

/// The first failure of every file of an operation; emits ``UploadEvent/fileFailed(file:error:)``.
final class UploadOutcomes: Sendable {
    private let failures = NIOLockedValueBox<[Int: UploadFailure]>([:])
    private let reporter: UploadReporter

    init(reporter: UploadReporter) {
        self.reporter = reporter
    }

    /// Records `failure` for file `index` unless it already failed.
    func fail(_ index: Int, _ failure: UploadFailure) {
        let isFirst = failures.withLockedValue { failures -> Bool in
            guard failures[index] == nil else { return false }
            failures[index] = failure
            return true
        }
        if isFirst { reporter.failed(failure.name, failure.error) }
    }

    func hasFailed(_ index: Int) -> Bool { failures.withLockedValue { $0[index] != nil } }

    func failure(_ index: Int) -> UploadFailure? { failures.withLockedValue { $0[index] } }

    /// All failures in input order.
    var all: [UploadFailure] {
        failures.withLockedValue { failures in failures.keys.sorted().compactMap { failures[$0] } }
    }
}

/// Counts the outstanding requests of each created upload, to know when its main file is
/// complete (support files go next) and when everything of it is in the object store.
final class TransferTracker: Sendable {
    private let remaining: NIOLockedValueBox<[Int: (main: Int, support: Int)]>

    init(_ uploads: [CreatedUpload]) {
        var counts: [Int: (main: Int, support: Int)] = [:]
        for (slot, upload) in uploads.enumerated() { counts[slot] = (upload.main.count, upload.support.count) }
        remaining = NIOLockedValueBox(counts)
    }

    /// Marks one request of `slot` done; true when that was the last one of its kind.
    func done(slot: Int, support: Bool) -> Bool {
        remaining.withLockedValue { remaining in
            guard var counts = remaining[slot] else { return false }
            if support { counts.support -= 1 } else { counts.main -= 1 }
            remaining[slot] = counts
            return support ? counts.support == 0 : counts.main == 0
        }
    }
}

extension PixelError {
    /// Errors that end a whole operation instead of one file: cancellation. A client closed under
    /// a batch (its grace period ran out) fails the files still in flight one by one, so the
    /// result says which arrived.
    var endsOperation: Bool { code == .cancelled }
}

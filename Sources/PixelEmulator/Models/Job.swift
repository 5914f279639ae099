/// A long-running job, polled through `GET /jobs/{id}` until `completed`; its ``work`` takes
/// effect when it completes.
struct Job: Sendable {
    var id: Int
    var name: String
    var work: JobWork
    var groupID: Int?
    var polls = 0
    var completed = false
    var status = "in_progress"
    var createdAt = Timestamp.now()

    /// The upload job this job validates, if it validates one.
    var uploadJobID: Int? {
        if case .upload(let id, _) = work { return id }
        return nil
    }

    /// Whether it may complete now: an upload must wait until its bytes were verified.
    var isReady: Bool {
        if case .upload(_, nil) = work { return false }
        return true
    }
}

/// What a ``Job`` does when it completes.
enum JobWork: Sendable {
    /// Creates the uploaded resource, or fails the upload job, once verification decided.
    case upload(uploadJobID: Int, outcome: UploadOutcome?)
    /// Produces the optimized copy with this id (an optimized raster or point cloud).
    case optimize(ResourceKind, id: Int)
    /// Starts, stops or refreshes an ArcGIS service.
    case arcgis(serviceID: Int, action: ArcGISServiceAction)
}

/// What an ArcGIS service job does.
enum ArcGISServiceAction: Sendable, Equatable {
    case start
    case stop
    case refresh(data: Bool)
}

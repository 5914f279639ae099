/// A long-running job (§5.8).
struct Job: Sendable {
    var id: Int
    var name: String
    var uploadJobID: Int?
    var groupID: Int?
    var polls = 0
    var completed = false
    var status = "in_progress"
    var outcome: UploadOutcome?
    var createdAt = Timestamp.now()
}

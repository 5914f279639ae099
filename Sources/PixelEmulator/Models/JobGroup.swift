/// A job group (§5.8).
struct JobGroup: Sendable {
    var id: Int
    var jobIDs: [Int]
    var polls = 0
    var completed = false
}

/// A job group: jobs started together and polled as one through `GET /jobs/groups/{id}`.
struct JobGroup: Sendable {
    var id: Int
    var jobIDs: [Int]
    var polls = 0
    var completed = false
}

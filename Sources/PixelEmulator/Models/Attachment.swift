/// A file attached to a project, data collection or image.
struct Attachment: Sendable {
    var id: Int
    var name: String
    var description: String
    var md5: String
    var status = "Pending"
    var resourceType: String
    var resourceID: Int
    var slot: String
    var createdAt = Timestamp.now()
}

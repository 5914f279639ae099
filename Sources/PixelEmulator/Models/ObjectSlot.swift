/// Why an object-store slot exists.
enum SlotPurpose: Sendable, Hashable {
    case uploadFile(jobID: Int)
    case uploadPart(jobID: Int, partNumber: Int)
    case supportFile(jobID: Int, name: String)
    case attachment(id: Int)
}

/// A presigned object-store target.
struct ObjectSlot: Sendable {
    var token: String
    var signature: String
    var tenant: String
    var key: String
    var name: String
    var path: String
    var purpose: SlotPurpose
    var expectedMD5: String?
    var expectedLength: Int?
    var expiresAt: ContinuousClock.Instant
    var received: ReceivedObject?
}

/// Bytes that reached the object store.
struct ReceivedObject: Sendable {
    var md5: String
    var size: Int
}

import Foundation

/// Presigned slots and stored objects of the fake object store. Lives inside ``EmulatorState``.
struct ObjectStoreState: Sendable {
    var baseURL = ""
    var directory: String
    var presignedLifetime: Duration
    var slots: [String: ObjectSlot] = [:]
    var objects: [String: StoredObject] = [:]

    init(directory: String, presignedLifetime: Duration) {
        self.directory = directory
        self.presignedLifetime = presignedLifetime
    }

    mutating func makeSlot(
        tenant: String, key: String, name: String, purpose: SlotPurpose, expectedMD5: String?, expectedLength: Int? = nil
    ) -> ObjectSlot {
        let token = RandomToken.make()
        let slot = ObjectSlot(
            token: token, signature: RandomToken.make(bytes: 16), tenant: tenant, key: key, name: name,
            path: directory + "/" + token, purpose: purpose, expectedMD5: expectedMD5, expectedLength: expectedLength,
            expiresAt: .now + presignedLifetime)
        slots[token] = slot
        return slot
    }

    func postURL(_ slot: ObjectSlot) -> String { "\(baseURL)/_store/post/\(slot.token)" }
    func putURL(_ slot: ObjectSlot) -> String { "\(baseURL)/_store/part/\(slot.token)" }

    /// S3 POST-policy style form fields; the store requires `key` and `x-amz-signature` to come back unchanged.
    func uploadFields(_ slot: ObjectSlot) -> JSONValue {
        var fields: JSONObject = [
            "key": .string(slot.key),
            "x-amz-algorithm": "AWS4-HMAC-SHA256",
            "x-amz-credential": "emulator/pixel/s3/aws4_request",
            "policy": .string(Data("{\"conditions\":[{\"key\":\"\(slot.key)\"}]}".utf8).base64EncodedString()),
            "x-amz-signature": .string(slot.signature),
        ]
        if let md5 = slot.expectedMD5 { fields["Content-MD5"] = .string(md5) }
        return .object(fields)
    }

    /// Records bytes that arrived for a slot and registers the object.
    mutating func recordReceived(token: String, md5: String, size: Int) {
        guard let slot = slots[token] else { return }
        slots[token]?.received = ReceivedObject(md5: md5, size: size)
        switch slot.purpose {
        case .uploadFile, .supportFile, .attachment:
            var resourceType: String? = nil
            var resourceID: Int? = nil
            if case .attachment(let id) = slot.purpose {
                resourceType = "attachment"
                resourceID = id
            }
            if case .supportFile = slot.purpose { resourceType = "support_file" }
            objects[slot.key] = StoredObject(
                key: slot.key, name: slot.name, size: size, md5Base64: md5, path: slot.path, tenant: slot.tenant,
                resourceType: resourceType, resourceID: resourceID)
        case .uploadPart:
            break
        }
    }
}

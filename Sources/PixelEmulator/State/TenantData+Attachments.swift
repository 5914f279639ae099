/// Attachments and their upload flow.
extension TenantData {
    static let attachmentResourceTypes: Set<String> = ["project", "data_collection", "image"]

    /// Checks that the resource an attachment hangs on exists.
    func attachmentTarget(_ query: QueryValues, typeKey: String = "resource_type", idKey: String = "resource_id")
        throws(APIError) -> (String, Int)
    {
        let type = try query.required(typeKey)
        guard Self.attachmentResourceTypes.contains(type) else {
            throw .validation(["query", typeKey], "Input should be 'project', 'data_collection' or 'image'", type: "enum")
        }
        let id = try query.requiredInt(idKey)
        switch type {
        case "project":
            _ = try project(id)
        case "data_collection":
            guard let collection = dataCollections[id], isLive(collection) else { throw .notFound("Data collection \(id)") }
        default:
            guard resources[.image]?[id] != nil else { throw .notFound("Image \(id)") }
        }
        return (type, id)
    }

    func attachmentJSON(_ attachment: Attachment, store: ObjectStoreState?) -> JSONValue {
        var object: JSONObject = [
            "id": .int(attachment.id), "name": .string(attachment.name), "description": .string(attachment.description),
            "md5": .string(attachment.md5), "status": .string(attachment.status), "resource_type": .string(attachment.resourceType),
            "resource_id": .int(attachment.resourceID), "created_at": .string(attachment.createdAt),
        ]
        if let store, attachment.status == "Pending", let slot = store.slots[attachment.slot] {
            object["upload_file_params"] = ["url": .string(store.postURL(slot)), "fields": store.uploadFields(slot)]
        }
        return .object(object)
    }

    mutating func addAttachments(_ query: QueryValues, _ body: BodyReader, store: inout ObjectStoreState) throws(APIError) -> JSONValue {
        let (type, resourceID) = try attachmentTarget(query)
        guard let files = try body.objectList("files") else { throw .missing(["body", "files"]) }
        guard !files.isEmpty else { throw .validation(["body", "files"], "List should have at least 1 item", type: "too_short") }
        var parsed: [(String, String, String)] = []
        for file in files {
            let name = try file.requiredString("name")
            guard !name.isEmpty else { throw .validation(file.location + ["name"], "name must not be empty") }
            parsed.append((name, try file.string("description") ?? "", try file.md5("md5", required: true) ?? ""))
        }
        guard Set(parsed.map(\.0)).count == parsed.count else { throw .validation(["body", "files"], "attachment names must be unique") }
        var created: [JSONValue] = []
        for (name, description, md5) in parsed {
            let id = nextID("attachment")
            let slot = store.makeSlot(
                tenant: tenant, key: "\(tenant)/attachments/\(type)/\(resourceID)/\(id)/\(name)", name: name,
                purpose: .attachment(id: id), expectedMD5: md5)
            let attachment = Attachment(
                id: id, name: name, description: description, md5: md5, resourceType: type, resourceID: resourceID, slot: slot.token)
            attachments[id] = attachment
            created.append(attachmentJSON(attachment, store: store))
        }
        return .array(created)
    }

    func listAttachments(_ query: QueryValues) throws(APIError) -> JSONValue {
        let (type, resourceID) = try attachmentTarget(query)
        let status = query["status"]
        if let status, status != "Pending", status != "Completed" {
            throw .validation(["query", "status"], "Input should be 'Pending' or 'Completed'", type: "enum")
        }
        let items = attachments.values
            .filter { $0.resourceType == type && $0.resourceID == resourceID && (status == nil || $0.status == status) }
            .sorted { $0.id < $1.id }
        return .array(items.map { attachmentJSON($0, store: nil) })
    }

    func attachment(_ query: QueryValues) throws(APIError) -> Attachment {
        let (type, resourceID) = try attachmentTarget(query)
        let id = try query.requiredInt("attachment_id")
        guard let attachment = attachments[id], attachment.resourceType == type, attachment.resourceID == resourceID else {
            throw .notFound("Attachment \(id)")
        }
        return attachment
    }

    /// `PUT /attachments/update`: marks an attachment completed once its bytes arrived with the declared MD5.
    mutating func updateAttachment(_ query: QueryValues, store: ObjectStoreState) throws(APIError) -> JSONValue {
        var attachment = try attachment(query)
        let status = try query.required("status")
        switch status {
        case "Completed":
            guard let received = store.slots[attachment.slot]?.received else {
                throw .badRequest("Attachment \(attachment.id) (\(attachment.name)) was never uploaded to the object store")
            }
            guard received.md5 == attachment.md5 else {
                throw .badRequest("MD5 mismatch for attachment \(attachment.name): declared \(attachment.md5), received \(received.md5)")
            }
        case "Pending":
            break
        default:
            throw .validation(["query", "status"], "Input should be 'Pending' or 'Completed'", type: "enum")
        }
        attachment.status = status
        attachments[attachment.id] = attachment
        return attachmentJSON(attachment, store: nil)
    }

    mutating func moveAttachment(_ query: QueryValues) throws(APIError) -> JSONValue {
        var attachment = try attachment(query)
        let (newType, newID) = try attachmentTarget(query, typeKey: "new_resource_type", idKey: "new_resource_id")
        attachment.resourceType = newType
        attachment.resourceID = newID
        attachments[attachment.id] = attachment
        return attachmentJSON(attachment, store: nil)
    }

    mutating func deleteAttachment(_ query: QueryValues) throws(APIError) -> JSONValue {
        let attachment = try attachment(query)
        attachments[attachment.id] = nil
        return ["id": .int(attachment.id), "deleted": true]
    }
}

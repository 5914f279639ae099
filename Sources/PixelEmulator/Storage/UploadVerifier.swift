/// Decides the outcome of a finished upload: file type against the data collection, presence and
/// MD5 of every declared byte, and assembly of multipart uploads (streamed, on disk).
struct UploadVerifier: Sendable {
    let files: ObjectFiles

    static let pointCloudExtensions: Set<String> = ["las", "laz"]

    func verify(_ plan: FinishPlan) async -> (UploadOutcome, StoredObject?) {
        let fileExtension = plan.name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let isPointCloudFile = plan.name.contains(".") && Self.pointCloudExtensions.contains(fileExtension)
        guard let kind = ResourceKind(dataCollectionType: plan.collectionType) else {
            return (.failure("Data collection type \(plan.collectionType) does not accept uploads"), nil)
        }
        if (kind == .pointCloud) != isPointCloudFile {
            return (
                .failure("Wrong data collection type: \(plan.name) cannot be stored in a '\(plan.collectionType)' data collection"),
                nil
            )
        }
        for support in plan.support {
            guard let received = support.received else {
                return (.failure("Support file \(support.name) was never uploaded to the object store"), nil)
            }
            guard received.md5 == support.declaredMD5 else {
                return (.failure("MD5 mismatch for support file \(support.name): declared \(support.declaredMD5), received \(received.md5)"), nil)
            }
        }
        let tenant = plan.objectKey.split(separator: "/").first.map(String.init) ?? ""
        switch plan.source {
        case .single(let declared, let received, let path):
            guard let received else { return (.failure("File \(plan.name) was never uploaded to the object store"), nil) }
            guard received.md5 == declared else {
                return (.failure("MD5 mismatch for \(plan.name): declared \(declared), object store received \(received.md5)"), nil)
            }
            let object = StoredObject(
                key: plan.objectKey, name: plan.name, size: received.size, md5Base64: received.md5, path: path, tenant: tenant)
            return (.success(objectKey: plan.objectKey, md5: received.md5, size: received.size), object)
        case .multipart(let parts):
            for check in parts {
                guard let received = check.received else {
                    return (.failure("Missing part \(check.part.partNumber) of \(parts.count) for \(plan.name)"), nil)
                }
                guard received.md5 == check.part.md5, received.size == check.part.contentLength else {
                    return (.failure("Part \(check.part.partNumber) of \(plan.name) does not match its declared MD5 or content_length"), nil)
                }
            }
            do {
                let (md5, size) = try await files.concatenate(parts.map(\.path), into: plan.finalPath)
                for check in parts { await files.remove(check.path) }
                let object = StoredObject(key: plan.objectKey, name: plan.name, size: size, md5Base64: md5, path: plan.finalPath, tenant: tenant)
                return (.success(objectKey: plan.objectKey, md5: md5, size: size), object)
            } catch {
                return (.failure("Could not assemble the parts of \(plan.name): \(error)"), nil)
            }
        }
    }
}

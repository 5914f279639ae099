/// The three uploadable resource kinds.
enum ResourceKind: String, Sendable, CaseIterable {
    case image
    case raster
    case pointCloud = "point_cloud"

    /// Path segment of the collection route (`images`, `rasters`, `point_clouds`).
    var pathSegment: String {
        switch self {
        case .image: "images"
        case .raster: "rasters"
        case .pointCloud: "point_clouds"
        }
    }

    /// Name used in error details.
    var displayName: String {
        switch self {
        case .image: "Image"
        case .raster: "Raster"
        case .pointCloud: "Point cloud"
        }
    }

    /// What a data collection of this `data_collection_type` holds.
    init?(dataCollectionType: String) {
        switch dataCollectionType {
        case "image": self = .image
        case "raster", "RGB", "DTM", "DSM": self = .raster
        case "point_cloud": self = .pointCloud
        default: return nil
        }
    }
}

/// Data-collection types §5.3 accepts.
let dataCollectionTypes: Set<String> = ["image", "raster", "RGB", "DTM", "DSM", "point_cloud"]

/// One declared part of a multipart upload.
struct DeclaredPart: Sendable {
    var partNumber: Int
    var md5: String
    var contentLength: Int
    var slot: String
}

/// A support file of an upload job.
struct DeclaredSupportFile: Sendable {
    var name: String
    var md5: String
    var slot: String
}

/// An upload job (§5.7, §6.3).
struct UploadJob: Sendable {
    var id: Int
    var projectID: Int
    var dataCollectionID: Int
    var name: String
    var md5: String?
    var parts: [DeclaredPart]?
    var supportFiles: [DeclaredSupportFile]
    var metadata: JSONValue
    var mainSlot: String?
    var status = "lobby"
    var detail: String?
    var result: JSONValue = .null
    var jobID: Int?
    var createdAt = Timestamp.now()
}

/// What verification decided about an upload.
enum UploadOutcome: Sendable {
    case success(objectKey: String, md5: String, size: Int)
    case failure(String)
}

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

/// A job group (§5.8).
struct JobGroup: Sendable {
    var id: Int
    var jobIDs: [Int]
    var polls = 0
    var completed = false
}

/// An attachment (§5.11).
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

/// An object the emulator holds on disk, for tests to inspect.
///
/// ```swift
/// let objects = await emulator.storedObjects()
/// #expect(objects.first { $0.resourceType == "image" }?.md5Base64 == localMD5)
/// ```
public struct StoredObject: Sendable, Hashable {
    /// Object key, e.g. `demo/upload_jobs/3/photo.jpg`.
    public var key: String
    /// File name as declared by the client.
    public var name: String
    /// Size in bytes.
    public var size: Int
    /// Base64 MD5 of the bytes as received (recomputed from disk by ``PixelEmulator/storedObjectMD5(resourceType:id:tenant:)``).
    public var md5Base64: String
    /// Path of the file on disk.
    public var path: String
    /// Tenant (lower case).
    public var tenant: String
    /// `image`, `raster`, `point_cloud`, `attachment`, `support_file`, or `nil` before validation.
    public var resourceType: String?
    /// Id of the image/raster/point cloud/attachment the object belongs to.
    public var resourceID: Int?
}

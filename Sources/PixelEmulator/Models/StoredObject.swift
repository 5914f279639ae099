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

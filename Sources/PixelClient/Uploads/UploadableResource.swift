/// A resource type that uploads create: ``Image``, ``Raster`` or ``PointCloud``. Ties the
/// resource to its data-collection types, its `result.resource_name` and its list path.
public protocol UploadableResource: Decodable, Sendable {
    /// `image`, `raster` or `point_cloud`.
    static var resourceKind: ResourceKind { get }
    /// The list path under a data collection: `images`, `rasters`, `point_clouds`.
    static var collectionPathComponent: String { get }
    /// Whether a data collection of this type stores this resource.
    static func isStored(in type: DataCollectionType) -> Bool
    /// What the data collection must be, for error messages.
    static var requiredCollectionTypes: String { get }
    /// The resource's id as `result.resource_id` carries it.
    var uploadedResourceID: Int { get }
}

extension Image: UploadableResource {
    public static var resourceKind: ResourceKind { .image }
    public static var collectionPathComponent: String { "images" }
    public static func isStored(in type: DataCollectionType) -> Bool { type == .image }
    public static var requiredCollectionTypes: String { "'image'" }
    public var uploadedResourceID: Int { id.rawValue }
}

extension Raster: UploadableResource {
    public static var resourceKind: ResourceKind { .raster }
    public static var collectionPathComponent: String { "rasters" }
    public static func isStored(in type: DataCollectionType) -> Bool { type.holdsRasters }
    public static var requiredCollectionTypes: String { "'raster', 'RGB', 'DTM' or 'DSM'" }
    public var uploadedResourceID: Int { id.rawValue }
}

extension PointCloud: UploadableResource {
    public static var resourceKind: ResourceKind { .pointCloud }
    public static var collectionPathComponent: String { "point_clouds" }
    public static func isStored(in type: DataCollectionType) -> Bool { type == .pointCloud }
    public static var requiredCollectionTypes: String { "'point_cloud'" }
    public var uploadedResourceID: Int { id.rawValue }
}

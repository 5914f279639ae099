/// What a data collection stores: ``Image``, ``Raster`` or ``PointCloud``.
///
/// Every operation on these resources exists once, generically, on ``PixelAsyncClient`` and
/// ``PixelClient`` (`get`, `list`, `paginate`, `update`, `move`, `delete`, `upload`,
/// `uploadMany`); a conformance only says where the resource lives, how it is filtered and how it
/// moves.
///
/// ```swift
/// let rasters = try await client.list(Raster.self, project: 1, dataCollection: 3, RasterListParams(format: .gtiff))
/// for try await cloud in client.paginate(PointCloud.self, project: 1, dataCollection: 4) { print(cloud.id) }
/// ```
public protocol DataCollectionResource: Codable, Hashable, Sendable, Identifiable where ID == PixelID<IDTag> {
    /// The phantom tag of the resource's id type.
    associatedtype IDTag
    /// The list filters (`ImageListParams`, `RasterListParams`, `PointCloudListParams`).
    associatedtype ListFilter: ListParameters where ListFilter.ID == ID
    /// Where ``PixelAsyncClient/move(_:project:dataCollection:id:to:)`` can send one.
    associatedtype MoveDestination: Hashable & Sendable

    /// `image`, `raster` or `point_cloud`: the `result.resource_name` of an upload and the
    /// `fields_type` of its metadata fields.
    static var resourceKind: ResourceKind { get }
    /// The path below a data collection: `images`, `rasters`, `point_clouds`.
    static var collectionPathComponent: String { get }
    /// Whether a data collection of this type stores this resource.
    static func isStored(in type: DataCollectionType) -> Bool
    /// What the data collection must be, for error messages.
    static var requiredCollectionTypes: String { get }
    /// How the API moves one to `destination`.
    static func move(to destination: MoveDestination) -> ResourceMove
}

/// How the API moves a resource: images and rasters by `PUT …/move` with the new project and data
/// collection in the query, point clouds by `POST …/move` with the new data collection in a body.
public enum ResourceMove: Hashable, Sendable {
    /// `PUT …/{id}/move?new_project_id=&new_data_collection_id=`.
    case query(project: ProjectID, dataCollection: DataCollectionID)
    /// `POST …/{id}/move` with `{"new_data_collection_id": …}` (not retried automatically).
    case body(dataCollection: DataCollectionID)
}

/// A data collection in a project: where a moved image or raster goes.
public struct CollectionLocation: Hashable, Sendable {
    public var project: ProjectID
    public var dataCollection: DataCollectionID

    public init(project: ProjectID, dataCollection: DataCollectionID) {
        self.project = project
        self.dataCollection = dataCollection
    }
}

extension Image: DataCollectionResource {
    public typealias IDTag = PixelResourceTag.Image
    public typealias ListFilter = ImageListParams
    public static var resourceKind: ResourceKind { .image }
    public static var collectionPathComponent: String { "images" }
    public static func isStored(in type: DataCollectionType) -> Bool { type == .image }
    public static var requiredCollectionTypes: String { "'image'" }
    public static func move(to destination: CollectionLocation) -> ResourceMove {
        .query(project: destination.project, dataCollection: destination.dataCollection)
    }
}

extension Raster: DataCollectionResource {
    public typealias IDTag = PixelResourceTag.Raster
    public typealias ListFilter = RasterListParams
    public static var resourceKind: ResourceKind { .raster }
    public static var collectionPathComponent: String { "rasters" }
    public static func isStored(in type: DataCollectionType) -> Bool { type.holdsRasters }
    public static var requiredCollectionTypes: String { "'raster', 'RGB', 'DTM' or 'DSM'" }
    public static func move(to destination: CollectionLocation) -> ResourceMove {
        .query(project: destination.project, dataCollection: destination.dataCollection)
    }
}

extension PointCloud: DataCollectionResource {
    public typealias IDTag = PixelResourceTag.PointCloud
    public typealias ListFilter = PointCloudListParams
    public static var resourceKind: ResourceKind { .pointCloud }
    public static var collectionPathComponent: String { "point_clouds" }
    public static func isStored(in type: DataCollectionType) -> Bool { type == .pointCloud }
    public static var requiredCollectionTypes: String { "'point_cloud'" }
    /// Point clouds move by data collection; the project follows from it.
    public static func move(to destination: DataCollectionID) -> ResourceMove { .body(dataCollection: destination) }
}

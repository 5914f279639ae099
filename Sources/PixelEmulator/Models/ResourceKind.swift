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

/// The data-collection types the API accepts.
let dataCollectionTypes: Set<String> = ["image", "raster", "RGB", "DTM", "DSM", "point_cloud"]

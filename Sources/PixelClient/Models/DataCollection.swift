public import Foundation

/// A data collection inside a project: images, rasters (RGB/DTM/DSM) or point clouds.
public struct DataCollection: Codable, Hashable, Sendable, Identifiable {
    public var id: DataCollectionID
    public var projectID: ProjectID?
    public var name: String
    public var description: String?
    public var dataCollectionType: DataCollectionType
    public var tags: [String]?
    public var rasterInfo: RasterInfo?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var deletedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, description, tags
        case projectID = "project_id", dataCollectionType = "data_collection_type", rasterInfo = "raster_info"
        case createdAt = "created_at", updatedAt = "updated_at", deletedAt = "deleted_at"
    }
}

/// Raster properties of a raster data collection. Only set fields are sent.
public struct RasterInfo: Codable, Hashable, Sendable {
    public var srid: Int?
    public var format: String?
    public var dataType: String?
    /// Cell size `(x, y)`, sent as a two-element array.
    public var cellSize: [Double]?
    public var numBands: Int?

    public init(srid: Int? = nil, format: String? = nil, dataType: String? = nil, cellSize: (x: Double, y: Double)? = nil, numBands: Int? = nil) {
        self.srid = srid
        self.format = format
        self.dataType = dataType
        self.cellSize = cellSize.map { [$0.x, $0.y] }
        self.numBands = numBands
    }

    enum CodingKeys: String, CodingKey {
        case srid, format
        case dataType = "data_type", cellSize = "cell_size", numBands = "num_bands"
    }
}

/// The body of `POST /projects/{p}/data_collections/`.
public struct DataCollectionCreate: Encodable, Sendable {
    public var name: String
    public var description: String
    public var dataCollectionType: DataCollectionType
    public var tags: [String]?
    public var rasterInfo: RasterInfo?

    public init(name: String, description: String, dataCollectionType: DataCollectionType, tags: [String]? = nil, rasterInfo: RasterInfo? = nil) {
        self.name = name
        self.description = description
        self.dataCollectionType = dataCollectionType
        self.tags = tags
        self.rasterInfo = rasterInfo
    }

    enum CodingKeys: String, CodingKey {
        case name, description, tags
        case dataCollectionType = "data_collection_type", rasterInfo = "raster_info"
    }
}

/// The body of `PUT DC`: only set fields are sent; at least one must be set.
public struct DataCollectionUpdate: Encodable, Sendable {
    public var name: String?
    public var description: String?
    public var addTags: [String]?
    public var removeTags: [String]?

    public init(name: String? = nil, description: String? = nil, addTags: [String]? = nil, removeTags: [String]? = nil) {
        self.name = name
        self.description = description
        self.addTags = addTags
        self.removeTags = removeTags
    }

    enum CodingKeys: String, CodingKey {
        case name, description
        case addTags = "add_tags", removeTags = "remove_tags"
    }

    var isEmpty: Bool { name == nil && description == nil && addTags == nil && removeTags == nil }
}

/// The common list filters, sent as query parameters: `ids` and `tags` comma-joined,
/// booleans as `true`/`false`, unset fields left out.
///
/// ```swift
/// let page = try await client.listProjects(ListParams(name: "survey", tags: ["2024"], limit: 50))
/// ```
public struct ListParams<ID: Sendable & CustomStringConvertible>: Sendable {
    public var extended: Bool?
    public var name: String?
    public var ids: [ID]?
    public var tags: [String]?
    public var offset: Int?
    public var limit: Int?

    public init(extended: Bool? = nil, name: String? = nil, ids: [ID]? = nil, tags: [String]? = nil, offset: Int? = nil, limit: Int? = nil) {
        self.extended = extended
        self.name = name
        self.ids = ids
        self.tags = tags
        self.offset = offset
        self.limit = limit
    }

    var queryItems: QueryItems {
        var query = QueryItems()
        query["extended"] = extended
        query["name"] = name
        query["ids"] = ids
        query["tags"] = tags
        query["offset"] = offset
        query["limit"] = limit
        return query
    }
}

public typealias ProjectListParams = ListParams<ProjectID>
public typealias ImageListParams = ListParams<ImageID>

/// List filters for data collections: the common ones plus the type.
public struct DataCollectionListParams: Sendable {
    public var common: ListParams<DataCollectionID>
    public var dataCollectionType: DataCollectionType?

    public init(_ common: ListParams<DataCollectionID> = .init(), dataCollectionType: DataCollectionType? = nil) {
        self.common = common
        self.dataCollectionType = dataCollectionType
    }

    var queryItems: QueryItems {
        var query = common.queryItems
        query["data_collection_type"] = dataCollectionType?.rawValue
        return query
    }
}

/// List filters for rasters: the common ones plus the file format.
public struct RasterListParams: Sendable {
    public var common: ListParams<RasterID>
    public var format: RasterFormat?

    public init(_ common: ListParams<RasterID> = .init(), format: RasterFormat? = nil) {
        self.common = common
        self.format = format
    }

    var queryItems: QueryItems {
        var query = common.queryItems
        query["format"] = format?.rawValue
        return query
    }
}

/// List filters for point clouds: the common ones plus LAS properties.
public struct PointCloudListParams: Sendable {
    public var common: ListParams<PointCloudID>
    public var format: PointCloudFormat?
    /// LAS point data record format, 0–10.
    public var pointRecordFormat: Int?
    public var versionMajor: Int?
    public var versionMinor: Int?

    public init(_ common: ListParams<PointCloudID> = .init(), format: PointCloudFormat? = nil, pointRecordFormat: Int? = nil, versionMajor: Int? = nil, versionMinor: Int? = nil) {
        self.common = common
        self.format = format
        self.pointRecordFormat = pointRecordFormat
        self.versionMajor = versionMajor
        self.versionMinor = versionMinor
    }

    var queryItems: QueryItems {
        var query = common.queryItems
        query["format"] = format?.rawValue
        query["point_record_format"] = pointRecordFormat
        query["version_major"] = versionMajor
        query["version_minor"] = versionMinor
        return query
    }
}

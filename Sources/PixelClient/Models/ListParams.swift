public import Foundation

/// List filters of one kind of resource: the common ``ListParams`` plus what that kind adds.
///
/// Generic code (pagination, the resource methods) reaches the common filters through
/// ``common`` and sends ``queryParameters``.
public protocol ListParameters: Sendable {
    /// The id type the `ids` filter takes.
    associatedtype ID: Sendable & CustomStringConvertible
    /// Filters from the common ones, nothing else set.
    init(_ common: ListParams<ID>)
    /// The common filters: `extended`, `name`, `ids`, `tags`, `offset`, `limit`.
    var common: ListParams<ID> { get set }
    /// The query parameters these filters send, in order: lists comma-joined, booleans as
    /// `true`/`false`, unset filters left out.
    var queryParameters: [URLQueryItem] { get }
}

extension ListParameters {
    var queryItems: QueryItems { QueryItems(queryParameters) }

    /// These filters with `offset` and `limit` replaced (how pages are asked for).
    func page(offset: Int, limit: Int) -> Self {
        var copy = self
        copy.common.offset = offset
        copy.common.limit = limit
        return copy
    }
}

extension QueryItems {
    init(_ parameters: [URLQueryItem]) {
        self.init()
        for parameter in parameters { self[parameter.name] = parameter.value }
    }
}

extension Array where Element == URLQueryItem {
    init(_ query: QueryItems) {
        self = query.items.map { URLQueryItem(name: $0.name, value: $0.value) }
    }
}

/// The common list filters, sent as query parameters: `ids` and `tags` comma-joined,
/// booleans as `true`/`false`, unset fields left out.
///
/// ```swift
/// let page = try await client.listProjects(ListParams(name: "survey", tags: ["2024"], limit: 50))
/// ```
public struct ListParams<ID: Sendable & CustomStringConvertible>: ListParameters {
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

    /// The same filters (lets `ListParams` stand wherever ``ListParameters`` are taken).
    public init(_ common: ListParams<ID>) { self = common }

    /// Itself.
    public var common: ListParams<ID> {
        get { self }
        set { self = newValue }
    }

    public var queryParameters: [URLQueryItem] { Array(commonQuery) }

    var commonQuery: QueryItems {
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
public struct DataCollectionListParams: ListParameters {
    public var common: ListParams<DataCollectionID>
    public var dataCollectionType: DataCollectionType?

    /// Only the common filters.
    public init(_ common: ListParams<DataCollectionID>) { self.init(common, dataCollectionType: nil) }

    public init(_ common: ListParams<DataCollectionID> = .init(), dataCollectionType: DataCollectionType? = nil) {
        self.common = common
        self.dataCollectionType = dataCollectionType
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        query["data_collection_type"] = dataCollectionType?.rawValue
        return Array(query)
    }
}

/// List filters for rasters: the common ones plus the file format.
public struct RasterListParams: ListParameters {
    public var common: ListParams<RasterID>
    public var format: RasterFormat?

    /// Only the common filters.
    public init(_ common: ListParams<RasterID>) { self.init(common, format: nil) }

    public init(_ common: ListParams<RasterID> = .init(), format: RasterFormat? = nil) {
        self.common = common
        self.format = format
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        query["format"] = format?.rawValue
        return Array(query)
    }
}

/// List filters for point clouds: the common ones plus LAS properties.
public struct PointCloudListParams: ListParameters {
    public var common: ListParams<PointCloudID>
    public var format: PointCloudFormat?
    /// LAS point data record format, 0–10.
    public var pointRecordFormat: Int?
    public var versionMajor: Int?
    public var versionMinor: Int?

    /// Only the common filters.
    public init(_ common: ListParams<PointCloudID>) { self.init(common, format: nil) }

    public init(
        _ common: ListParams<PointCloudID> = .init(), format: PointCloudFormat? = nil, pointRecordFormat: Int? = nil, versionMajor: Int? = nil,
        versionMinor: Int? = nil
    ) {
        self.common = common
        self.format = format
        self.pointRecordFormat = pointRecordFormat
        self.versionMajor = versionMajor
        self.versionMinor = versionMinor
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        Self.addLASFilters(to: &query, format: format, pointRecordFormat: pointRecordFormat, versionMajor: versionMajor, versionMinor: versionMinor)
        return Array(query)
    }

    /// The LAS filters point clouds and their optimized copies share.
    static func addLASFilters(to query: inout QueryItems, format: PointCloudFormat?, pointRecordFormat: Int?, versionMajor: Int?, versionMinor: Int?)
    {
        query["format"] = format?.rawValue
        query["point_record_format"] = pointRecordFormat
        query["version_major"] = versionMajor
        query["version_minor"] = versionMinor
    }
}

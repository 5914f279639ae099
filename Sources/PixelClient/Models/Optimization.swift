public import Foundation

/// The colour nearblack treats as collar: black, white or a grey level 0–255.
public enum NearblackColor: Codable, Hashable, Sendable, CustomStringConvertible {
    /// `black`
    case black
    /// `white`
    case white
    /// A grey level, sent as a number.
    case level(UInt8)
    /// A value this client version does not know.
    case unknown(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = UInt8(exactly: number).map(NearblackColor.level) ?? .unknown(String(number))
            return
        }
        switch try container.decode(String.self) {
        case "black": self = .black
        case "white": self = .white
        case let other: self = .unknown(other)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .level(let level): try container.encode(Int(level))
        default: try container.encode(description)
        }
    }

    public var description: String {
        switch self {
        case .black: "black"
        case .white: "white"
        case .level(let level): String(level)
        case .unknown(let value): value
        }
    }
}

/// How an optimization removes near-black (or near-white) collars around a raster's data.
public struct NearblackOptions: Codable, Hashable, Sendable {
    public var enabled: Bool
    public var color: NearblackColor
    public var algorithm: NearblackAlgorithm

    public init(enabled: Bool, color: NearblackColor = .black, algorithm: NearblackAlgorithm = .twoPasses) {
        self.enabled = enabled
        self.color = color
        self.algorithm = algorithm
    }

    /// Nearblack off: what the API uses when nothing is said.
    public static let disabled = NearblackOptions(enabled: false)
}

/// How rasters are optimized: the profile, nearblack and the overview resampling.
///
/// ```swift
/// let options = RasterOptimizationOptions(nearblack: NearblackOptions(enabled: true, color: .white), overviewResampling: .cubic)
/// let created = try await client.createOptimizedRasters(project: 1, dataCollection: 3, .all, options: options)
/// ```
public struct RasterOptimizationOptions: Hashable, Sendable {
    /// A named set of optimization settings on the server; `nil` uses the default profile.
    public var profile: String?
    public var nearblack: NearblackOptions
    public var overviewResampling: OverviewResampling

    public init(profile: String? = nil, nearblack: NearblackOptions = .disabled, overviewResampling: OverviewResampling = .average) {
        self.profile = profile
        self.nearblack = nearblack
        self.overviewResampling = overviewResampling
    }
}

/// The creation options an optimized raster was made with.
public struct RasterCreationOptions: Codable, Hashable, Sendable {
    public var nearblackOptions: NearblackOptions?
    public var overviewResampling: OverviewResampling?

    enum CodingKeys: String, CodingKey { case nearblackOptions = "nearblack_options", overviewResampling = "overview_resampling" }
}

/// A cloud-optimized copy of a raster, made by an optimization run.
public struct OptimizedRaster: Codable, Hashable, Sendable, Identifiable {
    public var id: OptimizedRasterID
    /// The raster it is a copy of.
    public var rasterID: RasterID?
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var name: String?
    public var profile: String?
    public var creationOptions: RasterCreationOptions?
    /// `pending` until run, then `submitted`, `in_progress`, and `completed` or `failed`.
    public var status: ProcessingStatus?
    public var jobID: JobID?
    public var fileName: String?
    public var tags: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var completedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, profile, status, tags
        case rasterID = "raster_id", projectID = "project_id", dataCollectionID = "data_collection_id"
        case creationOptions = "creation_options", jobID = "job_id", fileName = "file_name"
        case createdAt = "created_at", updatedAt = "updated_at", completedAt = "completed_at"
    }
}

/// A cloud-optimized (COPC) copy of a point cloud, made by an optimization run.
public struct OptimizedPointCloud: Codable, Hashable, Sendable, Identifiable {
    public var id: OptimizedPointCloudID
    /// The point cloud it is a copy of.
    public var pointCloudID: PointCloudID?
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var name: String?
    /// `pending` until run, then `submitted`, `in_progress`, and `completed` or `failed`.
    public var status: ProcessingStatus?
    public var jobID: JobID?
    public var fileName: String?
    public var format: PointCloudFormat?
    public var pointRecordFormat: Int?
    public var versionMajor: Int?
    public var versionMinor: Int?
    public var tags: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var completedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, status, tags, format
        case pointCloudID = "point_cloud_id", projectID = "project_id", dataCollectionID = "data_collection_id"
        case jobID = "job_id", fileName = "file_name", pointRecordFormat = "point_record_format"
        case versionMajor = "version_major", versionMinor = "version_minor"
        case createdAt = "created_at", updatedAt = "updated_at", completedAt = "completed_at"
    }
}

/// List filters for optimized rasters.
public typealias OptimizedRasterListParams = ListParams<OptimizedRasterID>

/// List filters for optimized point clouds: the common ones, LAS properties and the status.
public struct OptimizedPointCloudListParams: ListParameters {
    public var common: ListParams<OptimizedPointCloudID>
    public var format: PointCloudFormat?
    /// LAS point data record format, 0–10.
    public var pointRecordFormat: Int?
    public var versionMajor: Int?
    public var versionMinor: Int?
    public var status: ProcessingStatus?

    /// Only the common filters.
    public init(_ common: ListParams<OptimizedPointCloudID>) { self.init(common, status: nil) }

    public init(
        _ common: ListParams<OptimizedPointCloudID> = .init(), format: PointCloudFormat? = nil, pointRecordFormat: Int? = nil,
        versionMajor: Int? = nil, versionMinor: Int? = nil, status: ProcessingStatus? = nil
    ) {
        self.common = common
        self.format = format
        self.pointRecordFormat = pointRecordFormat
        self.versionMajor = versionMajor
        self.versionMinor = versionMinor
        self.status = status
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        PointCloudListParams.addLASFilters(
            to: &query, format: format, pointRecordFormat: pointRecordFormat, versionMajor: versionMajor, versionMinor: versionMinor)
        query["status"] = status?.rawValue
        return Array(query)
    }
}

/// The body of `POST DC/rasters/optimized/`.
struct OptimizedRastersCreateBody: Encodable, Sendable {
    struct CreationOptions: Encodable, Sendable {
        var nearblackOptions: NearblackOptions
        var overviewResampling: OverviewResampling
        enum CodingKeys: String, CodingKey { case nearblackOptions = "nearblack_options", overviewResampling = "overview_resampling" }
    }

    var creationOptions: CreationOptions
    var rasterIDs: [RasterID]?
    var profile: String?

    enum CodingKeys: String, CodingKey { case creationOptions = "creation_options", rasterIDs = "raster_ids", profile }
}

/// The body of `POST DC/point_clouds/optimized/`.
struct OptimizedPointCloudsCreateBody: Encodable, Sendable {
    var pointCloudIDs: [PointCloudID]?
    enum CodingKeys: String, CodingKey { case pointCloudIDs = "point_cloud_ids" }
}

/// The body of `POST DC/…/optimized/run`: `retry_failed` and, when given, the ids under `idsKey`.
struct OptimizationRunBody: Encodable, Sendable {
    var retryFailed: Bool
    var idsKey: String
    var ids: [Int]?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(retryFailed, forKey: Key("retry_failed"))
        try container.encodeIfPresent(ids, forKey: Key(idsKey))
    }
}

/// `{"group_job": {…}}`: the answer of an optimization run.
struct GroupJobResponse: Decodable, Sendable {
    var groupJob: JobGroup
    enum CodingKeys: String, CodingKey { case groupJob = "group_job" }
}

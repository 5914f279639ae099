public import Foundation

/// The image layer of a Feature service.
public struct ArcGISImageLayerOptions: Codable, Hashable, Sendable {
    /// Image fields to publish; `nil` publishes the server's default set.
    public var includeFields: [String]?
    public var enableOrientedImagery: Bool
    public var enableImagesAsAttachments: Bool
    public var imageProcessedType: ImageProcessedType

    public init(
        includeFields: [String]? = nil, enableOrientedImagery: Bool = false, enableImagesAsAttachments: Bool = false,
        imageProcessedType: ImageProcessedType = .blurred
    ) {
        self.includeFields = includeFields
        self.enableOrientedImagery = enableOrientedImagery
        self.enableImagesAsAttachments = enableImagesAsAttachments
        self.imageProcessedType = imageProcessedType
    }

    enum CodingKeys: String, CodingKey {
        case includeFields = "include_fields", enableOrientedImagery = "enable_oriented_imagery"
        case enableImagesAsAttachments = "enable_images_as_attachments", imageProcessedType = "image_processed_type"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        includeFields = try c.decodeIfPresent([String].self, forKey: .includeFields)
        enableOrientedImagery = try c.decodeIfPresent(Bool.self, forKey: .enableOrientedImagery) ?? false
        enableImagesAsAttachments = try c.decodeIfPresent(Bool.self, forKey: .enableImagesAsAttachments) ?? false
        imageProcessedType = try c.decodeIfPresent(ImageProcessedType.self, forKey: .imageProcessedType) ?? .blurred
    }
}

/// The project layer of a Feature service.
public struct ArcGISProjectLayerOptions: Codable, Hashable, Sendable {
    /// Project fields to publish; `nil` publishes the server's default set.
    public var includeFields: [String]?

    public init(includeFields: [String]? = nil) { self.includeFields = includeFields }

    enum CodingKeys: String, CodingKey { case includeFields = "include_fields" }
}

/// What a Feature service publishes of its image collections.
public struct ArcGISFeatureServiceOptions: Codable, Hashable, Sendable {
    public var imageLayer: ArcGISImageLayerOptions
    public var projectLayer: ArcGISProjectLayerOptions?

    public init(imageLayer: ArcGISImageLayerOptions = ArcGISImageLayerOptions(), projectLayer: ArcGISProjectLayerOptions? = nil) {
        self.imageLayer = imageLayer
        self.projectLayer = projectLayer
    }

    enum CodingKeys: String, CodingKey { case imageLayer = "image_layer", projectLayer = "project_layer" }
}

/// The WMS endpoint of an Image service.
public struct ArcGISWMSOptions: Codable, Hashable, Sendable {
    public var enable: Bool
    public var supportedSRIDs: [Int]?
    public var abstract: String?
    public var keywords: [String]?
    public var title: String?

    public init(enable: Bool = true, supportedSRIDs: [Int]? = nil, abstract: String? = nil, keywords: [String]? = nil, title: String? = nil) {
        self.enable = enable
        self.supportedSRIDs = supportedSRIDs
        self.abstract = abstract
        self.keywords = keywords
        self.title = title
    }

    enum CodingKeys: String, CodingKey { case enable, supportedSRIDs = "supported_srids", abstract, keywords, title }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enable = try c.decodeIfPresent(Bool.self, forKey: .enable) ?? true
        supportedSRIDs = try c.decodeIfPresent([Int].self, forKey: .supportedSRIDs)
        abstract = try c.decodeIfPresent(String.self, forKey: .abstract)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        title = try c.decodeIfPresent(String.self, forKey: .title)
    }
}

/// What an Image service publishes of its raster collections.
public struct ArcGISImageServiceOptions: Codable, Hashable, Sendable {
    /// The spatial reference the service is published in (an EPSG code).
    public var defaultServiceSRID: Int
    public var wmsOptions: ArcGISWMSOptions?

    public init(defaultServiceSRID: Int, wmsOptions: ArcGISWMSOptions? = nil) {
        self.defaultServiceSRID = defaultServiceSRID
        self.wmsOptions = wmsOptions
    }

    enum CodingKeys: String, CodingKey { case defaultServiceSRID = "default_service_srid", wmsOptions = "wms_options" }
}

/// The options of an ArcGIS service: who it is shared with and the block of its type (Feature
/// services take ``featureServiceOptions``, Image services ``imageServiceOptions``).
public struct ArcGISServiceOptions: Codable, Hashable, Sendable {
    /// GeoData Online users to share the service with (see ``PixelAsyncClient/listGDOUsers()``).
    public var gdoUsers: [String]?
    public var featureServiceOptions: ArcGISFeatureServiceOptions?
    public var imageServiceOptions: ArcGISImageServiceOptions?

    public init(
        gdoUsers: [String]? = nil, featureServiceOptions: ArcGISFeatureServiceOptions? = nil, imageServiceOptions: ArcGISImageServiceOptions? = nil
    ) {
        self.gdoUsers = gdoUsers
        self.featureServiceOptions = featureServiceOptions
        self.imageServiceOptions = imageServiceOptions
    }

    /// Options of a Feature service.
    public static func feature(_ options: ArcGISFeatureServiceOptions = ArcGISFeatureServiceOptions(), gdoUsers: [String]? = nil) -> Self {
        ArcGISServiceOptions(gdoUsers: gdoUsers, featureServiceOptions: options)
    }

    /// Options of an Image service.
    public static func image(_ options: ArcGISImageServiceOptions, gdoUsers: [String]? = nil) -> Self {
        ArcGISServiceOptions(gdoUsers: gdoUsers, imageServiceOptions: options)
    }

    enum CodingKeys: String, CodingKey {
        case gdoUsers = "gdo_users", featureServiceOptions = "feature_service_options", imageServiceOptions = "image_service_options"
    }

    /// Why these options do not fit a service of `type`, or `nil` when they do.
    func mismatch(for type: ArcGISServiceType, creating: Bool) -> String? {
        switch type {
        case .feature where imageServiceOptions != nil: "A Feature service takes featureServiceOptions, not imageServiceOptions."
        case .image where featureServiceOptions != nil: "An Image service takes imageServiceOptions, not featureServiceOptions."
        case .feature where creating && featureServiceOptions == nil: "A new Feature service needs featureServiceOptions."
        case .image where creating && imageServiceOptions == nil: "A new Image service needs imageServiceOptions."
        default: nil
        }
    }
}

/// An ArcGIS Feature or Image service publishing data collections to GeoData Online.
public struct ArcGISService: Codable, Hashable, Sendable, Identifiable {
    public var id: ArcGISServiceID
    public var name: String?
    public var description: String?
    public var serviceType: ArcGISServiceType?
    public var dataCollectionIDs: [DataCollectionID]?
    public var options: ArcGISServiceOptions?
    /// `stopped`, `starting`, `running`, `stopping`, … as the server reports it.
    public var status: String?
    /// The job of the last start, stop or refresh.
    public var jobID: JobID?
    /// Where the service is published.
    public var url: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var startedAt: Date?
    public var lastRefreshedAt: Date?
    public var dataRefreshedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, description, options, status, url
        case serviceType = "service_type", dataCollectionIDs = "data_collection_ids", jobID = "job_id"
        case createdAt = "created_at", updatedAt = "updated_at", startedAt = "started_at"
        case lastRefreshedAt = "last_refreshed_at", dataRefreshedAt = "data_refreshed_at"
    }
}

/// The body of `POST /arcgis_services/{type}/`.
///
/// ```swift
/// let create = ArcGISServiceCreate(name: "Roads 2026", description: "", dataCollectionIDs: [7], options: .feature())
/// let service = try await client.createArcGISService(.feature, create)
/// ```
public struct ArcGISServiceCreate: Encodable, Hashable, Sendable {
    public var name: String
    public var description: String
    /// At least one data collection: image collections for Feature services, raster ones for Image services.
    public var dataCollectionIDs: [DataCollectionID]
    public var options: ArcGISServiceOptions

    public init(name: String, description: String, dataCollectionIDs: [DataCollectionID], options: ArcGISServiceOptions) {
        self.name = name
        self.description = description
        self.dataCollectionIDs = dataCollectionIDs
        self.options = options
    }

    enum CodingKeys: String, CodingKey { case name, description, options, dataCollectionIDs = "data_collection_ids" }
}

/// The body of `PUT /arcgis_services/{type}/{id}`: only set fields are sent, and at least one
/// must be set.
public struct ArcGISServiceUpdate: Encodable, Hashable, Sendable {
    public var name: String?
    public var description: String?
    /// Replaces the published data collections (at least one).
    public var dataCollectionIDs: [DataCollectionID]?
    /// Replaces the options blocks it sets.
    public var options: ArcGISServiceOptions?

    public init(name: String? = nil, description: String? = nil, dataCollectionIDs: [DataCollectionID]? = nil, options: ArcGISServiceOptions? = nil) {
        self.name = name
        self.description = description
        self.dataCollectionIDs = dataCollectionIDs
        self.options = options
    }

    enum CodingKeys: String, CodingKey { case name, description, options, dataCollectionIDs = "data_collection_ids" }

    var isEmpty: Bool { name == nil && description == nil && dataCollectionIDs == nil && options == nil }
}

/// What a start, stop or refresh of an ArcGIS service did.
///
/// With a wait, ``job`` is the finished job and ``service`` the service read after it; without,
/// both are what the server answered. ``job`` is `nil` when there was nothing to do (starting a
/// running service).
public struct ArcGISServiceChange: Codable, Hashable, Sendable {
    public var job: Job?
    public var service: ArcGISService?

    public init(job: Job?, service: ArcGISService?) {
        self.job = job
        self.service = service
    }

    enum CodingKeys: String, CodingKey { case job, service = "arcgis_service" }
}

public import Foundation

/// Typed metadata of an image (`fields_type: "image"`). Unset fields are not sent.
public struct ImageMetadataFields: Codable, Hashable, Sendable {
    public var imageType: String?
    public var name: String?
    /// A GeoJSON geometry (usually a Point).
    public var location: JSONValue?
    public var camHeading: Double?
    public var camPitch: Double?
    public var camRoll: Double?
    public var hfov: Double?
    public var vfov: Double?
    public var farDist: Double?
    public var nearDist: Double?
    public var camHeight: Double?
    public var imgRotation: Double?
    public var focalLength: Double?
    public var captureDate: Date?
    public var camOrientation: String?
    public var radial: String?

    public init(
        imageType: String? = nil, name: String? = nil, location: JSONValue? = nil, camHeading: Double? = nil, camPitch: Double? = nil,
        camRoll: Double? = nil, hfov: Double? = nil, vfov: Double? = nil, farDist: Double? = nil, nearDist: Double? = nil,
        camHeight: Double? = nil, imgRotation: Double? = nil, focalLength: Double? = nil, captureDate: Date? = nil,
        camOrientation: String? = nil, radial: String? = nil
    ) {
        self.imageType = imageType
        self.name = name
        self.location = location
        self.camHeading = camHeading
        self.camPitch = camPitch
        self.camRoll = camRoll
        self.hfov = hfov
        self.vfov = vfov
        self.farDist = farDist
        self.nearDist = nearDist
        self.camHeight = camHeight
        self.imgRotation = imgRotation
        self.focalLength = focalLength
        self.captureDate = captureDate
        self.camOrientation = camOrientation
        self.radial = radial
    }

    enum CodingKeys: String, CodingKey {
        case fieldsType = "fields_type", imageType = "image_type", name, location
        case camHeading = "cam_heading", camPitch = "cam_pitch", camRoll = "cam_roll", hfov, vfov
        case farDist = "far_dist", nearDist = "near_dist", camHeight = "cam_height", imgRotation = "img_rotation"
        case focalLength = "focal_length", captureDate = "capture_date", camOrientation = "cam_orientation", radial
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            imageType: try c.decodeIfPresent(String.self, forKey: .imageType), name: try c.decodeIfPresent(String.self, forKey: .name),
            location: try c.decodeIfPresent(JSONValue.self, forKey: .location),
            camHeading: try c.decodeIfPresent(Double.self, forKey: .camHeading), camPitch: try c.decodeIfPresent(Double.self, forKey: .camPitch),
            camRoll: try c.decodeIfPresent(Double.self, forKey: .camRoll), hfov: try c.decodeIfPresent(Double.self, forKey: .hfov),
            vfov: try c.decodeIfPresent(Double.self, forKey: .vfov), farDist: try c.decodeIfPresent(Double.self, forKey: .farDist),
            nearDist: try c.decodeIfPresent(Double.self, forKey: .nearDist), camHeight: try c.decodeIfPresent(Double.self, forKey: .camHeight),
            imgRotation: try c.decodeIfPresent(Double.self, forKey: .imgRotation),
            focalLength: try c.decodeIfPresent(Double.self, forKey: .focalLength),
            captureDate: try c.decodeIfPresent(Date.self, forKey: .captureDate),
            camOrientation: try c.decodeIfPresent(String.self, forKey: .camOrientation), radial: try c.decodeIfPresent(String.self, forKey: .radial))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("image", forKey: .fieldsType)
        try c.encodeIfPresent(imageType, forKey: .imageType)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(camHeading, forKey: .camHeading)
        try c.encodeIfPresent(camPitch, forKey: .camPitch)
        try c.encodeIfPresent(camRoll, forKey: .camRoll)
        try c.encodeIfPresent(hfov, forKey: .hfov)
        try c.encodeIfPresent(vfov, forKey: .vfov)
        try c.encodeIfPresent(farDist, forKey: .farDist)
        try c.encodeIfPresent(nearDist, forKey: .nearDist)
        try c.encodeIfPresent(camHeight, forKey: .camHeight)
        try c.encodeIfPresent(imgRotation, forKey: .imgRotation)
        try c.encodeIfPresent(focalLength, forKey: .focalLength)
        try c.encodeIfPresent(captureDate, forKey: .captureDate)
        try c.encodeIfPresent(camOrientation, forKey: .camOrientation)
        try c.encodeIfPresent(radial, forKey: .radial)
    }
}

/// Typed metadata of a raster or point cloud (`fields_type: "raster"` / `"point_cloud"`).
public struct BasicMetadataFields: Codable, Hashable, Sendable {
    /// `raster` or `point_cloud`.
    public var fieldsType: ResourceKind
    public var name: String?
    public var captureDate: Date?

    public init(fieldsType: ResourceKind, name: String? = nil, captureDate: Date? = nil) {
        self.fieldsType = fieldsType
        self.name = name
        self.captureDate = captureDate
    }

    enum CodingKeys: String, CodingKey { case fieldsType = "fields_type", name, captureDate = "capture_date" }
}

/// One of the three metadata field sets, told apart by `fields_type`.
public enum MetadataFields: Codable, Hashable, Sendable {
    case image(ImageMetadataFields)
    case raster(name: String? = nil, captureDate: Date? = nil)
    case pointCloud(name: String? = nil, captureDate: Date? = nil)

    public init(from decoder: any Decoder) throws {
        let basic = try BasicMetadataFields(from: decoder)
        switch basic.fieldsType {
        case .image: self = .image(try ImageMetadataFields(from: decoder))
        case .raster: self = .raster(name: basic.name, captureDate: basic.captureDate)
        case .pointCloud: self = .pointCloud(name: basic.name, captureDate: basic.captureDate)
        case .unknown(let other):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown fields_type \(other)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .image(let fields): try fields.encode(to: encoder)
        case .raster(let name, let date): try BasicMetadataFields(fieldsType: .raster, name: name, captureDate: date).encode(to: encoder)
        case .pointCloud(let name, let date):
            try BasicMetadataFields(fieldsType: .pointCloud, name: name, captureDate: date).encode(to: encoder)
        }
    }
}

/// `MetadataObject`: typed fields and/or free-form JSON metadata. Used by uploads and by
/// `getImageMetadata`.
public struct MetadataObject: Codable, Hashable, Sendable {
    public var fields: MetadataFields?
    /// Free-form metadata: values are strings, numbers or null.
    public var jsonMetadata: [String: JSONValue]?

    public init(fields: MetadataFields? = nil, jsonMetadata: [String: JSONValue]? = nil) {
        self.fields = fields
        self.jsonMetadata = jsonMetadata
    }

    enum CodingKeys: String, CodingKey { case fields, jsonMetadata = "json_metadata" }
}

/// The body of `PUT …/images|rasters|point_clouds/{id}`: tags, JSON metadata and typed fields.
/// At least one must be set; use the matching `MetadataFields` case for the resource.
public struct ResourceUpdate: Encodable, Sendable {
    public var addTags: [String]?
    public var removeTags: [String]?
    public var jsonMetadata: [String: JSONValue]?
    public var fields: MetadataFields?

    public init(addTags: [String]? = nil, removeTags: [String]? = nil, jsonMetadata: [String: JSONValue]? = nil, fields: MetadataFields? = nil) {
        self.addTags = addTags
        self.removeTags = removeTags
        self.jsonMetadata = jsonMetadata
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case fields
        case addTags = "add_tags", removeTags = "remove_tags", jsonMetadata = "json_metadata"
    }

    var isEmpty: Bool { addTags == nil && removeTags == nil && jsonMetadata == nil && fields == nil }
}

public typealias ImageUpdate = ResourceUpdate
public typealias RasterUpdate = ResourceUpdate
public typealias PointCloudUpdate = ResourceUpdate

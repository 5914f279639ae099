// Closed API string sets with a forward-compatible `unknown` case (see ``PixelOpenEnum``).

/// What a data collection holds (`data_collection_type`).
public enum DataCollectionType: PixelOpenEnum {
    /// `image`
    case image
    /// `raster`
    case raster
    /// `RGB`
    case rgb
    /// `DTM`
    case dtm
    /// `DSM`
    case dsm
    /// `point_cloud`
    case pointCloud
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "image": self = .image
        case "raster": self = .raster
        case "RGB": self = .rgb
        case "DTM": self = .dtm
        case "DSM": self = .dsm
        case "point_cloud": self = .pointCloud
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .image: "image"
        case .raster: "raster"
        case .rgb: "RGB"
        case .dtm: "DTM"
        case .dsm: "DSM"
        case .pointCloud: "point_cloud"
        case .unknown(let value): value
        }
    }
}

/// Raster file formats (`RasterListParams.format`).
public enum RasterFormat: PixelOpenEnum {
    /// `GTiff`
    case gtiff
    /// `JPEG`
    case jpeg
    /// `PNG`
    case png
    /// `WEBP`
    case webp
    /// `MRF`
    case mrf
    /// `PDF`
    case pdf
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "GTiff": self = .gtiff
        case "JPEG": self = .jpeg
        case "PNG": self = .png
        case "WEBP": self = .webp
        case "MRF": self = .mrf
        case "PDF": self = .pdf
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .gtiff: "GTiff"
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WEBP"
        case .mrf: "MRF"
        case .pdf: "PDF"
        case .unknown(let value): value
        }
    }
}

/// Point-cloud file formats.
public enum PointCloudFormat: PixelOpenEnum {
    /// `LAZ`
    case laz
    /// `LAS`
    case las
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "LAZ": self = .laz
        case "LAS": self = .las
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .laz: "LAZ"
        case .las: "LAS"
        case .unknown(let value): value
        }
    }
}

/// The role of an OIDC user.
public enum UserType: PixelOpenEnum {
    /// `creator`
    case creator
    /// `superuser`
    case superuser
    /// `viewer`
    case viewer
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "creator": self = .creator
        case "superuser": self = .superuser
        case "viewer": self = .viewer
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .creator: "creator"
        case .superuser: "superuser"
        case .viewer: "viewer"
        case .unknown(let value): value
        }
    }
}

/// The status of a job (`GET /jobs/{id}`). The API documents only `completed`; these are the values seen.
public enum JobStatus: PixelOpenEnum {
    /// `pending`
    case pending
    /// `submitted`
    case submitted
    /// `in_progress`
    case inProgress
    /// `completed`
    case completed
    /// `success`
    case success
    /// `failed`
    case failed
    /// `error`
    case error
    /// `cancelled`
    case cancelled
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "submitted": self = .submitted
        case "in_progress": self = .inProgress
        case "completed": self = .completed
        case "success": self = .success
        case "failed": self = .failed
        case "error": self = .error
        case "cancelled": self = .cancelled
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .submitted: "submitted"
        case .inProgress: "in_progress"
        case .completed: "completed"
        case .success: "success"
        case .failed: "failed"
        case .error: "error"
        case .cancelled: "cancelled"
        case .unknown(let value): value
        }
    }
}

/// The status of an upload job: in progress, success (`validated_and_moved`) or failure.
public enum UploadJobStatus: PixelOpenEnum {
    /// `lobby`
    case lobby
    /// `validating`
    case validating
    /// `submitted`
    case submitted
    /// `validated`
    case validated
    /// `validated_and_moved`
    case validatedAndMoved
    /// `failed`
    case failed
    /// `invalid`
    case invalid
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "lobby": self = .lobby
        case "validating": self = .validating
        case "submitted": self = .submitted
        case "validated": self = .validated
        case "validated_and_moved": self = .validatedAndMoved
        case "failed": self = .failed
        case "invalid": self = .invalid
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .lobby: "lobby"
        case .validating: "validating"
        case .submitted: "submitted"
        case .validated: "validated"
        case .validatedAndMoved: "validated_and_moved"
        case .failed: "failed"
        case .invalid: "invalid"
        case .unknown(let value): value
        }
    }
}

/// What a search runs on (`on`).
public enum SearchTarget: PixelOpenEnum {
    /// `images`
    case images
    /// `rasters`
    case rasters
    /// `point_clouds`
    case pointClouds
    /// `projects`
    case projects
    /// `data_collections`
    case dataCollections
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "images": self = .images
        case "rasters": self = .rasters
        case "point_clouds": self = .pointClouds
        case "projects": self = .projects
        case "data_collections": self = .dataCollections
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .images: "images"
        case .rasters: "rasters"
        case .pointClouds: "point_clouds"
        case .projects: "projects"
        case .dataCollections: "data_collections"
        case .unknown(let value): value
        }
    }
}

/// Whether an attachment's bytes have arrived.
public enum AttachmentStatus: PixelOpenEnum {
    /// `Pending`
    case pending
    /// `Completed`
    case completed
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "Pending": self = .pending
        case "Completed": self = .completed
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .pending: "Pending"
        case .completed: "Completed"
        case .unknown(let value): value
        }
    }
}

/// What an attachment hangs on.
public enum AttachmentResourceType: PixelOpenEnum {
    /// `project`
    case project
    /// `data_collection`
    case dataCollection
    /// `image`
    case image
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "project": self = .project
        case "data_collection": self = .dataCollection
        case "image": self = .image
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .project: "project"
        case .dataCollection: "data_collection"
        case .image: "image"
        case .unknown(let value): value
        }
    }
}

/// The kind of resource an upload produced (`result.resource_name`).
public enum ResourceKind: PixelOpenEnum {
    /// `image`
    case image
    /// `raster`
    case raster
    /// `point_cloud`
    case pointCloud
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "image": self = .image
        case "raster": self = .raster
        case "point_cloud": self = .pointCloud
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .image: "image"
        case .raster: "raster"
        case .pointCloud: "point_cloud"
        case .unknown(let value): value
        }
    }
}

extension UploadJobStatus {
    /// Still moving (`lobby`, `validating`, `submitted`, `validated`).
    public var isInProgress: Bool {
        switch self {
        case .lobby, .validating, .submitted, .validated: true
        default: false
        }
    }

    /// Finished successfully (`validated_and_moved`).
    public var isSuccess: Bool { self == .validatedAndMoved }
}

extension JobStatus {
    /// A status that means the job did not succeed.
    public var isFailure: Bool {
        switch self {
        case .failed, .error, .cancelled: true
        case .unknown(let value):
            ["failed", "failure", "error", "revoked", "cancelled", "canceled"].contains(value.lowercased())
        default: false
        }
    }
}

extension DataCollectionType {
    /// Data-collection types that hold rasters (`raster`, `RGB`, `DTM`, `DSM`).
    public var holdsRasters: Bool { [.raster, .rgb, .dtm, .dsm].contains(self) }
}

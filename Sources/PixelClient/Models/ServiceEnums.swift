// Closed API string sets of the optimization, ArcGIS, harvest and analysis endpoints, with a
// forward-compatible `unknown` case (see ``PixelOpenEnum``).

/// The state of an optimization or a harvest task.
public enum ProcessingStatus: PixelOpenEnum {
    /// `pending`
    case pending
    /// `submitted`
    case submitted
    /// `in_progress`
    case inProgress
    /// `completed`
    case completed
    /// `failed`
    case failed
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "pending": self = .pending
        case "submitted": self = .submitted
        case "in_progress": self = .inProgress
        case "completed": self = .completed
        case "failed": self = .failed
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .submitted: "submitted"
        case .inProgress: "in_progress"
        case .completed: "completed"
        case .failed: "failed"
        case .unknown(let value): value
        }
    }
}

/// How nearblack finds collar pixels when a raster is optimized.
public enum NearblackAlgorithm: PixelOpenEnum {
    /// `floodfill`
    case floodfill
    /// `twopasses`
    case twoPasses
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "floodfill": self = .floodfill
        case "twopasses": self = .twoPasses
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .floodfill: "floodfill"
        case .twoPasses: "twopasses"
        case .unknown(let value): value
        }
    }
}

/// How the overviews of an optimized raster are resampled.
public enum OverviewResampling: PixelOpenEnum {
    /// `nearest`
    case nearest
    /// `bilinear`
    case bilinear
    /// `cubic`
    case cubic
    /// `cubic_spline`
    case cubicSpline
    /// `lanczos`
    case lanczos
    /// `average`
    case average
    /// `mode`
    case mode
    /// `gauss`
    case gauss
    /// `rms`
    case rms
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "nearest": self = .nearest
        case "bilinear": self = .bilinear
        case "cubic": self = .cubic
        case "cubic_spline": self = .cubicSpline
        case "lanczos": self = .lanczos
        case "average": self = .average
        case "mode": self = .mode
        case "gauss": self = .gauss
        case "rms": self = .rms
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .nearest: "nearest"
        case .bilinear: "bilinear"
        case .cubic: "cubic"
        case .cubicSpline: "cubic_spline"
        case .lanczos: "lanczos"
        case .average: "average"
        case .mode: "mode"
        case .gauss: "gauss"
        case .rms: "rms"
        case .unknown(let value): value
        }
    }
}

/// What an ArcGIS service publishes: a Feature service (image collections) or an Image service (raster collections).
public enum ArcGISServiceType: PixelOpenEnum {
    /// `Feature`
    case feature
    /// `Image`
    case image
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "Feature": self = .feature
        case "Image": self = .image
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .feature: "Feature"
        case .image: "Image"
        case .unknown(let value): value
        }
    }
}

/// Which version of each image a Feature service shows.
public enum ImageProcessedType: PixelOpenEnum {
    /// `original`
    case original
    /// `blurred`
    case blurred
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "original": self = .original
        case "blurred": self = .blurred
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .original: "original"
        case .blurred: "blurred"
        case .unknown(let value): value
        }
    }
}

/// The state of an analysis task.
public enum AnalysisTaskStatus: PixelOpenEnum {
    /// `REVOKED`
    case revoked
    /// `PENDING`
    case pending
    /// `SCHEDULED`
    case scheduled
    /// `RUNNING`
    case running
    /// `SUCCESS`
    case success
    /// `FAILED`
    case failed
    /// A value this client version does not know.
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "REVOKED": self = .revoked
        case "PENDING": self = .pending
        case "SCHEDULED": self = .scheduled
        case "RUNNING": self = .running
        case "SUCCESS": self = .success
        case "FAILED": self = .failed
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .revoked: "REVOKED"
        case .pending: "PENDING"
        case .scheduled: "SCHEDULED"
        case .running: "RUNNING"
        case .success: "SUCCESS"
        case .failed: "FAILED"
        case .unknown(let value): value
        }
    }
}

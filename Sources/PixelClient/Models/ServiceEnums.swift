// Closed API string sets of the optimization, ArcGIS, harvest and analysis endpoints, with a
// forward-compatible `unknown` case (see ``TabulatedOpenEnum``).

/// The state of an optimization or a harvest task.
///
/// API strings: `pending`, `submitted`, `in_progress`, `completed`, `failed`.
public enum ProcessingStatus: TabulatedOpenEnum {
    case pending, submitted, inProgress, completed, failed
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(ProcessingStatus, String)] = [(.pending, "pending"), (.submitted, "submitted"), (.inProgress, "in_progress"), (.completed, "completed"), (.failed, "failed")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

/// How nearblack finds collar pixels when a raster is optimized.
///
/// API strings: `floodfill`, `twopasses`.
public enum NearblackAlgorithm: TabulatedOpenEnum {
    case floodfill, twoPasses
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(NearblackAlgorithm, String)] = [(.floodfill, "floodfill"), (.twoPasses, "twopasses")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

/// How the overviews of an optimized raster are resampled.
///
/// API strings: `nearest`, `bilinear`, `cubic`, `cubic_spline`, `lanczos`, `average`, `mode`, `gauss`, `rms`.
public enum OverviewResampling: TabulatedOpenEnum {
    case nearest, bilinear, cubic, cubicSpline, lanczos, average, mode, gauss, rms
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(OverviewResampling, String)] = [(.nearest, "nearest"), (.bilinear, "bilinear"), (.cubic, "cubic"), (.cubicSpline, "cubic_spline"), (.lanczos, "lanczos"), (.average, "average"), (.mode, "mode"), (.gauss, "gauss"), (.rms, "rms")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

/// What an ArcGIS service publishes: a Feature service (image collections) or an Image service (raster collections).
///
/// API strings: `Feature`, `Image`.
public enum ArcGISServiceType: TabulatedOpenEnum {
    case feature, image
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(ArcGISServiceType, String)] = [(.feature, "Feature"), (.image, "Image")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

/// Which version of each image a Feature service shows.
///
/// API strings: `original`, `blurred`.
public enum ImageProcessedType: TabulatedOpenEnum {
    case original, blurred
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(ImageProcessedType, String)] = [(.original, "original"), (.blurred, "blurred")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

/// The state of an analysis task.
///
/// API strings: `REVOKED`, `PENDING`, `SCHEDULED`, `RUNNING`, `SUCCESS`, `FAILED`.
public enum AnalysisTaskStatus: TabulatedOpenEnum {
    case revoked, pending, scheduled, running, success, failed
    /// A value this client version does not know.
    case unknown(String)

    public static let knownCases: [(AnalysisTaskStatus, String)] = [(.revoked, "REVOKED"), (.pending, "PENDING"), (.scheduled, "SCHEDULED"), (.running, "RUNNING"), (.success, "SUCCESS"), (.failed, "FAILED")]
    public var unknownValue: String? { if case .unknown(let value) = self { value } else { nil } }
}

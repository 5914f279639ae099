/// A typed integer id: a `ProjectID` cannot be passed where an `ImageID` is expected.
///
/// Ids are integer literals, so tests and scripts stay short:
/// ```swift
/// let project: ProjectID = 42
/// let image = try await client.getImage(project: 42, dataCollection: 7, image: 1001)
/// ```
public struct PixelID<Resource>: Hashable, Comparable, Sendable, Codable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The id as the API sends it.
    public var rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            rawValue = value
        } else if let text = try? container.decode(String.self), let value = Int(text) {
            rawValue = value  // tolerate "42"
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an integer id")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// Phantom tags that make the ids distinct types.
public enum PixelResourceTag {
    public enum Project {}
    public enum DataCollection {}
    public enum Image {}
    public enum Raster {}
    public enum PointCloud {}
    public enum Job {}
    public enum JobGroup {}
    public enum UploadJob {}
    public enum Attachment {}
    public enum User {}
    public enum OptimizedRaster {}
    public enum OptimizedPointCloud {}
    public enum ArcGISService {}
    public enum HarvestService {}
    public enum HarvestTask {}
    public enum AnalysisService {}
    public enum AnalysisTask {}
}

public typealias ProjectID = PixelID<PixelResourceTag.Project>
public typealias DataCollectionID = PixelID<PixelResourceTag.DataCollection>
public typealias ImageID = PixelID<PixelResourceTag.Image>
public typealias RasterID = PixelID<PixelResourceTag.Raster>
public typealias PointCloudID = PixelID<PixelResourceTag.PointCloud>
public typealias JobID = PixelID<PixelResourceTag.Job>
public typealias JobGroupID = PixelID<PixelResourceTag.JobGroup>
public typealias UploadJobID = PixelID<PixelResourceTag.UploadJob>
public typealias AttachmentID = PixelID<PixelResourceTag.Attachment>
public typealias OptimizedRasterID = PixelID<PixelResourceTag.OptimizedRaster>
public typealias OptimizedPointCloudID = PixelID<PixelResourceTag.OptimizedPointCloud>
public typealias ArcGISServiceID = PixelID<PixelResourceTag.ArcGISService>
public typealias HarvestServiceID = PixelID<PixelResourceTag.HarvestService>
public typealias HarvestTaskID = PixelID<PixelResourceTag.HarvestTask>
public typealias AnalysisServiceID = PixelID<PixelResourceTag.AnalysisService>
public typealias AnalysisTaskID = PixelID<PixelResourceTag.AnalysisTask>

/// An OIDC user's id, an integer like every other Pixel id (`PUT /users/oidc/{id}/`).
public typealias UserID = PixelID<PixelResourceTag.User>

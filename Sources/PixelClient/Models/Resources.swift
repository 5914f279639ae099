public import Foundation

/// An image in an image data collection.
public struct Image: Codable, Hashable, Sendable, Identifiable {
    public var id: ImageID
    public var name: String?
    public var fileName: String?
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var tags: [String]?
    public var md5: String?
    public var size: Int?
    public var uploadJobID: UploadJobID?
    /// The typed metadata fields (`fields_type: image`), as sent by the server.
    public var fields: JSONValue?
    public var jsonMetadata: [String: JSONValue]?
    public var createdAt: Date?
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, tags, md5, size, fields
        case fileName = "file_name", projectID = "project_id", dataCollectionID = "data_collection_id"
        case uploadJobID = "upload_job_id", jsonMetadata = "json_metadata"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// A raster in a raster (`raster`, `RGB`, `DTM`, `DSM`) data collection.
public struct Raster: Codable, Hashable, Sendable, Identifiable {
    public var id: RasterID
    public var name: String?
    public var fileName: String?
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var format: RasterFormat?
    public var tags: [String]?
    public var md5: String?
    public var size: Int?
    public var uploadJobID: UploadJobID?
    public var fields: JSONValue?
    public var jsonMetadata: [String: JSONValue]?
    public var createdAt: Date?
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, tags, md5, size, fields, format
        case fileName = "file_name", projectID = "project_id", dataCollectionID = "data_collection_id"
        case uploadJobID = "upload_job_id", jsonMetadata = "json_metadata"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// A point cloud (LAS/LAZ) in a point-cloud data collection.
public struct PointCloud: Codable, Hashable, Sendable, Identifiable {
    public var id: PointCloudID
    public var name: String?
    public var fileName: String?
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var format: PointCloudFormat?
    public var pointRecordFormat: Int?
    public var versionMajor: Int?
    public var versionMinor: Int?
    public var tags: [String]?
    public var md5: String?
    public var size: Int?
    public var uploadJobID: UploadJobID?
    public var fields: JSONValue?
    public var jsonMetadata: [String: JSONValue]?
    public var createdAt: Date?
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, tags, md5, size, fields, format
        case fileName = "file_name", projectID = "project_id", dataCollectionID = "data_collection_id"
        case pointRecordFormat = "point_record_format", versionMajor = "version_major", versionMinor = "version_minor"
        case uploadJobID = "upload_job_id", jsonMetadata = "json_metadata"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

public import Foundation

/// One local file to upload as an image, raster or point cloud, with its support files
/// (e.g. a `.tfw` world file) and typed metadata (pixel-client's `PixelUploadFile`).
///
/// The server knows the file by its **base name**, so base names must be unique within one call.
///
/// ```swift
/// let file = UploadFile(
///     "/data/ortho/tile_7.tif", supportFiles: ["/data/ortho/tile_7.tfw"],
///     metadata: MetadataObject(fields: .raster(name: "Tile 7"), jsonMetadata: ["flight": .string("F12")]))
/// ```
public struct UploadFile: Sendable, Hashable {
    /// The file to upload (a `file://` URL).
    public var url: URL
    /// Files sent along with it, each by presigned POST after the main file.
    public var supportFiles: [URL]
    /// Typed fields and free-form JSON metadata, sent in the file's descriptor.
    public var metadata: MetadataObject?

    public init(_ url: URL, supportFiles: [URL] = [], metadata: MetadataObject? = nil) {
        self.url = url
        self.supportFiles = supportFiles
        self.metadata = metadata
    }

    /// From paths (relative paths resolve against the current directory).
    public init(_ path: String, supportFiles: [String] = [], metadata: MetadataObject? = nil) {
        self.init(URL(fileURLWithPath: path), supportFiles: supportFiles.map { URL(fileURLWithPath: $0) }, metadata: metadata)
    }

    /// The name the server knows the file by.
    public var name: String { url.lastPathComponent }
}

/// One local file to attach to a project, data collection or image (pixel-client's
/// `PixelAttachmentUpload`).
///
/// ```swift
/// let report = AttachmentUpload("/tmp/report.pdf", description: "Flight report")
/// ```
public struct AttachmentUpload: Sendable, Hashable {
    public var url: URL
    /// The attachment's name; the file's base name by default. Unique within one call.
    public var name: String
    public var description: String

    public init(_ url: URL, name: String? = nil, description: String = "") {
        self.url = url
        self.name = name ?? url.lastPathComponent
        self.description = description
    }

    public init(_ path: String, name: String? = nil, description: String = "") {
        self.init(URL(fileURLWithPath: path), name: name, description: description)
    }
}

/// What an attachment hangs on (`resource_type` + `resource_id`).
///
/// ```swift
/// let attachments = try await client.listAttachments(.project(42))
/// ```
public struct AttachmentTarget: Sendable, Hashable, CustomStringConvertible {
    public var resourceType: AttachmentResourceType
    public var resourceID: Int

    public init(resourceType: AttachmentResourceType, resourceID: Int) {
        self.resourceType = resourceType
        self.resourceID = resourceID
    }

    public static func project(_ id: ProjectID) -> AttachmentTarget { .init(resourceType: .project, resourceID: id.rawValue) }
    public static func dataCollection(_ id: DataCollectionID) -> AttachmentTarget {
        .init(resourceType: .dataCollection, resourceID: id.rawValue)
    }
    public static func image(_ id: ImageID) -> AttachmentTarget { .init(resourceType: .image, resourceID: id.rawValue) }

    public var description: String { "\(resourceType.rawValue) \(resourceID)" }
}

extension URL {
    /// The file-system path, without percent-encoding.
    var filePath: String { path(percentEncoded: false) }
}

public import Foundation

/// A project: a named area of interest that holds data collections and child projects.
public struct Project: Codable, Hashable, Sendable, Identifiable {
    public var id: ProjectID
    public var name: String
    public var description: String?
    public var areaOfInterest: GeoJSONPolygon?
    public var parentProjectID: ProjectID?
    public var tags: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var deletedAt: Date?
    /// With `getProject(_:extended: true)`: the child projects.
    public var children: [Project]?
    /// With `getProject(_:extended: true)`: the data collections.
    public var dataCollections: [DataCollection]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, tags, children
        case areaOfInterest = "area_of_interest", parentProjectID = "parent_project_id"
        case createdAt = "created_at", updatedAt = "updated_at", deletedAt = "deleted_at"
        case dataCollections = "data_collections"
    }
}

/// The body of `POST /projects/`.
///
/// Unlike Python, a parent id of `0` is sent as given; `nil` means "top level".
public struct ProjectCreate: Encodable, Sendable {
    public var name: String
    public var description: String
    public var areaOfInterest: GeoJSONPolygon
    public var parentProjectID: ProjectID?
    public var tags: [String]?

    public init(name: String, description: String, areaOfInterest: GeoJSONPolygon, parentProjectID: ProjectID? = nil, tags: [String]? = nil) {
        self.name = name
        self.description = description
        self.areaOfInterest = areaOfInterest
        self.parentProjectID = parentProjectID
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case name, description, tags
        case areaOfInterest = "area_of_interest", parentProjectID = "parent_project_id"
    }
}

/// The body of `PUT /projects/{id}`: only set fields are sent; at least one must be set.
public struct ProjectUpdate: Encodable, Sendable {
    public var name: String?
    public var description: String?
    public var areaOfInterest: GeoJSONPolygon?
    public var addTags: [String]?
    public var removeTags: [String]?

    public init(
        name: String? = nil, description: String? = nil, areaOfInterest: GeoJSONPolygon? = nil, addTags: [String]? = nil, removeTags: [String]? = nil
    ) {
        self.name = name
        self.description = description
        self.areaOfInterest = areaOfInterest
        self.addTags = addTags
        self.removeTags = removeTags
    }

    enum CodingKeys: String, CodingKey {
        case name, description
        case areaOfInterest = "area_of_interest", addTags = "add_tags", removeTags = "remove_tags"
    }

    var isEmpty: Bool { name == nil && description == nil && areaOfInterest == nil && addTags == nil && removeTags == nil }
}

/// Where `moveProject` puts a project: explicit, so `0` is never mistaken for "root".
public enum ProjectDestination: Hashable, Sendable {
    /// The top level (sent as `new_parent_id=-1`).
    case root
    /// Under another project.
    case project(ProjectID)

    var queryValue: Int {
        switch self {
        case .root: -1
        case .project(let id): id.rawValue
        }
    }
}

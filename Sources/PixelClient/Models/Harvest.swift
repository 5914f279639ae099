public import Foundation
public import Settings

/// A user name and password for the harvested service (sent in plain text; never logged or kept
/// in errors).
public struct HarvestCredentials: Encodable, Hashable, Sendable {
    public var username: String
    public var password: Secret<String>
    /// Where the service's tokens come from, when it is not the service's own token endpoint.
    public var tokenURL: String?

    public init(username: String, password: Secret<String>, tokenURL: String? = nil) {
        self.username = username
        self.password = password
        self.tokenURL = tokenURL
    }

    enum CodingKeys: String, CodingKey { case username, password, tokenURL = "token_url" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(username, forKey: .username)
        try c.encode(password.reveal(), forKey: .password)  // the wire needs the value
        try c.encodeIfPresent(tokenURL, forKey: .tokenURL)
    }
}

/// An ArcGIS API key for the harvested service (never logged or kept in errors).
public struct HarvestAPIKey: Encodable, Hashable, Sendable {
    public var apiKey: Secret<String>
    public var apiKeyItemID: String?

    public init(apiKey: Secret<String>, apiKeyItemID: String? = nil) {
        self.apiKey = apiKey
        self.apiKeyItemID = apiKeyItemID
    }

    enum CodingKeys: String, CodingKey { case apiKey = "api_key", apiKeyItemID = "api_key_item_id" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(apiKey.reveal(), forKey: .apiKey)
        try c.encodeIfPresent(apiKeyItemID, forKey: .apiKeyItemID)
    }
}

/// How a harvest service signs in to the service it harvests: credentials, an API key, or both.
public struct HarvestAuth: Encodable, Hashable, Sendable {
    public var credentials: HarvestCredentials?
    public var apiKey: HarvestAPIKey?

    public init(credentials: HarvestCredentials? = nil, apiKey: HarvestAPIKey? = nil) {
        self.credentials = credentials
        self.apiKey = apiKey
    }

    enum CodingKeys: String, CodingKey { case credentials, apiKey = "api_key" }

    var secretValues: [String] {
        [credentials?.password.reveal(), apiKey?.apiKey.reveal()].compactMap { $0 }
    }
}

/// One mapped field: `external_field` of the harvested service fills `field_name` of `model`.
public struct HarvestFieldMap: Codable, Hashable, Sendable {
    public var model: String
    public var fieldName: String
    public var externalField: String

    public init(model: String, fieldName: String, externalField: String) {
        self.model = model
        self.fieldName = fieldName
        self.externalField = externalField
    }

    enum CodingKeys: String, CodingKey { case model, fieldName = "field_name", externalField = "external_field" }
}

/// Which harvested fields go where, and which extra fields are kept.
public struct HarvestFieldMapping: Codable, Hashable, Sendable {
    public var maps: [HarvestFieldMap]?
    public var extraFields: [String]?

    public init(maps: [HarvestFieldMap]? = nil, extraFields: [String]? = nil) {
        self.maps = maps
        self.extraFields = extraFields
    }

    enum CodingKeys: String, CodingKey { case maps, extraFields = "extra_fields" }
}

/// One change to a harvest service's field maps. `add` and `update` name the external field;
/// `remove` does not, so a change the API would reject cannot be built.
public struct HarvestFieldMapChange: Encodable, Hashable, Sendable {
    /// `add`, `update` or `remove`.
    public let operation: String
    public let model: String
    public let fieldName: String
    public let externalField: String?

    /// Maps `externalField` to `fieldName` of `model`.
    public static func add(model: String, fieldName: String, externalField: String) -> Self {
        Self(operation: "add", model: model, fieldName: fieldName, externalField: externalField)
    }

    /// Maps another external field to an already mapped field.
    public static func update(model: String, fieldName: String, externalField: String) -> Self {
        Self(operation: "update", model: model, fieldName: fieldName, externalField: externalField)
    }

    /// Removes the map of a field.
    public static func remove(model: String, fieldName: String) -> Self {
        Self(operation: "remove", model: model, fieldName: fieldName, externalField: nil)
    }

    enum CodingKeys: String, CodingKey { case operation, model, fieldName = "field_name", externalField = "external_field" }
}

/// Changes to the field mapping of a harvest service.
public struct HarvestFieldMappingUpdate: Encodable, Hashable, Sendable {
    public var maps: [HarvestFieldMapChange]?
    public var addExtraFields: [String]?
    public var removeExtraFields: [String]?

    public init(maps: [HarvestFieldMapChange]? = nil, addExtraFields: [String]? = nil, removeExtraFields: [String]? = nil) {
        self.maps = maps
        self.addExtraFields = addExtraFields
        self.removeExtraFields = removeExtraFields
    }

    enum CodingKeys: String, CodingKey { case maps, addExtraFields = "add_extra_fields", removeExtraFields = "remove_extra_fields" }
}

/// A harvest service: pulls the features of an ArcGIS Feature service into a data collection.
public struct HarvestService: Codable, Hashable, Sendable, Identifiable {
    public var id: HarvestServiceID
    public var projectID: ProjectID?
    public var dataCollectionID: DataCollectionID?
    public var name: String?
    public var description: String?
    /// The Feature service harvested.
    public var url: String?
    /// Which kinds of authentication are set, as the server shows them (never a secret).
    public var auth: JSONValue?
    public var fieldMappings: HarvestFieldMapping?
    public var whereClause: String?
    /// `stopped` or `running`, as the server reports it.
    public var status: String?
    public var currentTaskID: HarvestTaskID?
    public var tags: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, description, url, auth, status, tags
        case projectID = "project_id", dataCollectionID = "data_collection_id", fieldMappings = "field_mappings"
        case whereClause = "where_clause", currentTaskID = "current_task_id", createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// One run of a harvest service.
public struct HarvestTask: Codable, Hashable, Sendable, Identifiable {
    public var id: HarvestTaskID
    public var harvestServiceID: HarvestServiceID?
    public var name: String?
    public var status: ProcessingStatus?
    public var harvestedCount: Int?
    public var startedAt: Date?
    public var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case harvestServiceID = "harvest_service_id", harvestedCount = "harvested_count", startedAt = "started_at", finishedAt = "finished_at"
    }
}

/// What a start or stop of a harvest service did: the service afterwards and the task it opened
/// or finished, as far as the server says.
public struct HarvestServiceChange: Codable, Hashable, Sendable {
    public var service: HarvestService?
    public var task: HarvestTask?

    enum CodingKeys: String, CodingKey { case service = "harvest_service", task }
}

/// The body of `POST DC/harvest_services/` (sensitive: it carries the harvest credentials).
///
/// ```swift
/// let create = HarvestServiceCreate(
///     name: "Roads", description: "", url: "https://example.com/arcgis/rest/services/Roads/FeatureServer/0",
///     auth: HarvestAuth(credentials: HarvestCredentials(username: "harvester", password: Secret(password))))
/// ```
public struct HarvestServiceCreate: Encodable, Sendable {
    public var name: String
    public var description: String
    public var url: String
    public var auth: HarvestAuth
    public var fieldMappings: HarvestFieldMapping
    public var whereClause: String

    public init(
        name: String, description: String, url: String, auth: HarvestAuth, fieldMappings: HarvestFieldMapping = HarvestFieldMapping(),
        whereClause: String = "1=1"
    ) {
        self.name = name
        self.description = description
        self.url = url
        self.auth = auth
        self.fieldMappings = fieldMappings
        self.whereClause = whereClause
    }

    enum CodingKeys: String, CodingKey { case name, description, url, auth, fieldMappings = "field_mappings", whereClause = "where_clause" }
}

/// The body of `PUT DC/harvest_services/{id}` (sensitive when it sets `auth`): only set fields
/// are sent, and at least one must be set.
public struct HarvestServiceUpdate: Encodable, Sendable {
    public var name: String?
    public var description: String?
    public var url: String?
    public var auth: HarvestAuth?
    public var whereClause: String?
    public var fieldMappings: HarvestFieldMappingUpdate?

    public init(
        name: String? = nil, description: String? = nil, url: String? = nil, auth: HarvestAuth? = nil, whereClause: String? = nil,
        fieldMappings: HarvestFieldMappingUpdate? = nil
    ) {
        self.name = name
        self.description = description
        self.url = url
        self.auth = auth
        self.whereClause = whereClause
        self.fieldMappings = fieldMappings
    }

    enum CodingKeys: String, CodingKey { case name, description, url, auth, whereClause = "where_clause", fieldMappings = "field_mappings" }

    var isEmpty: Bool { name == nil && description == nil && url == nil && auth == nil && whereClause == nil && fieldMappings == nil }
}

/// List filters for the tasks of a harvest service: the common ones, the status and whether to
/// look for new features.
public struct HarvestTaskListParams: ListParameters {
    public var common: ListParams<HarvestTaskID>
    public var status: ProcessingStatus?
    public var getNew: Bool?

    /// Only the common filters.
    public init(_ common: ListParams<HarvestTaskID>) { self.init(common, status: nil) }

    public init(_ common: ListParams<HarvestTaskID> = .init(), status: ProcessingStatus? = nil, getNew: Bool? = nil) {
        self.common = common
        self.status = status
        self.getNew = getNew
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        query["status"] = status?.rawValue
        query["get_new"] = getNew
        return Array(query)
    }
}

extension HarvestServiceCreate: SensitiveRequestBody {
    var secretValues: [String] { auth.secretValues }
}

extension HarvestServiceUpdate: SensitiveRequestBody {
    var secretValues: [String] { auth?.secretValues ?? [] }
}

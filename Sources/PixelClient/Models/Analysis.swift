public import Foundation

/// An analysis module a service can run (`object_detection`, `change_detection`, …).
public struct AnalysisModule: Codable, Hashable, Sendable {
    public var name: String
    public var description: String?
    /// A JSON Schema of the module's `config`, when the server describes it.
    public var configSchema: JSONValue?

    enum CodingKeys: String, CodingKey { case name, description, configSchema = "config_schema" }
}

/// An analysis service: a module with its configuration.
public struct AnalysisService: Codable, Hashable, Sendable, Identifiable {
    public var id: AnalysisServiceID
    public var name: String?
    public var moduleName: String?
    public var enabled: Bool?
    public var config: [String: JSONValue]?
    public var tags: [String]?
    public var createdAt: Date?
    public var updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, enabled, config, tags
        case moduleName = "module_name", createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// One run of an analysis service with its parameters.
public struct AnalysisTask: Codable, Hashable, Sendable, Identifiable {
    public var id: AnalysisTaskID
    public var serviceID: AnalysisServiceID?
    public var moduleName: String?
    public var name: String?
    public var params: [String: JSONValue]?
    /// `PENDING` when created, `SCHEDULED` once run, then `RUNNING` and `SUCCESS` or `FAILED`;
    /// `REVOKED` when revoked.
    public var status: AnalysisTaskStatus?
    /// What the task produced, once it finished.
    public var result: JSONValue?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, params, status, result
        case serviceID = "service_id", moduleName = "module_name", createdAt = "created_at", updatedAt = "updated_at"
        case startedAt = "started_at", finishedAt = "finished_at"
    }
}

/// The body of `POST /analysis/services/`.
public struct AnalysisServiceCreate: Encodable, Hashable, Sendable {
    public var name: String
    /// One of ``PixelAsyncClient/listAnalysisModules()``; it cannot be changed later.
    public var moduleName: String
    public var enabled: Bool
    public var config: [String: JSONValue]

    public init(name: String, moduleName: String, enabled: Bool = true, config: [String: JSONValue]) {
        self.name = name
        self.moduleName = moduleName
        self.enabled = enabled
        self.config = config
    }

    enum CodingKeys: String, CodingKey { case name, enabled, config, moduleName = "module_name" }
}

/// The body of `PATCH /analysis/services/{id}`: each field is kept, set or cleared (sent as
/// null). The server deep-merges `config`, so set only the keys to change.
///
/// ```swift
/// try await client.patchAnalysisService(3, AnalysisServicePatch(enabled: .set(false), config: .set(["threshold": 0.4])))
/// ```
public struct AnalysisServicePatch: Encodable, Hashable, Sendable {
    public var name: PatchField<String>
    public var enabled: PatchField<Bool>
    public var config: PatchField<[String: JSONValue]>

    public init(name: PatchField<String> = .keep, enabled: PatchField<Bool> = .keep, config: PatchField<[String: JSONValue]> = .keep) {
        self.name = name
        self.enabled = enabled
        self.config = config
    }

    enum CodingKeys: String, CodingKey { case name, enabled, config }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(config, forKey: .config)
    }

    var isEmpty: Bool { !name.isSent && !enabled.isSent && !config.isSent }
}

/// The body of `POST /analysis/services/{id}/tasks/`.
public struct AnalysisTaskCreate: Encodable, Hashable, Sendable {
    /// `nil` lets the server name it.
    public var name: String?
    public var params: [String: JSONValue]

    public init(name: String? = nil, params: [String: JSONValue]) {
        self.name = name
        self.params = params
    }
}

/// List filters for analysis services: `name`, `ids`, `offset` and `limit` of the common ones
/// (the API takes no tags here) and whether the service is enabled.
public struct AnalysisServiceListParams: ListParameters {
    public var common: ListParams<AnalysisServiceID>
    public var enabled: Bool?

    /// Only the common filters.
    public init(_ common: ListParams<AnalysisServiceID>) { self.init(common, enabled: nil) }

    public init(_ common: ListParams<AnalysisServiceID> = .init(), enabled: Bool? = nil) {
        self.common = common
        self.enabled = enabled
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        query["enabled"] = enabled
        return Array(query)
    }
}

/// List filters for the tasks of an analysis service: `name`, `ids`, `offset` and `limit` of
/// the common ones and the status.
public struct AnalysisTaskListParams: ListParameters {
    public var common: ListParams<AnalysisTaskID>
    public var status: AnalysisTaskStatus?

    /// Only the common filters.
    public init(_ common: ListParams<AnalysisTaskID>) { self.init(common, status: nil) }

    public init(_ common: ListParams<AnalysisTaskID> = .init(), status: AnalysisTaskStatus? = nil) {
        self.common = common
        self.status = status
    }

    public var queryParameters: [URLQueryItem] {
        var query = common.commonQuery
        query["status"] = status?.rawValue
        return Array(query)
    }
}

/// Optimized rasters (cloud-optimized copies, one per raster and profile) and optimized point
/// clouds (COPC copies, one per point cloud). Creating one only records it (`pending`); a run
/// starts one job per copy in a job group (`submitted`, `in_progress` once polled) and the group
/// completing makes them `completed`.
import HTTPTypes
extension TenantData {
    static let overviewResamplings = ["nearest", "bilinear", "cubic", "cubic_spline", "lanczos", "average", "mode", "gauss", "rms"]
    static let optimizationStatuses = ["pending", "submitted", "in_progress", "completed", "failed"]

    /// The request key that lists the source ids to optimize.
    private static func sourceIDsKey(_ kind: ResourceKind) -> String {
        kind == .raster ? "raster_ids" : "point_cloud_ids"
    }

    /// The request key of a run that lists which optimized copies to run.
    private static func runIDsKey(_ kind: ResourceKind) -> String {
        kind == .raster ? "optimized_raster_ids" : "point_cloud_ids"
    }

    /// The data collection, which must hold `kind`.
    private func collectionHolding(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int) throws(APIError) -> JSONObject {
        let collection = try dataCollection(projectID, collectionID)
        guard self.kind(of: collection) == kind else {
            let type = collection["data_collection_type"]?.stringValue ?? "?"
            throw .badRequest("Data collection \(collectionID) has type \(type) and holds no \(kind.pathSegment)")
        }
        return collection
    }

    private func optimizedCopies(_ kind: ResourceKind, in collectionID: Int) -> [JSONObject] {
        (optimized[kind] ?? [:]).values.filter { $0["data_collection_id"]?.intValue == collectionID }.sorted(by: byID)
    }

    /// `POST …/rasters/optimized/` and `POST …/point_clouds/optimized/`: records copies to make;
    /// no source ids means every source in the collection. An existing copy (same source and,
    /// for rasters, profile) is returned again rather than duplicated.
    mutating func createOptimized(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ body: BodyReader)
        throws(APIError) -> JSONValue
    {
        var settings: JSONObject = [:]
        if kind == .raster {
            settings["creation_options"] = try Self.rasterCreationOptions(try body.requiredReader("creation_options"))
            settings["profile"] = .string(try body.string("profile") ?? "default")
        }
        let requested = try body.intList(Self.sourceIDsKey(kind))
        _ = try collectionHolding(kind, projectID, collectionID)
        let sources: [Int]
        if let requested {
            for id in requested { _ = try resource(kind, projectID, collectionID, id) }
            sources = requested
        } else {
            sources = (resources[kind] ?? [:]).values.filter { $0["data_collection_id"]?.intValue == collectionID }.sorted(by: byID)
                .compactMap { $0["id"]?.intValue }
        }
        let sourceKey = kind.rawValue + "_id"
        var created: [JSONValue] = []
        for sourceID in sources {
            if let existing = optimizedCopies(kind, in: collectionID).first(where: {
                $0[sourceKey]?.intValue == sourceID && $0["profile"] == settings["profile"]
            }) {
                created.append(.object(existing))
                continue
            }
            let source = (resources[kind] ?? [:])[sourceID] ?? [:]
            let id = nextID("optimized_" + kind.rawValue)
            let now = Timestamp.now()
            var copy: JSONObject = [
                "id": .int(id), sourceKey: .int(sourceID), "project_id": .int(projectID), "data_collection_id": .int(collectionID),
                "name": source["name"] ?? .null, "tags": [], "status": "pending", "job_id": .null, "file_name": .null,
                "created_at": .string(now), "updated_at": .string(now), "completed_at": .null,
            ]
            copy.merge(settings) { _, new in new }
            if kind == .pointCloud {
                for key in ["point_record_format", "version_major", "version_minor"] { copy[key] = source[key] ?? .null }
                copy["format"] = "LAZ"
            }
            optimized[kind, default: [:]][id] = copy
            created.append(.object(copy))
        }
        return .array(created)
    }

    /// `nearblack_options` and `overview_resampling`, with the API's defaults filled in.
    private static func rasterCreationOptions(_ options: BodyReader) throws(APIError) -> JSONValue {
        var nearblack: JSONObject = ["enabled": false, "color": "black", "algorithm": "twopasses"]
        if let reader = try options.reader("nearblack_options") {
            nearblack["enabled"] = .bool(try reader.requiredBool("enabled"))
            if let color = reader.members["color"], !color.isNull {
                if let number = color.intValue, color.stringValue == nil {
                    guard (0...255).contains(number) else { throw reader.invalid("color", "Input should be less than 256", type: "less_than") }
                    nearblack["color"] = .int(number)
                } else {
                    nearblack["color"] = .string(try reader.requiredOneOf("color", ["black", "white"]))
                }
            }
            if let algorithm = try reader.oneOf("algorithm", ["floodfill", "twopasses"]) { nearblack["algorithm"] = .string(algorithm) }
        }
        let resampling = try options.oneOf("overview_resampling", overviewResamplings) ?? "average"
        return ["nearblack_options": .object(nearblack), "overview_resampling": .string(resampling)]
    }

    /// `POST …/optimized/run`: one job per copy in a new job group. Without ids it runs the
    /// collection's `pending` copies (and `failed` ones with `retry_failed`). For point clouds
    /// `point_cloud_ids` may hold optimized ids (what the Python client's `optimize_point_clouds`
    /// sends) or source ids; an optimized id wins.
    mutating func runOptimization(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ body: BodyReader)
        throws(APIError) -> JSONValue
    {
        let retryFailed = try body.bool("retry_failed") ?? false
        let requested = try body.intList(Self.runIDsKey(kind))
        _ = try collectionHolding(kind, projectID, collectionID)
        let copies = optimizedCopies(kind, in: collectionID)
        var targets: [JSONObject] = []
        if let ids = requested {
            for id in ids {
                guard
                    let copy = copies.first(where: { $0["id"]?.intValue == id }) ?? copies.first(where: { $0[kind.rawValue + "_id"]?.intValue == id })
                else { throw .notFound("Optimized \(kind.displayName.lowercased()) \(id)") }
                if let status = copy["status"]?.stringValue, status == "submitted" || status == "in_progress" {
                    throw .detail(.conflict, "Optimized \(kind.displayName.lowercased()) \(id) is already \(status)")
                }
                targets.append(copy)
            }
        } else {
            let runnable: Set<String> = retryFailed ? ["pending", "failed"] : ["pending"]
            targets = copies.filter { runnable.contains($0["status"]?.stringValue ?? "") }
        }
        var jobIDs: [Int] = []
        for target in targets {
            guard let id = target["id"]?.intValue else { continue }
            let job = startJob(
                named: "Optimize \(kind.displayName.lowercased()) \(target["name"]?.stringValue ?? String(id))", .optimize(kind, id: id))
            optimized[kind]?[id]?["status"] = "submitted"
            optimized[kind]?[id]?["job_id"] = .int(job.id)
            optimized[kind]?[id]?["updated_at"] = .string(Timestamp.now())
            jobIDs.append(job.id)
        }
        let groupID = createGroup(jobIDs: jobIDs)
        return ["group_job": groups[groupID].map(groupJSON) ?? .null, "retry_failed": .bool(retryFailed)]
    }

    func listOptimized(_ kind: ResourceKind, _ projectID: Int, _ collectionID: Int, _ query: QueryValues, limits: PageLimits)
        throws(APIError) -> JSONValue
    {
        _ = try collectionHolding(kind, projectID, collectionID)
        var keys: [String] = []
        if kind == .pointCloud {
            _ = try query.oneOf("status", Self.optimizationStatuses)
            _ = try query.oneOf("format", ["LAZ", "LAS"])
            _ = try query.int("version_major")
            _ = try query.int("version_minor")
            if let recordFormat = try query.int("point_record_format"), !(0...10).contains(recordFormat) {
                throw .validation(["query", "point_record_format"], "Input should be between 0 and 10", type: "less_than_equal")
            }
            keys = ["status", "format", "point_record_format", "version_major", "version_minor"]
        }
        return try ListQuery.apply(optimizedCopies(kind, in: collectionID), query: query, limits: limits, equalityKeys: keys)
    }

    /// `DELETE …/rasters/{id}/optimized[?profile=]`: every copy of the raster (of that profile);
    /// answers the deleted copies.
    mutating func deleteOptimizedRasters(_ projectID: Int, _ collectionID: Int, rasterID: Int, profile: String?) throws(APIError) -> JSONValue {
        _ = try resource(.raster, projectID, collectionID, rasterID)
        let doomed = optimizedCopies(.raster, in: collectionID).filter {
            $0["raster_id"]?.intValue == rasterID && (profile == nil || $0["profile"]?.stringValue == profile)
        }
        for copy in doomed { if let id = copy["id"]?.intValue { optimized[.raster]?[id] = nil } }
        return .array(doomed.map(JSONValue.object))
    }

    /// `DELETE …/point_clouds/{id}/optimized`: the point cloud's copy (404 when it has none).
    mutating func deleteOptimizedPointCloud(_ projectID: Int, _ collectionID: Int, pointCloudID: Int) throws(APIError) -> JSONValue {
        _ = try resource(.pointCloud, projectID, collectionID, pointCloudID)
        guard let copy = optimizedCopies(.pointCloud, in: collectionID).first(where: { $0["point_cloud_id"]?.intValue == pointCloudID }),
            let id = copy["id"]?.intValue
        else { throw .notFound("Optimized point cloud of point cloud \(pointCloudID)") }
        optimized[.pointCloud]?[id] = nil
        return Self.deleted(copy)
    }

    /// Removes the copies of a deleted source.
    mutating func dropOptimizedCopies(_ kind: ResourceKind, sourceID: Int) {
        optimized[kind] = optimized[kind]?.filter { $0.value[kind.rawValue + "_id"]?.intValue != sourceID }
    }

    mutating func startOptimization(_ kind: ResourceKind, _ id: Int) {
        guard optimized[kind]?[id]?["status"] == "submitted" else { return }
        optimized[kind]?[id]?["status"] = "in_progress"
    }

    mutating func finishOptimization(_ kind: ResourceKind, _ id: Int) {
        guard var copy = optimized[kind]?[id] else { return }
        let base = (copy["name"]?.stringValue ?? "\(kind.rawValue)-\(id)").split(separator: ".").first.map(String.init) ?? "\(id)"
        let now = Timestamp.now()
        copy["status"] = "completed"
        copy["file_name"] = .string(kind == .raster ? "\(base).cog.tif" : "\(base).copc.laz")
        copy["completed_at"] = .string(now)
        copy["updated_at"] = .string(now)
        optimized[kind]?[id] = copy
    }
}

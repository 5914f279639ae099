/// An optimized copy (``OptimizedRaster`` or ``OptimizedPointCloud``): which resource it copies,
/// how it is filtered and under which key a run names it. The create, run, list and composite
/// operations below exist once for both.
import NIOHTTP1
protocol OptimizedCopy: Decodable, Sendable, Identifiable where ID == PixelID<IDTag> {
    associatedtype IDTag
    associatedtype Source: DataCollectionResource
    associatedtype ListFilter: ListParameters where ListFilter.ID == ID
    /// The key of a run's id list.
    static var runIDsKey: String { get }
    /// "optimized rasters" or "optimized point clouds", for messages.
    static var displayName: String { get }
}

extension OptimizedRaster: OptimizedCopy {
    typealias IDTag = PixelResourceTag.OptimizedRaster
    typealias Source = Raster
    typealias ListFilter = OptimizedRasterListParams
    static var runIDsKey: String { "optimized_raster_ids" }
    static var displayName: String { "optimized rasters" }
}

extension OptimizedPointCloud: OptimizedCopy {
    typealias IDTag = PixelResourceTag.OptimizedPointCloud
    typealias Source = PointCloud
    typealias ListFilter = OptimizedPointCloudListParams
    /// The API names the optimized copies to run `point_cloud_ids`.
    static var runIDsKey: String { "point_cloud_ids" }
    static var displayName: String { "optimized point clouds" }
}

// The generic optimization steps.
extension PixelAsyncClient {
    static func optimizedPath<Copy: OptimizedCopy>(_ type: Copy.Type, _ project: ProjectID, _ dataCollection: DataCollectionID) -> String {
        resourcesPath(Copy.Source.self, project, dataCollection) + "optimized/"
    }

    func createOptimized<Copy: OptimizedCopy>(
        _ type: Copy.Type, _ project: ProjectID, _ dataCollection: DataCollectionID, body: some Encodable & Sendable
    ) async throws(PixelError) -> [Copy] {
        try await send(.POST, Self.optimizedPath(type, project, dataCollection), body: body)
    }

    func runOptimization<Copy: OptimizedCopy>(
        _ type: Copy.Type, _ project: ProjectID, _ dataCollection: DataCollectionID, _ copies: Selection<Copy.ID>, retryFailed: Bool, wait: JobWait?
    ) async throws(PixelError) -> JobGroup {
        let ids = try copies.idsToSend(Copy.displayName)?.map(\.rawValue)
        let body = OptimizationRunBody(retryFailed: retryFailed, idsKey: Copy.runIDsKey, ids: ids)
        let response: GroupJobResponse = try await send(.POST, Self.optimizedPath(type, project, dataCollection) + "run", body: body)
        guard let wait else { return response.groupJob }
        guard let groupID = response.groupJob.id else {
            throw PixelError(code: .decoding, message: "The run of \(Copy.displayName) answered without a job group id.")
        }
        return try await waitForJobGroup(
            groupID, timeout: wait.timeout, failOnJobFailure: false, initialPollInterval: wait.initialPollInterval,
            maxPollInterval: wait.maxPollInterval)
    }

    func listOptimized<Copy: OptimizedCopy>(
        _ type: Copy.Type, _ project: ProjectID, _ dataCollection: DataCollectionID, _ params: Copy.ListFilter
    ) async throws(PixelError) -> [Copy] {
        try await get(Self.optimizedPath(type, project, dataCollection), query: params.queryItems)
    }

    /// Create, run the created copies and wait, then read them back.
    func optimize<Copy: OptimizedCopy>(
        _ type: Copy.Type, _ project: ProjectID, _ dataCollection: DataCollectionID, wait: JobWait,
        create: () async throws(PixelError) -> [Copy]
    ) async throws(PixelError) -> [Copy] {
        let created = try await create()
        guard !created.isEmpty else { return [] }
        let ids = created.map(\.id)
        _ = try await runOptimization(type, project, dataCollection, .only(ids), retryFailed: false, wait: wait)
        return try await listOptimized(type, project, dataCollection, Copy.ListFilter(ListParams(ids: ids, limit: ids.count)))
    }
}

// Optimized rasters.
extension PixelAsyncClient {
    /// Records optimized copies to make of rasters (`POST DC/rasters/optimized/`); nothing is
    /// processed until they are run with ``runOptimizeRasters(project:dataCollection:_:retryFailed:wait:)``.
    ///
    /// ```swift
    /// let copies = try await client.createOptimizedRasters(project: 1, dataCollection: 3, .only([11, 12]))
    /// ```
    /// - Throws: ``PixelError/Code/invalidInput`` for an empty `.only([])`.
    public func createOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ rasters: Selection<RasterID>,
        options: RasterOptimizationOptions = RasterOptimizationOptions()
    ) async throws(PixelError) -> [OptimizedRaster] {
        let body = OptimizedRastersCreateBody(
            creationOptions: .init(nearblackOptions: options.nearblack, overviewResampling: options.overviewResampling),
            rasterIDs: try rasters.idsToSend("rasters"), profile: options.profile)
        return try await createOptimized(OptimizedRaster.self, project, dataCollection, body: body)
    }

    /// Runs optimized rasters (`POST DC/rasters/optimized/run`): one job per copy, in a job group.
    ///
    /// With `wait` (the default, up to 20 minutes) it returns the finished group; without, the
    /// group as the server started it. Failed copies are not thrown: the group's `failedCount`
    /// and each copy's `status` tell. `.all` runs every pending copy (and failed ones with
    /// `retryFailed`).
    ///
    /// ```swift
    /// let group = try await client.runOptimizeRasters(project: 1, dataCollection: 3, .only(copies.map(\.id)))
    /// ```
    public func runOptimizeRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ optimizedRasters: Selection<OptimizedRasterID>, retryFailed: Bool = false,
        wait: JobWait? = JobWait(timeout: .seconds(1200))
    ) async throws(PixelError) -> JobGroup {
        try await runOptimization(OptimizedRaster.self, project, dataCollection, optimizedRasters, retryFailed: retryFailed, wait: wait)
    }

    /// Lists the optimized rasters of a data collection (`GET DC/rasters/optimized/`).
    public func getOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ params: OptimizedRasterListParams = .init()
    ) async throws(PixelError) -> [OptimizedRaster] {
        try await listOptimized(OptimizedRaster.self, project, dataCollection, params)
    }

    /// Deletes the optimized copies of a raster, of one profile or all (`DELETE DC/rasters/{id}/optimized`),
    /// and returns them.
    @discardableResult
    public func deleteOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, rasterID: RasterID, profile: String? = nil
    ) async throws(PixelError) -> [OptimizedRaster] {
        var query = QueryItems()
        query["profile"] = profile
        return try await send(.DELETE, Self.resourcePath(Raster.self, project, dataCollection, rasterID) + "/optimized", query: query)
    }

    /// Optimizes rasters in one call: creates the copies, runs them, waits, and returns them as
    /// they ended (`status` `completed` or `failed`).
    ///
    /// ```swift
    /// let optimized = try await client.optimizeRasters(project: 1, dataCollection: 3, .all, options: RasterOptimizationOptions(overviewResampling: .lanczos))
    /// ```
    public func optimizeRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ rasters: Selection<RasterID> = .all,
        options: RasterOptimizationOptions = RasterOptimizationOptions(), wait: JobWait = JobWait(timeout: .seconds(1200))
    ) async throws(PixelError) -> [OptimizedRaster] {
        try await optimize(OptimizedRaster.self, project, dataCollection, wait: wait) { () async throws(PixelError) in
            try await createOptimizedRasters(project: project, dataCollection: dataCollection, rasters, options: options)
        }
    }
}

// Optimized point clouds.
extension PixelAsyncClient {
    /// Records optimized (COPC) copies to make of point clouds (`POST DC/point_clouds/optimized/`);
    /// run them with ``runOptimizePointClouds(project:dataCollection:_:retryFailed:wait:)``.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` for an empty `.only([])`.
    public func createOptimizedPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ pointClouds: Selection<PointCloudID>
    ) async throws(PixelError) -> [OptimizedPointCloud] {
        let body = OptimizedPointCloudsCreateBody(pointCloudIDs: try pointClouds.idsToSend("point clouds"))
        return try await createOptimized(OptimizedPointCloud.self, project, dataCollection, body: body)
    }

    /// Runs optimized point clouds (`POST DC/point_clouds/optimized/run`); waiting and failures as
    /// in ``runOptimizeRasters(project:dataCollection:_:retryFailed:wait:)``.
    public func runOptimizePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ optimizedPointClouds: Selection<OptimizedPointCloudID>, retryFailed: Bool = false,
        wait: JobWait? = JobWait(timeout: .seconds(1200))
    ) async throws(PixelError) -> JobGroup {
        try await runOptimization(OptimizedPointCloud.self, project, dataCollection, optimizedPointClouds, retryFailed: retryFailed, wait: wait)
    }

    /// Lists the optimized point clouds of a data collection (`GET DC/point_clouds/optimized/`).
    public func getOptimizedPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ params: OptimizedPointCloudListParams = .init()
    ) async throws(PixelError) -> [OptimizedPointCloud] {
        try await listOptimized(OptimizedPointCloud.self, project, dataCollection, params)
    }

    /// Deletes the optimized copy of a point cloud (`DELETE DC/point_clouds/{id}/optimized`).
    @discardableResult
    public func deleteOptimizedPointCloud(
        project: ProjectID, dataCollection: DataCollectionID, pointCloudID: PointCloudID
    ) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.resourcePath(PointCloud.self, project, dataCollection, pointCloudID) + "/optimized")
    }

    /// Optimizes point clouds in one call: creates the copies, runs them, waits, and returns them
    /// as they ended.
    public func optimizePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ pointClouds: Selection<PointCloudID> = .all,
        wait: JobWait = JobWait(timeout: .seconds(1200))
    ) async throws(PixelError) -> [OptimizedPointCloud] {
        try await optimize(OptimizedPointCloud.self, project, dataCollection, wait: wait) { () async throws(PixelError) in
            try await createOptimizedPointClouds(project: project, dataCollection: dataCollection, pointClouds)
        }
    }
}

// Blocking forms of the optimized-raster and optimized-point-cloud methods.
extension PixelClient {
    /// Blocking form of ``PixelAsyncClient/createOptimizedRasters(project:dataCollection:_:options:)``.
    @available(*, noasync)
    public func createOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ rasters: Selection<RasterID>,
        options: RasterOptimizationOptions = RasterOptimizationOptions()
    ) throws(PixelError) -> [OptimizedRaster] {
        try run { client async throws(PixelError) in
            try await client.createOptimizedRasters(project: project, dataCollection: dataCollection, rasters, options: options)
        }
    }

    /// Blocking form of ``PixelAsyncClient/runOptimizeRasters(project:dataCollection:_:retryFailed:wait:)``.
    @available(*, noasync)
    public func runOptimizeRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ optimizedRasters: Selection<OptimizedRasterID>, retryFailed: Bool = false,
        wait: JobWait? = JobWait(timeout: .seconds(1200))
    ) throws(PixelError) -> JobGroup {
        try run { client async throws(PixelError) in
            try await client.runOptimizeRasters(
                project: project, dataCollection: dataCollection, optimizedRasters, retryFailed: retryFailed, wait: wait)
        }
    }

    /// Blocking form of ``PixelAsyncClient/getOptimizedRasters(project:dataCollection:_:)``.
    @available(*, noasync)
    public func getOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ params: OptimizedRasterListParams = .init()
    ) throws(PixelError) -> [OptimizedRaster] {
        try run { client async throws(PixelError) in try await client.getOptimizedRasters(project: project, dataCollection: dataCollection, params) }
    }

    /// Blocking form of ``PixelAsyncClient/deleteOptimizedRasters(project:dataCollection:rasterID:profile:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteOptimizedRasters(
        project: ProjectID, dataCollection: DataCollectionID, rasterID: RasterID, profile: String? = nil
    ) throws(PixelError) -> [OptimizedRaster] {
        try run { client async throws(PixelError) in
            try await client.deleteOptimizedRasters(project: project, dataCollection: dataCollection, rasterID: rasterID, profile: profile)
        }
    }

    /// Blocking form of ``PixelAsyncClient/optimizeRasters(project:dataCollection:_:options:wait:)``.
    @available(*, noasync)
    public func optimizeRasters(
        project: ProjectID, dataCollection: DataCollectionID, _ rasters: Selection<RasterID> = .all,
        options: RasterOptimizationOptions = RasterOptimizationOptions(), wait: JobWait = JobWait(timeout: .seconds(1200))
    ) throws(PixelError) -> [OptimizedRaster] {
        try run { client async throws(PixelError) in
            try await client.optimizeRasters(project: project, dataCollection: dataCollection, rasters, options: options, wait: wait)
        }
    }

    /// Blocking form of ``PixelAsyncClient/createOptimizedPointClouds(project:dataCollection:_:)``.
    @available(*, noasync)
    public func createOptimizedPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ pointClouds: Selection<PointCloudID>
    ) throws(PixelError) -> [OptimizedPointCloud] {
        try run { client async throws(PixelError) in
            try await client.createOptimizedPointClouds(project: project, dataCollection: dataCollection, pointClouds)
        }
    }

    /// Blocking form of ``PixelAsyncClient/runOptimizePointClouds(project:dataCollection:_:retryFailed:wait:)``.
    @available(*, noasync)
    public func runOptimizePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ optimizedPointClouds: Selection<OptimizedPointCloudID>, retryFailed: Bool = false,
        wait: JobWait? = JobWait(timeout: .seconds(1200))
    ) throws(PixelError) -> JobGroup {
        try run { client async throws(PixelError) in
            try await client.runOptimizePointClouds(
                project: project, dataCollection: dataCollection, optimizedPointClouds, retryFailed: retryFailed, wait: wait)
        }
    }

    /// Blocking form of ``PixelAsyncClient/getOptimizedPointClouds(project:dataCollection:_:)``.
    @available(*, noasync)
    public func getOptimizedPointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ params: OptimizedPointCloudListParams = .init()
    ) throws(PixelError) -> [OptimizedPointCloud] {
        try run { client async throws(PixelError) in
            try await client.getOptimizedPointClouds(project: project, dataCollection: dataCollection, params)
        }
    }

    /// Blocking form of ``PixelAsyncClient/deleteOptimizedPointCloud(project:dataCollection:pointCloudID:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteOptimizedPointCloud(project: ProjectID, dataCollection: DataCollectionID, pointCloudID: PointCloudID) throws(PixelError)
        -> DeletionResult
    {
        try run { client async throws(PixelError) in
            try await client.deleteOptimizedPointCloud(project: project, dataCollection: dataCollection, pointCloudID: pointCloudID)
        }
    }

    /// Blocking form of ``PixelAsyncClient/optimizePointClouds(project:dataCollection:_:wait:)``.
    @available(*, noasync)
    public func optimizePointClouds(
        project: ProjectID, dataCollection: DataCollectionID, _ pointClouds: Selection<PointCloudID> = .all,
        wait: JobWait = JobWait(timeout: .seconds(1200))
    ) throws(PixelError) -> [OptimizedPointCloud] {
        try run { client async throws(PixelError) in
            try await client.optimizePointClouds(project: project, dataCollection: dataCollection, pointClouds, wait: wait)
        }
    }
}

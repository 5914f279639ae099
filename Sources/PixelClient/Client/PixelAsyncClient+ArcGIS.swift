import NIOHTTP1

// ArcGIS Feature and Image services.
extension PixelAsyncClient {
    static func arcgisPath(_ type: ArcGISServiceType) -> String {
        "/arcgis_services/\(QueryItems.escape(type.rawValue))/"
    }

    /// The GeoData Online users a service can be shared with (`GET /arcgis_services/gdo-users`).
    public func listGDOUsers() async throws(PixelError) -> [String] {
        try await get("/arcgis_services/gdo-users")
    }

    /// Creates an ArcGIS service (`POST /arcgis_services/{type}/`).
    ///
    /// ```swift
    /// let feature = try await client.createArcGISService(
    ///     .feature, ArcGISServiceCreate(name: "Roads", description: "", dataCollectionIDs: [7], options: .feature()))
    /// let image = try await client.createArcGISService(
    ///     .image, ArcGISServiceCreate(name: "Ortho", description: "", dataCollectionIDs: [9],
    ///                                 options: .image(ArcGISImageServiceOptions(defaultServiceSRID: 25833))))
    /// ```
    /// - Throws: ``PixelError/Code/invalidInput`` before any request when `dataCollectionIDs` is
    ///   empty or the options block does not match `type`.
    public func createArcGISService(_ type: ArcGISServiceType, _ create: ArcGISServiceCreate) async throws(PixelError) -> ArcGISService {
        if create.dataCollectionIDs.isEmpty { throw .invalidInput("An ArcGIS service publishes at least one data collection.") }
        if let mismatch = create.options.mismatch(for: type, creating: true) { throw .invalidInput(mismatch) }
        return try await send(.POST, Self.arcgisPath(type), body: create)
    }

    /// Lists ArcGIS services of one type (`GET /arcgis_services/{type}/`).
    public func listArcGISServices(_ type: ArcGISServiceType, _ params: ListParams<ArcGISServiceID> = .init()) async throws(PixelError)
        -> [ArcGISService]
    {
        try await get(Self.arcgisPath(type), query: params.queryItems)
    }

    /// One ArcGIS service.
    public func getArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID) async throws(PixelError) -> ArcGISService {
        try await get(Self.arcgisPath(type) + "\(id)")
    }

    /// Changes an ArcGIS service (`PUT /arcgis_services/{type}/{id}`); only set fields are sent.
    ///
    /// - Throws: ``PixelError/Code/invalidInput`` before any request when `update` sets nothing,
    ///   names no data collection, or carries the other type's options block.
    public func updateArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID, _ update: ArcGISServiceUpdate) async throws(PixelError)
        -> ArcGISService
    {
        if update.isEmpty { throw .invalidInput("An update of ArcGIS service \(id) needs at least one field to change.") }
        if update.dataCollectionIDs?.isEmpty == true { throw .invalidInput("An ArcGIS service publishes at least one data collection.") }
        if let mismatch = update.options?.mismatch(for: type, creating: false) { throw .invalidInput(mismatch) }
        return try await send(.PUT, Self.arcgisPath(type) + "\(id)", body: update)
    }

    /// Deletes an ArcGIS service.
    @discardableResult
    public func deleteArcGISService(_ type: ArcGISServiceType, id: ArcGISServiceID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, Self.arcgisPath(type) + "\(id)")
    }

    /// Starts an ArcGIS service (`PUT …/{id}/start`).
    ///
    /// With `wait` (the default, up to 1000 seconds) it waits for the start job and returns the
    /// finished job and the service read afterwards; a failed job throws
    /// ``PixelError/Code/jobFailed``. Pass `wait: nil` to return at once.
    ///
    /// ```swift
    /// let change = try await client.startArcGISService(.feature, id: 4)
    /// print(change.service?.status ?? "?")   // "running"
    /// ```
    public func startArcGISService(
        _ type: ArcGISServiceType, id: ArcGISServiceID, wait: JobWait? = JobWait(timeout: .seconds(1000))
    ) async throws(PixelError) -> ArcGISServiceChange {
        try await changeArcGISService(type, id: id, "start", wait: wait)
    }

    /// Stops an ArcGIS service (`PUT …/{id}/stop`); waiting as in ``startArcGISService(_:id:wait:)``.
    public func stopArcGISService(
        _ type: ArcGISServiceType, id: ArcGISServiceID, wait: JobWait? = JobWait(timeout: .seconds(1000))
    ) async throws(PixelError) -> ArcGISServiceChange {
        try await changeArcGISService(type, id: id, "stop", wait: wait)
    }

    /// Refreshes an ArcGIS service (`PUT …/{id}/refresh`), with `refreshData` its data too;
    /// waiting as in ``startArcGISService(_:id:wait:)``.
    public func refreshArcGISService(
        _ type: ArcGISServiceType, id: ArcGISServiceID, refreshData: Bool = false, wait: JobWait? = JobWait(timeout: .seconds(1000))
    ) async throws(PixelError) -> ArcGISServiceChange {
        var query = QueryItems()
        query["refresh_data"] = refreshData
        return try await changeArcGISService(type, id: id, "refresh", query: query, wait: wait)
    }

    private func changeArcGISService(
        _ type: ArcGISServiceType, id: ArcGISServiceID, _ action: String, query: QueryItems = QueryItems(), wait: JobWait?
    ) async throws(PixelError) -> ArcGISServiceChange {
        let answer: ArcGISServiceChange = try await send(.PUT, Self.arcgisPath(type) + "\(id)/\(action)", query: query)
        guard let wait else { return answer }
        var job = answer.job
        if let started = job {
            job = try await waitForJob(
                started.id, timeout: wait.timeout, initialPollInterval: wait.initialPollInterval, maxPollInterval: wait.maxPollInterval)
        }
        return ArcGISServiceChange(job: job, service: try await getArcGISService(type, id: id))
    }
}

import Settings

/// The blocking Pixel API client — the form Python's `get_client()` returns by default.
///
/// Same method names as ``PixelAsyncClient``; it shares that client's core (one connection pool,
/// one token). Use it from plain threads, the main thread or dispatch queues. Called inside a
/// Swift concurrency task or on a NIO event loop it throws ``PixelError/Code/syncCallInAsyncContext``
/// at once (naming the async method to use) instead of risking a deadlock; the methods are also
/// `noasync`, so the compiler flags direct calls from async code.
///
/// ```swift
/// let client = try PixelClient(settings: settings)
/// defer { try? client.close() }
/// let projects = try client.listProjects()
/// for result in client.paginateImages(project: 1, dataCollection: 2) { print(try result.get().id) }
/// ```
public struct PixelClient: Sendable {
    /// The async facade over the same core.
    public let async: PixelAsyncClient

    /// The shared core.
    public var core: PixelClientCore { async.core }

    /// A blocking facade over an existing core.
    public init(core: PixelClientCore) {
        self.async = PixelAsyncClient(core: core)
    }

    /// The blocking face of `async` (same core).
    public init(async: PixelAsyncClient) {
        self.async = async
    }

    /// Builds a new core from settings (no I/O). Close it with ``close(gracePeriod:)``.
    public init(
        settings: PixelSettings, options: PixelClientOptions = PixelClientOptions(), hooks: PixelClientHooks = PixelClientHooks()
    ) throws(PixelError) {
        self.init(core: try PixelClientCore(settings: settings, options: options, hooks: hooks))
    }

    /// Runs the async method of the same name to completion for a blocking caller. The
    /// blocking and async methods share their names, so `#function` names the async one in
    /// the error a caller inside a task gets.
    func run<Value: Sendable>(
        asyncMethod: String = #function, _ body: @escaping @Sendable (PixelAsyncClient) async throws(PixelError) -> Value
    ) throws(PixelError) -> Value {
        let client = async
        return try BlockingBridge.run(asyncMethod: asyncMethod) { () async throws(PixelError) in try await body(client) }
    }

    /// Closes the shared core (idempotent), waiting up to `gracePeriod` for calls in flight.
    ///
    /// - Throws: ``PixelError/Code/syncCallInAsyncContext`` when called inside a Swift concurrency
    ///   task or on an event loop, where waiting could deadlock (use `await client.async.close()`
    ///   there); nothing is closed then.
    @available(*, noasync)
    public func close(gracePeriod: Duration = .seconds(10)) throws(PixelError) {
        let client = async
        try BlockingBridge.run(asyncMethod: #function) { () async throws(PixelError) in await client.close(gracePeriod: gracePeriod) }
    }

    // MARK: - Users

    /// The signed-in user. Blocking form of ``PixelAsyncClient/me(extended:)``.
    @available(*, noasync)
    public func me(extended: Bool = false) throws(PixelError) -> User {
        try run { client async throws(PixelError) in try await client.me(extended: extended) }
    }

    /// The tenant's plugins. Blocking form of ``PixelAsyncClient/getPlugins()``.
    @available(*, noasync)
    public func getPlugins() throws(PixelError) -> [Plugin] {
        try run { client async throws(PixelError) in try await client.getPlugins() }
    }

    /// Creates a Keycloak user (sensitive: never logged). Blocking form of ``PixelAsyncClient/createOIDCUser(_:)``.
    @available(*, noasync)
    public func createOIDCUser(_ user: OIDCUserCreate) throws(PixelError) -> User {
        try run { client async throws(PixelError) in try await client.createOIDCUser(user) }
    }

    /// Updates a Keycloak user. Blocking form of ``PixelAsyncClient/updateOIDCUser(_:_:)``.
    @available(*, noasync)
    public func updateOIDCUser(_ id: UserID, _ update: OIDCUserUpdate) throws(PixelError) -> User {
        try run { client async throws(PixelError) in try await client.updateOIDCUser(id, update) }
    }

    // MARK: - Projects

    /// Creates a project. Blocking form of ``PixelAsyncClient/createProject(_:)``.
    @available(*, noasync)
    public func createProject(_ project: ProjectCreate) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in try await client.createProject(project) }
    }

    /// Creates a project from its fields. Blocking form of ``PixelAsyncClient/createProject(name:description:areaOfInterest:parentProjectID:tags:)``.
    @available(*, noasync)
    public func createProject(
        name: String, description: String, areaOfInterest: GeoJSONPolygon, parentProjectID: ProjectID? = nil, tags: [String]? = nil
    ) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in
            try await client.createProject(
                name: name, description: description, areaOfInterest: areaOfInterest, parentProjectID: parentProjectID, tags: tags)
        }
    }

    /// Lists projects. Blocking form of ``PixelAsyncClient/listProjects(_:)``.
    @available(*, noasync)
    public func listProjects(_ params: ProjectListParams = .init()) throws(PixelError) -> [Project] {
        try run { client async throws(PixelError) in try await client.listProjects(params) }
    }

    /// Lists deleted projects. Blocking form of ``PixelAsyncClient/listDeletedProjects(_:)``.
    @available(*, noasync)
    public func listDeletedProjects(_ params: ProjectListParams = .init()) throws(PixelError) -> [Project] {
        try run { client async throws(PixelError) in try await client.listDeletedProjects(params) }
    }

    /// One project. Blocking form of ``PixelAsyncClient/getProject(_:extended:)``.
    @available(*, noasync)
    public func getProject(_ id: ProjectID, extended: Bool = false) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in try await client.getProject(id, extended: extended) }
    }

    /// Changes a project. Blocking form of ``PixelAsyncClient/updateProject(_:_:)``.
    @available(*, noasync)
    public func updateProject(_ id: ProjectID, _ update: ProjectUpdate) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in try await client.updateProject(id, update) }
    }

    /// Moves a project. Blocking form of ``PixelAsyncClient/moveProject(_:to:)``.
    @available(*, noasync)
    public func moveProject(_ id: ProjectID, to destination: ProjectDestination) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in try await client.moveProject(id, to: destination) }
    }

    /// Deletes a project. Blocking form of ``PixelAsyncClient/deleteProject(_:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteProject(_ id: ProjectID) throws(PixelError) -> DeletionResult {
        try run { client async throws(PixelError) in try await client.deleteProject(id) }
    }

    /// Restores a deleted project. Blocking form of ``PixelAsyncClient/restoreProject(_:)``.
    @discardableResult
    @available(*, noasync)
    public func restoreProject(_ id: ProjectID) throws(PixelError) -> Project {
        try run { client async throws(PixelError) in try await client.restoreProject(id) }
    }

    // MARK: - Data collections

    /// Creates a data collection. Blocking form of ``PixelAsyncClient/createDataCollection(project:_:)``.
    @available(*, noasync)
    public func createDataCollection(project: ProjectID, _ dataCollection: DataCollectionCreate) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in try await client.createDataCollection(project: project, dataCollection) }
    }

    /// Creates a data collection from its fields. Blocking form of ``PixelAsyncClient/createDataCollection(project:name:description:dataCollectionType:tags:rasterInfo:)``.
    @available(*, noasync)
    public func createDataCollection(
        project: ProjectID, name: String, description: String, dataCollectionType: DataCollectionType, tags: [String]? = nil,
        rasterInfo: RasterInfo? = nil
    ) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in
            try await client.createDataCollection(
                project: project, name: name, description: description, dataCollectionType: dataCollectionType, tags: tags, rasterInfo: rasterInfo)
        }
    }

    /// Lists data collections. Blocking form of ``PixelAsyncClient/listDataCollections(project:_:)``.
    @available(*, noasync)
    public func listDataCollections(project: ProjectID, _ params: DataCollectionListParams = .init()) throws(PixelError) -> [DataCollection] {
        try run { client async throws(PixelError) in try await client.listDataCollections(project: project, params) }
    }

    /// Lists deleted data collections. Blocking form of ``PixelAsyncClient/listDeletedDataCollections(project:_:)``.
    @available(*, noasync)
    public func listDeletedDataCollections(project: ProjectID, _ params: DataCollectionListParams = .init()) throws(PixelError) -> [DataCollection] {
        try run { client async throws(PixelError) in try await client.listDeletedDataCollections(project: project, params) }
    }

    /// One data collection. Blocking form of ``PixelAsyncClient/getDataCollection(project:id:)``.
    @available(*, noasync)
    public func getDataCollection(project: ProjectID, id: DataCollectionID) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in try await client.getDataCollection(project: project, id: id) }
    }

    /// Changes a data collection. Blocking form of ``PixelAsyncClient/updateDataCollection(project:id:_:)``.
    @available(*, noasync)
    public func updateDataCollection(project: ProjectID, id: DataCollectionID, _ update: DataCollectionUpdate) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in try await client.updateDataCollection(project: project, id: id, update) }
    }

    /// Moves a data collection to another project. Blocking form of ``PixelAsyncClient/moveDataCollection(project:id:to:)``.
    @available(*, noasync)
    public func moveDataCollection(project: ProjectID, id: DataCollectionID, to newProject: ProjectID) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in try await client.moveDataCollection(project: project, id: id, to: newProject) }
    }

    /// Deletes a data collection. Blocking form of ``PixelAsyncClient/deleteDataCollection(project:id:)``.
    @discardableResult
    @available(*, noasync)
    public func deleteDataCollection(project: ProjectID, id: DataCollectionID) throws(PixelError) -> DeletionResult {
        try run { client async throws(PixelError) in try await client.deleteDataCollection(project: project, id: id) }
    }

    /// Restores a deleted data collection. Blocking form of ``PixelAsyncClient/restoreDataCollection(project:id:)``.
    @discardableResult
    @available(*, noasync)
    public func restoreDataCollection(project: ProjectID, id: DataCollectionID) throws(PixelError) -> DataCollection {
        try run { client async throws(PixelError) in try await client.restoreDataCollection(project: project, id: id) }
    }

    // MARK: - Jobs

    /// One job. Blocking form of ``PixelAsyncClient/getJob(_:)``.
    @available(*, noasync)
    public func getJob(_ id: JobID) throws(PixelError) -> Job {
        try run { client async throws(PixelError) in try await client.getJob(id) }
    }

    /// One job group. Blocking form of ``PixelAsyncClient/getJobGroup(_:)``.
    @available(*, noasync)
    public func getJobGroup(_ id: JobGroupID) throws(PixelError) -> JobGroup {
        try run { client async throws(PixelError) in try await client.getJobGroup(id) }
    }

    /// Blocks until the job completes (real timeout; failed jobs throw `jobFailed`). Blocking form of ``PixelAsyncClient/waitForJob(_:timeout:initialPollInterval:maxPollInterval:)``.
    @discardableResult
    @available(*, noasync)
    public func waitForJob(
        _ id: JobID, timeout: Duration = .seconds(600), initialPollInterval: Duration = .milliseconds(500), maxPollInterval: Duration = .seconds(10)
    ) throws(PixelError) -> Job {
        try run { client async throws(PixelError) in
            try await client.waitForJob(id, timeout: timeout, initialPollInterval: initialPollInterval, maxPollInterval: maxPollInterval)
        }
    }

    /// Blocks until the job group completes. Blocking form of ``PixelAsyncClient/waitForJobGroup(_:timeout:failOnJobFailure:initialPollInterval:maxPollInterval:)``.
    @discardableResult
    @available(*, noasync)
    public func waitForJobGroup(
        _ id: JobGroupID, timeout: Duration = .seconds(1200), failOnJobFailure: Bool = true, initialPollInterval: Duration = .milliseconds(500),
        maxPollInterval: Duration = .seconds(10)
    ) throws(PixelError) -> JobGroup {
        try run { client async throws(PixelError) in
            try await client.waitForJobGroup(
                id, timeout: timeout, failOnJobFailure: failOnJobFailure, initialPollInterval: initialPollInterval, maxPollInterval: maxPollInterval)
        }
    }

    // MARK: - Search

    /// What can be searched for `target`. Blocking form of ``PixelAsyncClient/searchInfo(on:)``.
    @available(*, noasync)
    public func searchInfo(on target: SearchTarget) throws(PixelError) -> SearchInfo {
        try run { client async throws(PixelError) in try await client.searchInfo(on: target) }
    }

    /// One page of search results. Blocking form of ``PixelAsyncClient/search(_:)``.
    @available(*, noasync)
    public func search(_ query: SearchQuery) throws(PixelError) -> SearchResponse {
        try run { client async throws(PixelError) in try await client.search(query) }
    }

    /// One page of search results decoded as `type`. Blocking form of ``PixelAsyncClient/search(_:as:)``.
    @available(*, noasync)
    public func search<Result: Decodable & Sendable>(_ query: SearchQuery, as type: Result.Type) throws(PixelError) -> SearchPage<Result> {
        try run { client async throws(PixelError) in try await client.search(query, as: type) }
    }

    // MARK: - Pagination

    /// Pages fetched lazily while iterating; blocking form of ``PixelAsyncClient/paginateProjects(pageSize:_:)``.
    public func paginateProjects(pageSize: Int = 100, _ params: ProjectListParams = .init()) -> PixelPageSequence<Project> {
        PixelPageSequence(pages: async.paginateProjects(pageSize: pageSize, params))
    }

    /// Pages fetched lazily while iterating; blocking form of ``PixelAsyncClient/paginateSearch(_:pageSize:)``.
    public func paginateSearch(_ query: SearchQuery, pageSize: Int = 100) -> PixelPageSequence<JSONValue> {
        PixelPageSequence(pages: async.paginateSearch(query, pageSize: pageSize))
    }

    /// Pages fetched lazily while iterating; blocking form of ``PixelAsyncClient/paginateSearch(_:as:pageSize:)``.
    public func paginateSearch<Result: Decodable & Sendable>(_ query: SearchQuery, as type: Result.Type, pageSize: Int = 100) -> PixelPageSequence<
        Result
    > {
        PixelPageSequence(pages: async.paginateSearch(query, as: type, pageSize: pageSize))
    }

}

extension PixelAsyncClient {
    /// A blocking facade over the same core.
    public var blocking: PixelClient { PixelClient(async: self) }
}

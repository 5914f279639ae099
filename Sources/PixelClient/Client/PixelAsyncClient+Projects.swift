// Projects.
import NIOHTTP1
extension PixelAsyncClient {
    /// Creates a project (`POST /projects/`).
    ///
    /// ```swift
    /// let area = GeoJSONPolygon(exterior: [(10, 59), (11, 59), (11, 60), (10, 60)])
    /// let project = try await client.createProject(ProjectCreate(name: "Bridges", description: "", areaOfInterest: area))
    /// ```
    public func createProject(_ project: ProjectCreate) async throws(PixelError) -> Project {
        try await send(.POST, "/projects/", body: project)
    }

    /// Creates a project from its fields (same as ``createProject(_:)``).
    public func createProject(
        name: String, description: String, areaOfInterest: GeoJSONPolygon, parentProjectID: ProjectID? = nil, tags: [String]? = nil
    ) async throws(PixelError) -> Project {
        try await createProject(
            ProjectCreate(name: name, description: description, areaOfInterest: areaOfInterest, parentProjectID: parentProjectID, tags: tags))
    }

    /// Lists projects (`GET /projects/`).
    public func listProjects(_ params: ProjectListParams = .init()) async throws(PixelError) -> [Project] {
        try await get("/projects/", query: params.queryItems)
    }

    /// Every project, page by page (`limit`/`offset` of `params` are replaced).
    public func paginateProjects(pageSize: Int = 100, _ params: ProjectListParams = .init()) -> PixelPages<Project> {
        paginate("/projects/", pageSize: pageSize, params)
    }

    /// Lists deleted (restorable) projects (`GET /projects/deleted`).
    public func listDeletedProjects(_ params: ProjectListParams = .init()) async throws(PixelError) -> [Project] {
        try await get("/projects/deleted", query: params.queryItems)
    }

    /// One project (`GET /projects/{id}`); with `extended`, children and data collections too.
    public func getProject(_ id: ProjectID, extended: Bool = false) async throws(PixelError) -> Project {
        var query = QueryItems()
        query["extended"] = extended
        return try await get("/projects/\(id)", query: query)
    }

    /// Changes a project (`PUT /projects/{id}`). Throws ``PixelError/Code/invalidInput`` when
    /// `update` sets nothing.
    public func updateProject(_ id: ProjectID, _ update: ProjectUpdate) async throws(PixelError) -> Project {
        guard !update.isEmpty else { throw .invalidInput("updateProject needs at least one field to change.") }
        return try await send(.PUT, "/projects/\(id)", body: update)
    }

    /// Moves a project under another one or to the top level (`PUT /projects/{id}/move`).
    public func moveProject(_ id: ProjectID, to destination: ProjectDestination) async throws(PixelError) -> Project {
        var query = QueryItems()
        query["new_parent_id"] = destination.queryValue
        return try await send(.PUT, "/projects/\(id)/move", query: query)
    }

    /// Deletes a project (`DELETE /projects/{id}`); it can be restored.
    @discardableResult
    public func deleteProject(_ id: ProjectID) async throws(PixelError) -> DeletionResult {
        try await send(.DELETE, "/projects/\(id)")
    }

    /// Restores a deleted project (`POST /projects/{id}/restore`).
    @discardableResult
    public func restoreProject(_ id: ProjectID) async throws(PixelError) -> Project {
        try await send(.POST, "/projects/\(id)/restore")
    }
}

/// One public method of pixel-client 1.2.8 (its sync `PixelClient` and async `PixelClientAsync`
/// have the same 94) and where it lives here: the async and blocking Swift methods, the CLI
/// command, the emulator routes it calls, and what deliberately differs.
struct CoverageRow: Sendable {
    var python: String
    var async: String
    var blocking: String
    /// `pixel …` words, then options; the words must name a command.
    var cli: String
    /// Emulator route keys (`METHOD /path`), in the order a call uses them.
    var routes: [String]
    var note: String

    init(_ python: String, _ async: String, blocking: String? = nil, cli: String, _ routes: [String], _ note: String = "") {
        self.python = python
        self.async = async
        self.blocking = blocking ?? async
        self.cli = cli
        self.routes = routes
        self.note = note
    }
}

private let dc = "/projects/{p}/data_collections/{dc}"

/// `dc + path`.
private func DC(_ path: String) -> String { dc + path }

/// The routes of an upload of `kind` (single file or batch).
private func upload(_ kind: String, batch: Bool) -> [String] {
    ["GET " + dc, "POST " + DC("/upload_jobs/"), "POST " + DC("/upload_jobs/multipart")]
        + (batch
            ? ["PUT " + DC("/upload_jobs/multiple_uploadFinished"), "GET /jobs/groups/{g}", "GET " + DC("/upload_jobs/"), "GET " + DC("/\(kind)/")]
            : ["PUT " + DC("/upload_jobs/{u}/uploadFinished"), "GET /jobs/{j}", "GET " + DC("/upload_jobs/"), "GET " + DC("/\(kind)/{id}")])
}

/// The rows of one resource kind: images, rasters or point clouds.
private func resourceRows(
    python singular: String, plural: String, swift: String, swiftPlural: String, type: String, path: String, cli: String, moveRoute: String,
    moveSignature: String, moveNote: String, uploadNote: String
) -> [CoverageRow] {
    [
        CoverageRow(
            "get_\(plural)", "get\(swiftPlural)(project:dataCollection:_:)", cli: "\(cli) list", ["GET " + DC("/\(path)/")],
            "One generic implementation: `list(\(type).self, project:dataCollection:_:)`."),
        CoverageRow(
            "paginate_\(plural)", "paginate\(swiftPlural)(project:dataCollection:pageSize:_:)", cli: "\(cli) list --all", ["GET " + DC("/\(path)/")],
            "An `AsyncSequence` (blocking: a `Sequence` of `Result`); a server that caps the page size does not end it early."),
        CoverageRow(
            "get_\(singular)", "get\(swift)(project:dataCollection:id:)", cli: "\(cli) get", ["GET " + DC("/\(path)/{id}")],
            "Generic: `get(\(type).self, …)`."),
        CoverageRow(
            "update_\(singular)", "update\(swift)(project:dataCollection:id:_:)", cli: "\(cli) update", ["PUT " + DC("/\(path)/{id}")],
            "Generic: `update(\(type).self, …)`; an empty update or metadata fields of another kind are refused before sending."),
        CoverageRow("move_\(singular)", moveSignature, cli: "\(cli) move", [moveRoute], moveNote),
        CoverageRow(
            "delete_\(singular)", "delete\(swift)(project:dataCollection:id:)", cli: "\(cli) delete", ["DELETE " + DC("/\(path)/{id}")],
            "Generic: `delete(\(type).self, …)`; a typed `DeletionResult`."),
        CoverageRow(
            "upload_\(singular)", "upload\(swift)(project:dataCollection:_:mode:options:progress:)", cli: "\(cli) upload", upload(path, batch: false),
            "Streams from disk; single-part or multipart by size (`UploadMode`); object-store retries. Generic: `upload(…, as: \(type).self)`."
                + uploadNote),
        CoverageRow(
            "upload_multiple_\(plural)", "upload\(swiftPlural)(project:dataCollection:_:mode:options:progress:)", cli: "\(cli) upload",
            upload(path, batch: true),
            "Returns what was created and each file's failure, in input order; files are paired with jobs by name. Generic: `uploadMany(…, as: \(type).self)`."
        ),
    ]
}

/// Every public method of pixel-client 1.2.8, in its source order, and where it lives here.
let apiCoverage: [CoverageRow] =
    [
        CoverageRow("me", "me(extended:)", cli: "users me", ["GET /users/me"], "Also shown by `pixel auth login`."),
        CoverageRow("get_plugins", "getPlugins()", cli: "users plugins", ["GET /plugins/"]),
        CoverageRow(
            "create_project", "createProject(name:description:areaOfInterest:parentProjectID:tags:)", cli: "projects create", ["POST /projects/"],
            "Also `createProject(_:)` with a `ProjectCreate`."),
        CoverageRow(
            "list_projects", "listProjects(_:)", cli: "projects list", ["GET /projects/"],
            "`paginateProjects(pageSize:_:)` pages it; the CLI's `--all` does."),
        CoverageRow("list_deleted_projects", "listDeletedProjects(_:)", cli: "projects list --deleted", ["GET /projects/deleted"]),
        CoverageRow("get_project", "getProject(_:extended:)", cli: "projects get", ["GET /projects/{p}"]),
        CoverageRow(
            "update_project", "updateProject(_:_:)", cli: "projects update", ["PUT /projects/{p}"],
            "An update that sets nothing is refused before sending."),
        CoverageRow("delete_project", "deleteProject(_:)", cli: "projects delete", ["DELETE /projects/{p}"], "A typed `DeletionResult`."),
        CoverageRow("restore_project", "restoreProject(_:)", cli: "projects restore", ["POST /projects/{p}/restore"]),
        CoverageRow(
            "move_project", "moveProject(_:to:)", cli: "projects move", ["PUT /projects/{p}/move"],
            "`ProjectDestination` (`.root` or `.project(id)`): a parent id of 0 does not silently mean the top level."),
        CoverageRow(
            "create_data_collection", "createDataCollection(project:name:description:dataCollectionType:tags:rasterInfo:)", cli: "collections create",
            ["POST /projects/{p}/data_collections/"], "Also `createDataCollection(project:_:)` with a `DataCollectionCreate`."),
        CoverageRow("list_data_collections", "listDataCollections(project:_:)", cli: "collections list", ["GET /projects/{p}/data_collections/"]),
        CoverageRow(
            "list_deleted_data_collections", "listDeletedDataCollections(project:_:)", cli: "collections list --deleted",
            ["GET /projects/{p}/data_collections/deleted"]),
        CoverageRow("get_data_collection", "getDataCollection(project:id:)", cli: "collections get", ["GET " + dc]),
        CoverageRow(
            "update_data_collection", "updateDataCollection(project:id:_:)", cli: "collections update", ["PUT " + dc],
            "An update that sets nothing is refused before sending."),
        CoverageRow("move_data_collection", "moveDataCollection(project:id:to:)", cli: "collections move", ["PUT " + DC("/move")]),
        CoverageRow("delete_data_collection", "deleteDataCollection(project:id:)", cli: "collections delete", ["DELETE " + dc]),
        CoverageRow("restore_data_collection", "restoreDataCollection(project:id:)", cli: "collections restore", ["POST " + DC("/restore")]),
    ]
    + resourceRows(
        python: "image", plural: "images", swift: "Image", swiftPlural: "Images", type: "Image", path: "images", cli: "images",
        moveRoute: "PUT " + DC("/images/{id}/move"), moveSignature: "moveImage(project:dataCollection:id:toProject:toDataCollection:)",
        moveNote: "Generic: `move(Image.self, …, to: CollectionLocation)`.", uploadNote: ""
    ) + [
        CoverageRow(
            "get_image_metadata", "getImageMetadata(project:dataCollection:id:)", cli: "images metadata", ["GET " + DC("/images/{id}/metadata")],
            "A typed `MetadataObject`.")
    ]
    + resourceRows(
        python: "raster", plural: "rasters", swift: "Raster", swiftPlural: "Rasters", type: "Raster", path: "rasters", cli: "rasters",
        moveRoute: "PUT " + DC("/rasters/{id}/move"), moveSignature: "moveRaster(project:dataCollection:id:toProject:toDataCollection:)",
        moveNote: "Generic: `move(Raster.self, …, to: CollectionLocation)`.",
        uploadNote: " The same argument order in both forms (Python's sync and async `upload_raster` differ)."
    )
    + resourceRows(
        python: "point_cloud", plural: "point_clouds", swift: "PointCloud", swiftPlural: "PointClouds", type: "PointCloud", path: "point_clouds",
        cli: "point-clouds", moveRoute: "POST " + DC("/point_clouds/{id}/move"),
        moveSignature: "movePointCloud(project:dataCollection:id:toDataCollection:)",
        moveNote: "Generic: `move(PointCloud.self, …, to: DataCollectionID)`; a POST with a body, so not retried automatically.",
        uploadNote: ""
    ) + [
        CoverageRow(
            "get_upload_jobs", "getUploadJobs(project:dataCollection:ids:offset:limit:)", cli: "upload-jobs list", ["GET " + DC("/upload_jobs/")]),
        CoverageRow(
            "create_optimized_rasters", "createOptimizedRasters(project:dataCollection:_:options:)", cli: "optimized-rasters create",
            ["POST " + DC("/rasters/optimized/")],
            "`Selection` (`.all` or `.only(ids)`): an empty list is refused instead of meaning all; profile, nearblack and resampling in `RasterOptimizationOptions`."
        ),
        CoverageRow(
            "run_optimize_rasters", "runOptimizeRasters(project:dataCollection:_:retryFailed:wait:)", cli: "optimized-rasters run",
            ["POST " + DC("/rasters/optimized/run"), "GET /jobs/groups/{g}"],
            "Waits on the job group by default and returns it finished; `wait: nil` returns it as started. Failed copies show in the group's counts."),
        CoverageRow(
            "get_optimized_rasters", "getOptimizedRasters(project:dataCollection:_:)", cli: "optimized-rasters list",
            ["GET " + DC("/rasters/optimized/")],
            "The filters are optional in both forms (Python's sync form requires them)."),
        CoverageRow(
            "delete_optimized_rasters", "deleteOptimizedRasters(project:dataCollection:rasterID:profile:)", cli: "optimized-rasters delete",
            ["DELETE " + DC("/rasters/{id}/optimized")], "Returns the deleted `OptimizedRaster`s."),
        CoverageRow(
            "optimize_rasters", "optimizeRasters(project:dataCollection:_:options:wait:)", cli: "optimized-rasters optimize",
            [
                "POST " + DC("/rasters/optimized/"), "POST " + DC("/rasters/optimized/run"), "GET /jobs/groups/{g}",
                "GET " + DC("/rasters/optimized/"),
            ],
            "Create, run, wait, then read the copies back as they ended."),
        CoverageRow(
            "create_optimized_point_clouds", "createOptimizedPointClouds(project:dataCollection:_:)", cli: "optimized-point-clouds create",
            ["POST " + DC("/point_clouds/optimized/")], "`Selection`, as for rasters."),
        CoverageRow(
            "run_optimize_point_clouds", "runOptimizePointClouds(project:dataCollection:_:retryFailed:wait:)", cli: "optimized-point-clouds run",
            ["POST " + DC("/point_clouds/optimized/run"), "GET /jobs/groups/{g}"],
            "The copies to run are typed `OptimizedPointCloudID`s (the API's field is `point_cloud_ids`); waiting as for rasters."),
        CoverageRow(
            "get_optimized_point_clouds", "getOptimizedPointClouds(project:dataCollection:_:)", cli: "optimized-point-clouds list",
            ["GET " + DC("/point_clouds/optimized/")], "`OptimizedPointCloudListParams` with the status filter."),
        CoverageRow(
            "delete_optimized_point_cloud", "deleteOptimizedPointCloud(project:dataCollection:pointCloudID:)", cli: "optimized-point-clouds delete",
            ["DELETE " + DC("/point_clouds/{id}/optimized")]),
        CoverageRow(
            "optimize_point_clouds", "optimizePointClouds(project:dataCollection:_:wait:)", cli: "optimized-point-clouds optimize",
            [
                "POST " + DC("/point_clouds/optimized/"), "POST " + DC("/point_clouds/optimized/run"), "GET /jobs/groups/{g}",
                "GET " + DC("/point_clouds/optimized/"),
            ],
            "Create, run, wait, read back."),
        CoverageRow("get_job", "getJob(_:)", cli: "jobs get", ["GET /jobs/{j}"]),
        CoverageRow("get_job_group", "getJobGroup(_:)", cli: "jobs group", ["GET /jobs/groups/{g}"]),
        CoverageRow(
            "wait_for_job", "waitForJob(_:timeout:initialPollInterval:maxPollInterval:)", cli: "jobs wait", ["GET /jobs/{j}"],
            "A real timeout on a monotonic clock, backoff, cancellation; a failed job throws `jobFailed`."),
        CoverageRow(
            "wait_for_group_job", "waitForJobGroup(_:timeout:failOnJobFailure:initialPollInterval:maxPollInterval:)", cli: "jobs wait-group",
            ["GET /jobs/groups/{g}"], "Also when the group is complete at the first poll; failed jobs throw unless `failOnJobFailure: false`."),
        CoverageRow("list_gdo_users", "listGDOUsers()", cli: "arcgis gdo-users", ["GET /arcgis_services/gdo-users"]),
        CoverageRow(
            "create_arcgis_service", "createArcGISService(_:_:)", cli: "arcgis create", ["POST /arcgis_services/{service_type}/"],
            "`ArcGISServiceType` is an open enum; a missing or foreign options block and an empty collection list are refused before sending."),
        CoverageRow("list_arcgis_services", "listArcGISServices(_:_:)", cli: "arcgis list", ["GET /arcgis_services/{service_type}/"]),
        CoverageRow("get_arcgis_service", "getArcGISService(_:id:)", cli: "arcgis get", ["GET /arcgis_services/{service_type}/{id}"]),
        CoverageRow("delete_arcgis_service", "deleteArcGISService(_:id:)", cli: "arcgis delete", ["DELETE /arcgis_services/{service_type}/{id}"]),
        CoverageRow(
            "update_arcgis_service", "updateArcGISService(_:id:_:)", cli: "arcgis update", ["PUT /arcgis_services/{service_type}/{id}"],
            "An update that sets nothing is refused before sending."),
        CoverageRow(
            "start_arcgis_service", "startArcGISService(_:id:wait:)", cli: "arcgis start",
            ["PUT /arcgis_services/{service_type}/{id}/start", "GET /jobs/{j}", "GET /arcgis_services/{service_type}/{id}"],
            "`wait: JobWait?` (1000 s by default) returns `ArcGISServiceChange`: the finished job and the service read after it; a failed job throws."
        ),
        CoverageRow(
            "stop_arcgis_service", "stopArcGISService(_:id:wait:)", cli: "arcgis stop",
            ["PUT /arcgis_services/{service_type}/{id}/stop", "GET /jobs/{j}", "GET /arcgis_services/{service_type}/{id}"], "As start."),
        CoverageRow(
            "refresh_arcgis_service", "refreshArcGISService(_:id:refreshData:wait:)", cli: "arcgis refresh",
            ["PUT /arcgis_services/{service_type}/{id}/refresh", "GET /jobs/{j}", "GET /arcgis_services/{service_type}/{id}"], "As start."),
        CoverageRow(
            "create_harvest_service", "createHarvestService(project:dataCollection:_:)", cli: "harvest create", ["POST " + DC("/harvest_services/")],
            "Sensitive: credentials and API keys never reach a log, an error (even an echoed body) or an event; the CLI reads them from environment variables."
        ),
        CoverageRow(
            "list_harvest_services", "listHarvestServices(project:dataCollection:_:)", cli: "harvest list", ["GET " + DC("/harvest_services/")]),
        CoverageRow(
            "get_harvest_service", "getHarvestService(project:dataCollection:id:)", cli: "harvest get", ["GET " + DC("/harvest_services/{id}")]),
        CoverageRow(
            "update_harvest_service", "updateHarvestService(project:dataCollection:id:_:)", cli: "harvest update",
            ["PUT " + DC("/harvest_services/{id}")],
            "Sensitive, as create; field-map changes are `.add`/`.update`/`.remove`, so a change the API rejects cannot be built."),
        CoverageRow(
            "delete_harvest_service", "deleteHarvestService(project:dataCollection:id:)", cli: "harvest delete",
            ["DELETE " + DC("/harvest_services/{id}")]),
        CoverageRow(
            "get_harvest_service_tasks", "getHarvestServiceTasks(project:dataCollection:id:_:)", cli: "harvest tasks",
            ["GET " + DC("/harvest_services/{id}/")],
            "The filters are optional, and `status` and `get_new` are sent (Python's keyword path drops them)."),
        CoverageRow(
            "start_harvest_service", "startHarvestService(project:dataCollection:id:)", cli: "harvest start",
            ["POST " + DC("/harvest_services/{id}/start")],
            "A typed `HarvestServiceChange`."),
        CoverageRow(
            "stop_harvest_service", "stopHarvestService(project:dataCollection:id:)", cli: "harvest stop",
            ["POST " + DC("/harvest_services/{id}/stop")],
            "A typed `HarvestServiceChange`."),
        CoverageRow(
            "create_oidc_user", "createOIDCUser(_:)", cli: "users create", ["POST /users/oidc/"],
            "Sensitive: the password never reaches a log, an error (even an echoed body) or an event; the CLI reads it from an environment variable."),
        CoverageRow(
            "update_oidc_user", "updateOIDCUser(_:_:)", cli: "users update", ["PUT /users/oidc/{user}/"],
            "Sensitive; `enabled` is sent only when set, so an update never re-enables a disabled user."),
        CoverageRow("list_attachments", "listAttachments(_:status:)", cli: "attachments list", ["GET /attachments/"]),
        CoverageRow(
            "add_attachments", "addAttachments(_:_:options:progress:)", cli: "attachments add", ["POST /attachments/", "PUT /attachments/update"],
            "Streamed from disk with a concurrency limit; per-file failures are returned, not thrown."),
        CoverageRow("move_attachment", "moveAttachment(_:id:to:)", cli: "attachments move", ["PUT /attachments/move"]),
        CoverageRow("delete_attachment", "deleteAttachment(_:id:)", cli: "attachments delete", ["DELETE /attachments/"]),
        CoverageRow("search_info", "searchInfo(on:)", cli: "search info", ["GET /search/info"], "A typed `SearchInfo`; the whole answer is kept."),
        CoverageRow(
            "search", "search(_:)", cli: "search run", ["POST /search/"],
            "`search(_:as:)` decodes results as `Image`, `Project`, …; `pixel search` runs it by default."),
        CoverageRow(
            "paginate_search", "paginateSearch(_:pageSize:)", cli: "search run --all", ["POST /search/"],
            "Starts at the query's offset and stops at `total_count`; `paginateSearch(_:as:pageSize:)` decodes."),
        CoverageRow("list_analysis_modules", "listAnalysisModules()", cli: "analysis modules", ["GET /analysis/modules/"]),
        CoverageRow("list_analysis_services", "listAnalysisServices(_:)", cli: "analysis services list", ["GET /analysis/services/"]),
        CoverageRow(
            "create_analysis_service", "createAnalysisService(_:)", cli: "analysis services create", ["POST /analysis/services/"],
            "Takes an `AnalysisServiceCreate` (no keyword form, as Python's sync form)."),
        CoverageRow(
            "patch_analysis_service", "patchAnalysisService(_:_:)", cli: "analysis services patch", ["PATCH /analysis/services/{service}"],
            "`PatchField`: `.keep` (not sent), `.set(value)`, `.clear` (null); a patch that changes nothing is refused."),
        CoverageRow(
            "delete_analysis_service", "deleteAnalysisService(_:)", cli: "analysis services delete", ["DELETE /analysis/services/{service}"],
            "Returns nothing instead of `True`; a failure throws."),
        CoverageRow("list_analysis_tasks", "listAnalysisTasks(_:_:)", cli: "analysis tasks list", ["GET /analysis/services/{service}/tasks/"]),
        CoverageRow("create_analysis_task", "createAnalysisTask(_:_:)", cli: "analysis tasks create", ["POST /analysis/services/{service}/tasks/"]),
        CoverageRow(
            "delete_analysis_task", "deleteAnalysisTask(_:_:)", cli: "analysis tasks delete", ["DELETE /analysis/services/{service}/tasks/{task}"],
            "Returns nothing instead of `True`; a failure throws."),
        CoverageRow("run_analysis_task", "runAnalysisTask(_:_:)", cli: "analysis tasks run", ["POST /analysis/services/{service}/tasks/{task}/run"]),
        CoverageRow(
            "revoke_analysis_task", "revokeAnalysisTask(_:_:)", cli: "analysis tasks revoke",
            ["POST /analysis/services/{service}/tasks/{task}/revoke"]),
    ]

/// The 94 public methods of pixel-client 1.2.8's `PixelClientAsync` (its sync `PixelClient`
/// has the same), as `dir()` lists them. `scripts/python-client-smoke` checks the installed
/// package against the published table.
let pixelClientMethods: Set<String> = [
    "add_attachments", "create_analysis_service", "create_analysis_task", "create_arcgis_service", "create_data_collection",
    "create_harvest_service", "create_oidc_user", "create_optimized_point_clouds", "create_optimized_rasters", "create_project",
    "delete_analysis_service", "delete_analysis_task", "delete_arcgis_service", "delete_attachment", "delete_data_collection",
    "delete_harvest_service", "delete_image", "delete_optimized_point_cloud", "delete_optimized_rasters", "delete_point_cloud",
    "delete_project", "delete_raster", "get_arcgis_service", "get_data_collection", "get_harvest_service", "get_harvest_service_tasks",
    "get_image", "get_image_metadata", "get_images", "get_job", "get_job_group", "get_optimized_point_clouds", "get_optimized_rasters",
    "get_plugins", "get_point_cloud", "get_point_clouds", "get_project", "get_raster", "get_rasters", "get_upload_jobs",
    "list_analysis_modules", "list_analysis_services", "list_analysis_tasks", "list_arcgis_services", "list_attachments",
    "list_data_collections", "list_deleted_data_collections", "list_deleted_projects", "list_gdo_users", "list_harvest_services",
    "list_projects", "me", "move_attachment", "move_data_collection", "move_image", "move_point_cloud", "move_project", "move_raster",
    "optimize_point_clouds", "optimize_rasters", "paginate_images", "paginate_point_clouds", "paginate_rasters", "paginate_search",
    "patch_analysis_service", "refresh_arcgis_service", "restore_data_collection", "restore_project", "revoke_analysis_task",
    "run_analysis_task", "run_optimize_point_clouds", "run_optimize_rasters", "search", "search_info", "start_arcgis_service",
    "start_harvest_service", "stop_arcgis_service", "stop_harvest_service", "update_arcgis_service", "update_data_collection",
    "update_harvest_service", "update_image", "update_oidc_user", "update_point_cloud", "update_project", "update_raster",
    "upload_image", "upload_multiple_images", "upload_multiple_point_clouds", "upload_multiple_rasters", "upload_point_cloud",
    "upload_raster", "wait_for_group_job", "wait_for_job",
]

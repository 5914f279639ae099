/// Every API route below `/{tenant}`, with the exact paths and trailing slashes of the Pixel API.
/// One file per area holds each group.
enum APIRoutes {
    static let dc = "projects/{p}/data_collections/{dc}"
    static var all: [APIRoute] {
        account + projects + dataCollections + ResourceKind.allCases.flatMap(resources) + uploadJobs + jobs
            + [ResourceKind.raster, .pointCloud].flatMap(optimization) + arcgis + harvest + attachments + search + analysis
    }
}

/// Starter data for a fresh emulator, so a client has something to list.
public enum EmulatorSeed: String, Sendable, CaseIterable {
    /// Per tenant: project "Demo project" (with an area of interest) holding the data collections
    /// "Demo images" (`image`), "Demo rasters" (`raster`) and "Demo point clouds" (`point_cloud`).
    case demo
}

extension PixelEmulator {
    /// Adds starter data to every configured tenant.
    ///
    /// ```swift
    /// try await emulator.seed(.demo)
    /// ```
    public func seed(_ seed: EmulatorSeed) async throws {
        switch seed {
        case .demo:
            for tenant in Set(configuration.users.map { $0.tenant.lowercased() }) {
                try await server.state.withTenant(tenant) { data, _ in
                    let project = try data.createProject(
                        BodyReader([
                            "name": "Demo project", "description": "Seeded by the Pixel emulator",
                            "area_of_interest": [
                                "type": "Polygon",
                                "coordinates": [[[10.0, 59.0], [11.0, 59.0], [11.0, 60.0], [10.0, 60.0], [10.0, 59.0]]],
                            ],
                            "tags": ["demo"],
                        ]))
                    let projectID = project["id"]?.intValue ?? 0
                    for (name, type) in [("Demo images", "image"), ("Demo rasters", "raster"), ("Demo point clouds", "point_cloud")] {
                        _ = try data.createDataCollection(
                            projectID, BodyReader(["name": .string(name), "description": "", "data_collection_type": .string(type)]))
                    }
                }
            }
        }
    }
}

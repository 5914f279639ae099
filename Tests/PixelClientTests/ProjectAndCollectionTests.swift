import PixelClient
import PixelEmulator
import Testing

@Suite struct ProjectAndCollectionTests {
    @Test func meAndPlugins() async throws {
        try await withClient { _, client in
            let me = try await client.me()
            #expect(me.email == "demo@example.com")
            let extended = try await client.me(extended: true)
            #expect(extended.email == me.email)
            let plugins = try await client.getPlugins()
            #expect(plugins.map(\.name).contains("optimized_raster"))
        }
    }

    @Test func projectLifecycle() async throws {
        try await withClient { _, client in
            let parent = try await client.createProject(name: "Parent", description: "p", areaOfInterest: testArea, tags: ["a"])
            #expect(parent.areaOfInterest == testArea)
            let child = try await client.createProject(
                ProjectCreate(name: "Child", description: "c", areaOfInterest: testArea, parentProjectID: parent.id))
            #expect(child.parentProjectID == parent.id)

            let listed = try await client.listProjects(ListParams(ids: [parent.id, child.id]))
            #expect(Set(listed.map(\.id)) == [parent.id, child.id])
            #expect(try await client.listProjects(ListParams(name: "Parent")).map(\.id).contains(parent.id))

            let updated = try await client.updateProject(child.id, ProjectUpdate(name: "Renamed", addTags: ["x"]))
            #expect(updated.name == "Renamed")
            #expect(updated.tags?.contains("x") == true)

            let moved = try await client.moveProject(child.id, to: .root)
            #expect(moved.parentProjectID == nil)
            let back = try await client.moveProject(child.id, to: .project(parent.id))
            #expect(back.parentProjectID == parent.id)

            let fetched = try await client.getProject(parent.id, extended: true)
            #expect(fetched.name == "Parent")

            try await client.deleteProject(child.id)
            #expect(try await client.listDeletedProjects().map(\.id).contains(child.id))
            let restored = try await client.restoreProject(child.id)
            #expect(restored.id == child.id)
        }
    }

    @Test func projectErrorPaths() async throws {
        try await withClient { _, client in
            let missing = try await #require(throws: PixelError.self) { try await client.getProject(424_242) }
            #expect(missing.code == .httpStatus)
            #expect(missing.status == 404)
            #expect(missing.detail?.contains("not found") == true)
            #expect(missing.url?.hasSuffix("/demo/projects/424242?extended=false") == true)

            let empty = try await #require(throws: PixelError.self) { try await client.updateProject(1, ProjectUpdate()) }
            #expect(empty.code == .invalidInput)

            let invalid = try await #require(throws: PixelError.self) {
                try await client.createProject(name: "", description: "", areaOfInterest: GeoJSONPolygon(coordinates: []))
            }
            #expect(invalid.status == 422 || invalid.status == 400)
            #expect(invalid.requestBody?.contains("\"name\":\"\"") == true)
        }
    }

    @Test func dataCollectionLifecycle() async throws {
        try await withClient { _, client in
            let project = try await client.createProject(name: "DC", description: "", areaOfInterest: testArea)
            let other = try await client.createProject(name: "Other", description: "", areaOfInterest: testArea)
            let rasters = try await client.createDataCollection(
                project: project.id, name: "DTM", description: "d", dataCollectionType: .dtm,
                rasterInfo: RasterInfo(srid: 25833, cellSize: (x: 0.5, y: 0.5), numBands: 1))
            #expect(rasters.dataCollectionType == .dtm)
            #expect(rasters.rasterInfo?.cellSize == [0.5, 0.5])
            let images = try await client.createDataCollection(
                project: project.id, DataCollectionCreate(name: "Imgs", description: "", dataCollectionType: .image))

            let onlyImages = try await client.listDataCollections(project: project.id, DataCollectionListParams(dataCollectionType: .image))
            #expect(onlyImages.map(\.id) == [images.id])
            #expect(try await client.getDataCollection(project: project.id, id: rasters.id).name == "DTM")
            #expect(
                try await client.updateDataCollection(project: project.id, id: rasters.id, DataCollectionUpdate(name: "DSM-ish")).name == "DSM-ish")

            let moved = try await client.moveDataCollection(project: project.id, id: images.id, to: other.id)
            #expect(moved.projectID == other.id)
            try await client.deleteDataCollection(project: other.id, id: images.id)
            #expect(try await client.listDeletedDataCollections(project: other.id).map(\.id) == [images.id])
            _ = try await client.restoreDataCollection(project: other.id, id: images.id)

            let wrongProject = try await #require(throws: PixelError.self) {
                try await client.getDataCollection(project: project.id, id: images.id)
            }
            #expect(wrongProject.status == 404)
            let badType = try await #require(throws: PixelError.self) {
                try await client.createDataCollection(project: project.id, name: "x", description: "", dataCollectionType: .unknown("video"))
            }
            #expect(badType.status == 422 || badType.status == 400)
        }
    }
}

import Dispatch
import Foundation
import PixelClient
import PixelEmulator
import Testing

@Suite struct SyncClientTests {
    @Test func eightPlainThreadsShareOneClientPoolAndToken() async throws {
        try await withClient { emulator, asyncClient in
            let client = asyncClient.blocking
            let results = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await onPlainThread { try client.me().email } }
                }
                var emails: [String?] = []
                for try await email in group { emails.append(email) }
                return emails
            }
            #expect(results == Array(repeating: "demo@example.com", count: 8))
            #expect(emulator.stats.grantCount(.password) == 1)
        }
    }

    @Test func insideATaskItFailsFastAndNamesTheAsyncMethod() async throws {
        try await withClient { _, asyncClient in
            let client = asyncClient.blocking
            // More concurrent in-task callers than cooperative threads: none may block.
            let codes = await withTaskGroup(of: PixelError?.self) { group in
                for _ in 0..<16 {
                    group.addTask { Self.callBlocking(client) }
                }
                var errors: [PixelError?] = []
                for await error in group { errors.append(error) }
                return errors
            }
            #expect(codes.count == 16)
            for error in codes {
                #expect(error?.code == .syncCallInAsyncContext)
                #expect(error?.description.contains("listProjects(_:)") == true)
            }
            _ = try await asyncClient.listProjects()  // the pool is still healthy
        }
    }

    /// A synchronous function, so the `noasync` fence does not apply: the runtime guard must.
    private static func callBlocking(_ client: PixelClient) -> PixelError? {
        do {
            _ = try client.listProjects()
            return nil
        } catch {
            return error
        }
    }

    @Test func worksFromADispatchQueue() async throws {
        try await withClient { _, asyncClient in
            let client = asyncClient.blocking
            let plugins = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(with: Result { try client.getPlugins() }) }
            }
            #expect(!plugins.isEmpty)
        }
    }

    @Test func everyFamilyWorksBlockingIncludingErrorsAndPagination() async throws {
        try await withClient { _, asyncClient in
            let client = asyncClient.blocking
            try await onPlainThread {
                #expect(try client.me().email == "demo@example.com")
                #expect(try !client.getPlugins().isEmpty)
                let project = try client.createProject(name: "Sync", description: "", areaOfInterest: testArea)
                let other = try client.createProject(ProjectCreate(name: "Sync2", description: "", areaOfInterest: testArea))
                #expect(try client.getProject(project.id).name == "Sync")
                #expect(try client.listProjects().count == 2)
                #expect(try client.updateProject(project.id, ProjectUpdate(description: "d")).description == "d")
                #expect(try client.moveProject(other.id, to: .project(project.id)).parentProjectID == project.id)
                let dc = try client.createDataCollection(project: project.id, name: "I", description: "", dataCollectionType: .image)
                #expect(try client.listDataCollections(project: project.id).count == 1)
                #expect(try client.getDataCollection(project: project.id, id: dc.id).id == dc.id)
                #expect(try client.updateDataCollection(project: project.id, id: dc.id, DataCollectionUpdate(addTags: ["t"])).tags == ["t"])
                #expect(try client.getImages(project: project.id, dataCollection: dc.id).isEmpty)
                #expect(try client.getRasters(project: project.id, dataCollection: dc.id).isEmpty)
                #expect(try client.getPointClouds(project: project.id, dataCollection: dc.id).isEmpty)
                let pages = try client.paginateProjects(pageSize: 1).collect()
                #expect(pages.count == 2)
                let results = Array(client.paginateSearch(SearchQuery(on: .projects), pageSize: 1))
                #expect(results.count == 2)
                #expect(try client.search(SearchQuery(on: .projects)).totalCount == 2)
                #expect(try client.searchInfo(on: .images)["on"] == "images")
                try client.deleteDataCollection(project: project.id, id: dc.id)
                #expect(try client.listDeletedDataCollections(project: project.id).count == 1)
                _ = try client.restoreDataCollection(project: project.id, id: dc.id)
                try client.deleteProject(other.id)
                #expect(try client.listDeletedProjects().map(\.id) == [other.id])
                _ = try client.restoreProject(other.id)

                let notFound = #expect(throws: PixelError.self) { try client.getProject(777_777) }
                #expect(notFound?.status == 404)
                let badPage = client.paginateImages(project: project.id, dataCollection: 999_999).makeIterator()
                var iterator = badPage
                if case .failure(let error)? = iterator.next() { #expect(error.status == 404) } else { Issue.record("expected a failure") }
                let after = iterator.next()
                #expect(after == nil)
            }
        }
    }

    @Test func resourceAndJobMethodsWorkBlocking() async throws {
        try await withClient { _, asyncClient in
            let (project, images) = try await asyncClient.makeCollection(.image)
            let (rasterProject, rasters) = try await asyncClient.makeCollection(.raster, name: "R")
            let (cloudProject, clouds) = try await asyncClient.makeCollection(.pointCloud, name: "P")
            let image = ImageID(try await asyncClient.uploadForTest(project: project, dataCollection: images, name: "s.jpg", bytes: [1]))
            let raster = RasterID(try await asyncClient.uploadForTest(project: rasterProject, dataCollection: rasters, name: "s.tif", bytes: [2]))
            let cloud = PointCloudID(try await asyncClient.uploadForTest(project: cloudProject, dataCollection: clouds, name: "s.laz", bytes: [3]))
            let client = asyncClient.blocking
            try await onPlainThread {
                let fetched = try client.getImage(project: project, dataCollection: images, id: image)
                #expect(fetched.id == image)
                #expect(try client.updateImage(project: project, dataCollection: images, id: image, ImageUpdate(addTags: ["s"])).tags == ["s"])
                #expect(try client.getImageMetadata(project: project, dataCollection: images, id: image).jsonMetadata == nil)
                #expect(try client.paginateImages(project: project, dataCollection: images).collect().map(\.id) == [image])
                #expect(try client.getRaster(project: rasterProject, dataCollection: rasters, id: raster).id == raster)
                #expect(
                    try client.updateRaster(project: rasterProject, dataCollection: rasters, id: raster, RasterUpdate(addTags: ["r"])).id == raster)
                #expect(try client.paginateRasters(project: rasterProject, dataCollection: rasters).collect().count == 1)
                #expect(try client.getPointCloud(project: cloudProject, dataCollection: clouds, id: cloud).id == cloud)
                #expect(
                    try client.updatePointCloud(project: cloudProject, dataCollection: clouds, id: cloud, PointCloudUpdate(addTags: ["p"])).id
                        == cloud)
                #expect(try client.paginatePointClouds(project: cloudProject, dataCollection: clouds).collect().count == 1)
                let moved = try client.moveImage(project: project, dataCollection: images, id: image, toProject: project, toDataCollection: images)
                #expect(moved.id == image)
                try client.deleteImage(project: project, dataCollection: images, id: image)
                try client.deleteRaster(project: rasterProject, dataCollection: rasters, id: raster)
                try client.deletePointCloud(project: cloudProject, dataCollection: clouds, id: cloud)
                let missingJob = #expect(throws: PixelError.self) { try client.getJob(424_242) }
                #expect(missingJob?.status == 404)
                let missingGroup = #expect(throws: PixelError.self) { try client.waitForJobGroup(424_242) }
                #expect(missingGroup?.status == 404)
                let unauthorized = #expect(throws: PixelError.self) { try client.updateOIDCUser(424_242, OIDCUserUpdate(enabled: false)) }
                #expect(unauthorized?.code == .httpStatus)
            }
        }
    }

    @Test func blockingCloseIsIdempotentAndLaterCallsFail() async throws {
        try await PixelEmulator.withRunning(.testing()) { emulator in
            let settings = testSettings(emulator)
            try await onPlainThread {
                let client = try PixelClient(settings: settings, options: .testing())
                _ = try client.me()
                try client.close()
                try client.close()
                let error = #expect(throws: PixelError.self) { try client.me() }
                #expect(error?.code == .clientClosed)
            }
        }
    }
}

import Foundation
import PixelClient
import PixelEmulator
import Testing

/// Optimized rasters and point clouds, in both client forms, against the emulator.
@Suite struct OptimizationTests {
    /// A raster collection with `count` uploaded rasters.
    private func rasters(_ client: PixelAsyncClient, count: Int) async throws -> (ProjectID, DataCollectionID, [RasterID]) {
        let (project, dc) = try await client.makeCollection(.raster, name: "Optimize")
        var ids: [RasterID] = []
        for index in 0..<count {
            ids.append(RasterID(try await client.uploadForTest(project: project, dataCollection: dc, name: "r\(index).tif", bytes: [UInt8(index)])))
        }
        return (project, dc, ids)
    }

    private func pointClouds(_ client: PixelAsyncClient, count: Int) async throws -> (ProjectID, DataCollectionID, [PointCloudID]) {
        let (project, dc) = try await client.makeCollection(.pointCloud, name: "Optimize")
        var ids: [PointCloudID] = []
        for index in 0..<count {
            ids.append(
                PointCloudID(try await client.uploadForTest(project: project, dataCollection: dc, name: "p\(index).laz", bytes: [UInt8(index)])))
        }
        return (project, dc, ids)
    }

    @Test func rastersAreCreatedRunListedAndDeleted() async throws {
        try await withClient { _, client in
            let (project, dc, ids) = try await rasters(client, count: 2)
            let options = RasterOptimizationOptions(
                profile: "web", nearblack: NearblackOptions(enabled: true, color: .level(12), algorithm: .floodfill), overviewResampling: .lanczos)
            let created = try await client.createOptimizedRasters(project: project, dataCollection: dc, .only([ids[0]]), options: options)
            #expect(created.count == 1)
            #expect(created[0].rasterID == ids[0])
            #expect(created[0].status == .pending)
            #expect(created[0].profile == "web")
            #expect(created[0].creationOptions?.nearblackOptions == options.nearblack)
            #expect(created[0].creationOptions?.overviewResampling == .lanczos)

            let group = try await client.runOptimizeRasters(project: project, dataCollection: dc, .only(created.map(\.id)), wait: .fast)
            #expect(group.completed)
            #expect(group.totalJobs == 1 && group.successCount == 1)
            let listed = try await client.getOptimizedRasters(project: project, dataCollection: dc)
            #expect(listed.map(\.id) == created.map(\.id))
            #expect(listed.first?.status == .completed)
            #expect(listed.first?.fileName?.hasSuffix(".cog.tif") == true)

            let deleted = try await client.deleteOptimizedRasters(project: project, dataCollection: dc, rasterID: ids[0], profile: "web")
            #expect(deleted.map(\.id) == created.map(\.id))
            #expect(try await client.getOptimizedRasters(project: project, dataCollection: dc).isEmpty)
        }
    }

    @Test func optimizeRastersDoesEverythingForAllRastersAndWaits() async throws {
        try await withClient { _, client in
            let (project, dc, ids) = try await rasters(client, count: 3)
            let optimized = try await client.optimizeRasters(project: project, dataCollection: dc, .all, wait: .fast)
            #expect(Set(optimized.compactMap(\.rasterID)) == Set(ids))
            #expect(optimized.allSatisfy { $0.status == .completed })
            // The default options are what the API assumes: nearblack off, average overviews.
            #expect(optimized.first?.creationOptions?.nearblackOptions == .disabled)
            #expect(optimized.first?.creationOptions?.overviewResampling == .average)
        }
    }

    @Test func aRunWithoutWaitingReturnsTheGroupAsStarted() async throws {
        try await withClient { _, client in
            let (project, dc, _) = try await rasters(client, count: 1)
            _ = try await client.createOptimizedRasters(project: project, dataCollection: dc, .all)
            let started = try await client.runOptimizeRasters(project: project, dataCollection: dc, .all, wait: nil)
            #expect(!started.completed)
            let groupID = try #require(started.id)
            let finished = try await client.waitForJobGroup(groupID, initialPollInterval: .milliseconds(5))
            #expect(finished.successCount == 1)
        }
    }

    @Test func anEmptySelectionIsRefusedBeforeAnyRequest() async throws {
        try await withClient { emulator, client in
            let (project, dc, _) = try await rasters(client, count: 1)
            let before = emulator.stats.requestCount(method: "POST", path: "/demo/projects/\(project)/data_collections/\(dc)/rasters/optimized/")
            for error in [
                try await #require(throws: PixelError.self) {
                    try await client.createOptimizedRasters(project: project, dataCollection: dc, .only([]))
                },
                try await #require(throws: PixelError.self) { try await client.runOptimizeRasters(project: project, dataCollection: dc, .only([])) },
                try await #require(throws: PixelError.self) { try await client.optimizePointClouds(project: project, dataCollection: dc, .only([])) },
            ] {
                #expect(error.code == .invalidInput)
                #expect(error.message.contains(".all"))
            }
            #expect(
                emulator.stats.requestCount(method: "POST", path: "/demo/projects/\(project)/data_collections/\(dc)/rasters/optimized/") == before)
        }
    }

    @Test func aValueTheAPIRejectsIsA422WithItsDetail() async throws {
        try await withClient { _, client in
            let (project, dc, ids) = try await rasters(client, count: 1)
            let error = await #expect(throws: PixelError.self) {
                try await client.createOptimizedRasters(
                    project: project, dataCollection: dc, .only(ids), options: RasterOptimizationOptions(overviewResampling: .unknown("sideways")))
            }
            expectValidationError(error, naming: "overview_resampling")
            #expect(error?.requestBody?.contains("sideways") == true)
        }
    }

    @Test func pointCloudsAreCreatedRunListedAndDeleted() async throws {
        try await withClient { _, client in
            let (project, dc, ids) = try await pointClouds(client, count: 2)
            let created = try await client.createOptimizedPointClouds(project: project, dataCollection: dc, .all)
            #expect(Set(created.compactMap(\.pointCloudID)) == Set(ids))
            let group = try await client.runOptimizePointClouds(project: project, dataCollection: dc, .only([created[0].id]), wait: .fast)
            #expect(group.successCount == 1)
            let done = try await client.getOptimizedPointClouds(
                project: project, dataCollection: dc, OptimizedPointCloudListParams(status: .completed))
            #expect(done.map(\.id) == [created[0].id])
            #expect(done.first?.format == .laz)
            let pending = try await client.getOptimizedPointClouds(
                project: project, dataCollection: dc, OptimizedPointCloudListParams(status: .pending))
            #expect(pending.map(\.id) == [created[1].id])
            let deleted = try await client.deleteOptimizedPointCloud(project: project, dataCollection: dc, pointCloudID: ids[0])
            #expect(deleted.deleted == true)
            let missing = await #expect(throws: PixelError.self) {
                try await client.deleteOptimizedPointCloud(project: project, dataCollection: dc, pointCloudID: ids[0])
            }
            #expect(missing?.status == 404)
        }
    }

    @Test func optimizePointCloudsRunsTheNewCopiesAndReturnsThemFinished() async throws {
        try await withClient { _, client in
            let (project, dc, ids) = try await pointClouds(client, count: 2)
            let optimized = try await client.optimizePointClouds(project: project, dataCollection: dc, .only([ids[1]]), wait: .fast)
            #expect(optimized.map(\.pointCloudID) == [ids[1]])
            #expect(optimized.first?.status == .completed)
            #expect(optimized.first?.fileName?.hasSuffix(".copc.laz") == true)
            let error = await #expect(throws: PixelError.self) {
                try await client.getOptimizedPointClouds(project: project, dataCollection: dc, OptimizedPointCloudListParams(pointRecordFormat: 11))
            }
            expectValidationError(error, naming: "point_record_format")
        }
    }

    @Test func everyOptimizationMethodWorksBlocking() async throws {
        try await withClient { _, asyncClient in
            let (project, dc, ids) = try await rasters(asyncClient, count: 2)
            let (cloudProject, clouds, cloudIDs) = try await pointClouds(asyncClient, count: 2)
            let client = asyncClient.blocking
            try await onPlainThread {
                let created = try client.createOptimizedRasters(project: project, dataCollection: dc, .only([ids[0]]))
                #expect(try client.runOptimizeRasters(project: project, dataCollection: dc, .only(created.map(\.id)), wait: .fast).completed)
                #expect(try client.getOptimizedRasters(project: project, dataCollection: dc).first?.status == .completed)
                #expect(try client.optimizeRasters(project: project, dataCollection: dc, .only([ids[1]]), wait: .fast).first?.status == .completed)
                #expect(try client.deleteOptimizedRasters(project: project, dataCollection: dc, rasterID: ids[0]).count == 1)
                let error = #expect(throws: PixelError.self) {
                    try client.createOptimizedRasters(
                        project: project, dataCollection: dc, .all,
                        options: RasterOptimizationOptions(nearblack: NearblackOptions(enabled: true, color: .unknown("grey"))))
                }
                expectValidationError(error, naming: "color")

                let copies = try client.createOptimizedPointClouds(project: cloudProject, dataCollection: clouds, .only([cloudIDs[0]]))
                #expect(
                    try client.runOptimizePointClouds(project: cloudProject, dataCollection: clouds, .only(copies.map(\.id)), wait: .fast)
                        .successCount == 1)
                #expect(try client.getOptimizedPointClouds(project: cloudProject, dataCollection: clouds).count == 1)
                #expect(try client.optimizePointClouds(project: cloudProject, dataCollection: clouds, .only([cloudIDs[1]]), wait: .fast).count == 1)
                #expect(
                    try client.deleteOptimizedPointCloud(project: cloudProject, dataCollection: clouds, pointCloudID: cloudIDs[0]).deleted == true)
                #expect(
                    #expect(throws: PixelError.self) { try client.runOptimizePointClouds(project: cloudProject, dataCollection: clouds, .only([])) }?
                        .code == .invalidInput)
            }
        }
    }

    @Test func nearblackColoursAndResamplingsDecodeOpenly() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(NearblackColor.self, from: Data("255".utf8)) == .level(255))
        #expect(try decoder.decode(NearblackColor.self, from: Data("300".utf8)) == .unknown("300"))
        #expect(try decoder.decode(NearblackColor.self, from: Data(#""white""#.utf8)) == .white)
        #expect(try decoder.decode(NearblackColor.self, from: Data(#""grey""#.utf8)) == .unknown("grey"))
        #expect(String(decoding: try JSONEncoder().encode(NearblackColor.level(7)), as: UTF8.self) == "7")
        #expect(OverviewResampling(rawValue: "cubic_spline") == .cubicSpline)
        #expect(OverviewResampling(rawValue: "new-one").rawValue == "new-one")
        #expect(NearblackAlgorithm(rawValue: "twopasses") == .twoPasses)
    }
}

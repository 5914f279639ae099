import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    /// The methods whose other form no earlier test called: uploads of rasters and point
    /// clouds, their moves and pages, upload jobs, job waits, attachment moves and deletes.
    @Suite struct BothForms {
        @Test func rastersAndPointCloudsGoUpMoveAndPageInBothForms() async throws {
            let directory = try TemporaryDirectory()
            let (tile, tile2, scan, scan2, other) = (
                try directory.file("tile.tif", bytes: [1, 2]), try directory.file("tile2.tif", bytes: [5]),
                try directory.file("scan.laz", bytes: [3]),
                try directory.file("scan2.laz", bytes: [6]), try directory.file("more.laz", bytes: [4])
            )
            try await withClient { _, asyncClient in
                let (project, rasters) = try await asyncClient.makeCollection(.raster)
                let rasters2 = try await asyncClient.createDataCollection(project: project, name: "R2", description: "", dataCollectionType: .raster)
                    .id
                let (cloudProject, clouds) = try await asyncClient.makeCollection(.pointCloud, name: "C")
                let clouds2 = try await asyncClient.createDataCollection(
                    project: cloudProject, name: "C2", description: "", dataCollectionType: .pointCloud
                ).id

                let batch = try await asyncClient.uploadPointClouds(
                    project: cloudProject, dataCollection: clouds, [UploadFile(other)], options: .testing())
                #expect(batch.failures.isEmpty && batch.resources.count == 1)
                #expect(try await asyncClient.paginatePointClouds(project: cloudProject, dataCollection: clouds, pageSize: 1).collect().count == 1)
                #expect(try await asyncClient.paginateRasters(project: project, dataCollection: rasters, pageSize: 1).collect().isEmpty)
                let jobs = try await asyncClient.getUploadJobs(project: cloudProject, dataCollection: clouds, limit: 10)
                #expect(jobs.map(\.status) == [.validatedAndMoved])

                let client = asyncClient.blocking
                try await onPlainThread {
                    let raster = try client.uploadRaster(project: project, dataCollection: rasters, UploadFile(tile), options: .testing())
                    let uploaded = try client.uploadRasters(project: project, dataCollection: rasters, [UploadFile(tile2)], options: .testing())
                    #expect(uploaded.resources.count == 1)
                    #expect(
                        try client.moveRaster(
                            project: project, dataCollection: rasters, id: raster.id, toProject: project, toDataCollection: rasters2
                        ).dataCollectionID == rasters2)
                    let cloud = try client.uploadPointCloud(project: cloudProject, dataCollection: clouds, UploadFile(scan), options: .testing())
                    #expect(
                        try client.uploadPointClouds(project: cloudProject, dataCollection: clouds2, [UploadFile(scan2)], options: .testing())
                            .resources.count == 1)
                    #expect(
                        try client.movePointCloud(project: cloudProject, dataCollection: clouds, id: cloud.id, toDataCollection: clouds2)
                            .dataCollectionID == clouds2)
                    #expect(try client.getUploadJobs(project: project, dataCollection: rasters, limit: 10).count == 2)
                    let wrong = #expect(throws: PixelError.self) {
                        try client.uploadRaster(project: cloudProject, dataCollection: clouds, UploadFile(tile), options: .testing())
                    }
                    #expect(wrong?.code == .invalidInput)

                    // A job group and one of its jobs, waited on blocking.
                    _ = try client.createOptimizedRasters(project: project, dataCollection: rasters2, .all)
                    let started = try client.runOptimizeRasters(project: project, dataCollection: rasters2, .all, wait: nil)
                    let group = try client.getJobGroup(try #require(started.id))
                    let jobID = try #require(group.jobIDs?.first)
                    #expect(try client.waitForJob(jobID, initialPollInterval: .milliseconds(5)).succeeded)
                    #expect(try client.waitForJobGroup(try #require(started.id), initialPollInterval: .milliseconds(5)).completed)
                }
            }
        }

        @Test func imagesBatchesJobsAndAttachmentsWorkBlocking() async throws {
            let directory = try TemporaryDirectory()
            let (photo, report) = (try directory.file("p.jpg", bytes: [9, 9]), try directory.file("report.pdf", bytes: [7]))
            try await withClient { _, asyncClient in
                let (project, photos) = try await asyncClient.makeCollection(.image)
                let (otherProject, _) = try await asyncClient.makeCollection(.image, name: "Other")
                let client = asyncClient.blocking
                try await onPlainThread {
                    let batch = try client.uploadImages(project: project, dataCollection: photos, [UploadFile(photo)], options: .testing())
                    #expect(batch.resources.count == 1)
                    let moved = try client.moveDataCollection(project: project, id: photos, to: otherProject)
                    #expect(moved.projectID == otherProject)

                    let jobs = try client.getUploadJobs(project: otherProject, dataCollection: photos, ids: batch.created.compactMap(\.uploadJobID))
                    #expect(jobs.map(\.status) == [.validatedAndMoved])

                    let added = try client.addAttachments(.project(otherProject), [AttachmentUpload(report)], options: .testing())
                    let attachment = try #require(added.resources.first)
                    #expect(try client.listAttachments(.project(otherProject), status: .completed).count == 1)
                    let movedAttachment = try client.moveAttachment(.project(otherProject), id: attachment.id, to: .dataCollection(photos))
                    #expect(movedAttachment.resourceType == .dataCollection)
                    #expect(try client.deleteAttachment(.dataCollection(photos), id: attachment.id).deleted == true)
                    #expect(try client.listAttachments(.dataCollection(photos)).isEmpty)
                    let missing = #expect(throws: PixelError.self) { try client.deleteAttachment(.project(otherProject), id: attachment.id) }
                    #expect(missing?.status == 404)
                }
            }
        }

        @Test func aBlockingSearchPagesThroughEveryResult() async throws {
            try await withClient { _, asyncClient in
                for name in ["A", "B", "C"] { _ = try await asyncClient.createProject(name: name, description: "", areaOfInterest: testArea) }
                let client = asyncClient.blocking
                let names = try await onPlainThread {
                    try client.paginateSearch(SearchQuery(on: .projects), pageSize: 2).collect().compactMap { $0["name"]?.stringValue }
                }
                #expect(names.sorted() == ["A", "B", "C"])
                #expect(try await onPlainThread { try client.listGDOUsers() }.count >= 1)
            }
        }
    }
}

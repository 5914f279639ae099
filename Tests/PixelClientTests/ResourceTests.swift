import PixelClient
import PixelEmulator
import Testing

@Suite struct ResourceTests {
    @Test func imagesGetUpdateMoveDelete() async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.image)
            let (otherProject, otherDC) = try await client.makeCollection(.image, name: "Other")
            let id = ImageID(try await client.uploadForTest(project: project, dataCollection: dc, name: "a.jpg", bytes: Array("jpeg".utf8)))

            #expect(try await client.getImages(project: project, dataCollection: dc).map(\.id) == [id])
            let image = try await client.getImage(project: project, dataCollection: dc, id: id)
            #expect(image.fileName == "a.jpg" || image.name == "a.jpg")

            let update = ImageUpdate(
                addTags: ["t1"], jsonMetadata: ["camera": "A7", "height": 12.5], fields: .image(ImageMetadataFields(camHeading: 90)))
            let updated = try await client.updateImage(project: project, dataCollection: dc, id: id, update)
            #expect(updated.tags == ["t1"])
            #expect(updated.jsonMetadata?["camera"] == "A7")
            let metadata = try await client.getImageMetadata(project: project, dataCollection: dc, id: id)
            #expect(metadata.jsonMetadata?["height"] == 12.5)
            if case .image(let fields)? = metadata.fields { #expect(fields.camHeading == 90) } else { Issue.record("no image fields") }

            let moved = try await client.moveImage(project: project, dataCollection: dc, id: id, toProject: otherProject, toDataCollection: otherDC)
            #expect(moved.dataCollectionID == otherDC)
            try await client.deleteImage(project: otherProject, dataCollection: otherDC, id: id)
            let gone = try await #require(throws: PixelError.self) {
                try await client.getImage(project: otherProject, dataCollection: otherDC, id: id)
            }
            #expect(gone.status == 404)
            let empty = try await #require(throws: PixelError.self) {
                try await client.updateImage(project: project, dataCollection: dc, id: id, ImageUpdate())
            }
            #expect(empty.code == .invalidInput)
        }
    }

    @Test func rastersGetUpdateMoveDelete() async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.raster)
            let (otherProject, otherDC) = try await client.makeCollection(.rgb, name: "Other")
            let id = RasterID(try await client.uploadForTest(project: project, dataCollection: dc, name: "r.tif", bytes: [1, 2, 3]))
            #expect(try await client.getRasters(project: project, dataCollection: dc).map(\.id) == [id])
            #expect(try await client.getRaster(project: project, dataCollection: dc, id: id).id == id)
            let updated = try await client.updateRaster(project: project, dataCollection: dc, id: id, RasterUpdate(fields: .raster(name: "Ortho")))
            #expect(updated.id == id)
            let moved = try await client.moveRaster(project: project, dataCollection: dc, id: id, toProject: otherProject, toDataCollection: otherDC)
            #expect(moved.dataCollectionID == otherDC)
            try await client.deleteRaster(project: otherProject, dataCollection: otherDC, id: id)
            #expect(try await client.getRasters(project: otherProject, dataCollection: otherDC).isEmpty)
        }
    }

    @Test func pointCloudsGetUpdateMoveDelete() async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.pointCloud)
            let second = try await client.createDataCollection(project: project, name: "PC2", description: "", dataCollectionType: .pointCloud)
            let id = PointCloudID(try await client.uploadForTest(project: project, dataCollection: dc, name: "scan.laz", bytes: [9, 9]))
            #expect(try await client.getPointClouds(project: project, dataCollection: dc).map(\.id) == [id])
            #expect(try await client.getPointCloud(project: project, dataCollection: dc, id: id).id == id)
            _ = try await client.updatePointCloud(project: project, dataCollection: dc, id: id, PointCloudUpdate(removeTags: ["none"]))
            let moved = try await client.movePointCloud(project: project, dataCollection: dc, id: id, toDataCollection: second.id)
            #expect(moved.dataCollectionID == second.id)
            try await client.deletePointCloud(project: project, dataCollection: second.id, id: id)
            let gone = try await #require(throws: PixelError.self) {
                try await client.getPointCloud(project: project, dataCollection: second.id, id: id)
            }
            #expect(gone.status == 404)
        }
    }

    @Test func paginationWalksEveryImageIncludingAnExactlyFullLastPage() async throws {
        try await withClient { emulator, client in
            let (project, dc) = try await client.makeCollection(.image)
            for index in 0..<6 {
                _ = try await client.uploadForTest(project: project, dataCollection: dc, name: "\(index).jpg", bytes: [UInt8(index)])
            }
            let before = emulator.stats.requestCount(method: "GET", path: "/demo/projects/\(project)/data_collections/\(dc)/images/")
            let all = try await client.paginateImages(project: project, dataCollection: dc, pageSize: 3).collect()
            #expect(all.count == 6)
            #expect(Set(all.map(\.id)).count == 6)
            let after = emulator.stats.requestCount(method: "GET", path: "/demo/projects/\(project)/data_collections/\(dc)/images/")
            #expect(after - before == 3)  // two full pages, one empty page ends it
        }
    }

    @Test func paginationDoesNotStopEarlyWhenTheServerCapsTheLimit() async throws {
        try await withClient { emulator, client in
            let (project, dc) = try await client.makeCollection(.image)
            for index in 0..<7 {
                _ = try await client.uploadForTest(project: project, dataCollection: dc, name: "\(index).jpg", bytes: [UInt8(index)])
            }
            emulator.faults.setMaxPageSize(2)
            let all = try await client.paginateImages(project: project, dataCollection: dc, pageSize: 5).collect()
            #expect(all.count == 7)
        }
    }

    @Test func failedJobsAreErrorsAndWaitsTimeOut() async throws {
        try await withClient(emulator: .testing { $0.jobPollsUntilComplete = 1000 }) { _, client in
            let (project, dc) = try await client.makeCollection(.image)
            let error = try await #require(throws: PixelError.self) {
                _ = try await client.uploadForTest(project: project, dataCollection: dc, name: "x.jpg", bytes: [1], jobTimeout: .milliseconds(300))
            }
            #expect(error.code == .timeout)
        }
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.image)
            // A point-cloud file in an image collection fails validation → the job fails.
            let error = try await #require(throws: PixelError.self) {
                _ = try await client.uploadForTest(project: project, dataCollection: dc, name: "wrong.las", bytes: [1])
            }
            #expect(error.code == .jobFailed)
            let missing = try await #require(throws: PixelError.self) { try await client.getJob(987_654) }
            #expect(missing.status == 404)
        }
    }
}

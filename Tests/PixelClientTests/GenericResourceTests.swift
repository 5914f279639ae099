import Foundation
import PixelClient
import PixelEmulator
import Testing

/// The one generic implementation behind images, rasters and point clouds, exercised for each
/// kind in both client forms.
@Suite struct GenericResourceTests {
    /// get, list, paginate, update, move and delete of one kind, async.
    private func exercise<Resource: DataCollectionResource>(
        _ type: Resource.Type, in collectionType: DataCollectionType, file: String, fields: MetadataFields,
        destination: (ProjectID, DataCollectionID) -> Resource.MoveDestination
    ) async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(collectionType)
            let other = try await client.createDataCollection(project: project, name: "Other", description: "", dataCollectionType: collectionType)
            let id = Resource.ID(try await client.uploadForTest(project: project, dataCollection: dc, name: file, bytes: [7]))

            #expect(try await client.list(type, project: project, dataCollection: dc).map(\.id) == [id])
            let filter = Resource.ListFilter(ListParams(ids: [id], limit: 1))
            #expect(try await client.list(type, project: project, dataCollection: dc, filter).count == 1)
            #expect(try await client.paginate(type, project: project, dataCollection: dc, pageSize: 1).collect().map(\.id) == [id])
            #expect(try await client.get(type, project: project, dataCollection: dc, id: id).id == id)
            _ = try await client.update(type, project: project, dataCollection: dc, id: id, ResourceUpdate(addTags: ["g"], fields: fields))

            let wrongFields: MetadataFields = Resource.resourceKind == .image ? .raster(name: "x") : .image(ImageMetadataFields(name: "x"))
            let mismatch = await #expect(throws: PixelError.self) {
                try await client.update(type, project: project, dataCollection: dc, id: id, ResourceUpdate(fields: wrongFields))
            }
            #expect(mismatch?.code == .invalidInput)
            #expect(
                await #expect(throws: PixelError.self) {
                    try await client.update(type, project: project, dataCollection: dc, id: id, ResourceUpdate())
                }?.code == .invalidInput)
            let negative = await #expect(throws: PixelError.self) {
                try await client.list(type, project: project, dataCollection: dc, Resource.ListFilter(ListParams(offset: -1)))
            }
            expectValidationError(negative, naming: "offset")

            let moved = try await client.move(type, project: project, dataCollection: dc, id: id, to: destination(project, other.id))
            #expect(moved.id == id)
            #expect(try await client.list(type, project: project, dataCollection: dc).isEmpty)
            let deleted = try await client.delete(type, project: project, dataCollection: other.id, id: id)
            #expect(deleted.deleted == true)
            #expect(deleted.id == id.rawValue)
            let gone = await #expect(throws: PixelError.self) { try await client.get(type, project: project, dataCollection: other.id, id: id) }
            #expect(gone?.status == 404)
        }
    }

    @Test func imagesGoThroughTheGenericOperations() async throws {
        try await exercise(Image.self, in: .image, file: "g.jpg", fields: .image(ImageMetadataFields(camHeading: 45))) {
            CollectionLocation(project: $0, dataCollection: $1)
        }
    }

    @Test func rastersGoThroughTheGenericOperations() async throws {
        try await exercise(Raster.self, in: .dtm, file: "g.tif", fields: .raster(name: "DTM")) { CollectionLocation(project: $0, dataCollection: $1) }
    }

    @Test func pointCloudsGoThroughTheGenericOperations() async throws {
        try await exercise(PointCloud.self, in: .pointCloud, file: "g.laz", fields: .pointCloud(name: "Scan")) { $1 }
    }

    @Test func theGenericOperationsWorkBlockingAndNameTheAsyncMethodInsideATask() async throws {
        try await withClient { _, asyncClient in
            let (project, dc) = try await asyncClient.makeCollection(.raster)
            let other = try await asyncClient.createDataCollection(project: project, name: "O", description: "", dataCollectionType: .raster)
            let id = RasterID(try await asyncClient.uploadForTest(project: project, dataCollection: dc, name: "b.tif", bytes: [1]))
            let client = asyncClient.blocking
            try await onPlainThread {
                #expect(try client.list(Raster.self, project: project, dataCollection: dc).map(\.id) == [id])
                #expect(try client.paginate(Raster.self, project: project, dataCollection: dc).collect().count == 1)
                #expect(try client.get(Raster.self, project: project, dataCollection: dc, id: id).id == id)
                #expect(
                    try client.update(Raster.self, project: project, dataCollection: dc, id: id, ResourceUpdate(jsonMetadata: ["k": 1]))
                        .jsonMetadata?["k"] == 1)
                let moved = try client.move(
                    Raster.self, project: project, dataCollection: dc, id: id, to: CollectionLocation(project: project, dataCollection: other.id))
                #expect(moved.dataCollectionID == other.id)
                #expect(try client.delete(Raster.self, project: project, dataCollection: other.id, id: id).deleted == true)
                let wrong = #expect(throws: PixelError.self) {
                    try client.update(Raster.self, project: project, dataCollection: dc, id: id, ResourceUpdate(fields: .pointCloud()))
                }
                #expect(wrong?.code == .invalidInput)
                expectValidationError(
                    #expect(throws: PixelError.self) {
                        try client.list(Raster.self, project: project, dataCollection: dc, RasterListParams(ListParams(limit: -5)))
                    },
                    naming: "limit")
            }
            let inTask = Self.callBlocking { try client.list(Image.self, project: project, dataCollection: dc) }
            #expect(inTask?.code == .syncCallInAsyncContext)
            #expect(inTask?.message.contains("list(_:project:dataCollection:_:)") == true)
        }
    }

    /// Runs a blocking call where the runtime guard (not `noasync`) must catch it.
    static func callBlocking<T>(_ body: () throws -> T) -> PixelError? {
        do {
            _ = try body()
            return nil
        } catch let error as PixelError {
            return error
        } catch {
            return nil
        }
    }
}

import PixelClient
import PixelEmulator
import Testing

/// ArcGIS Feature and Image services, in both client forms, against the emulator.
@Suite struct ArcGISTests {
    private static func featureCreate(_ collection: DataCollectionID, name: String = "Roads") -> ArcGISServiceCreate {
        ArcGISServiceCreate(
            name: name, description: "Road signs", dataCollectionIDs: [collection],
            options: .feature(ArcGISFeatureServiceOptions(imageLayer: ArcGISImageLayerOptions(includeFields: ["name"], enableOrientedImagery: true))))
    }

    @Test func featureServicesAreCreatedListedReadChangedAndDeleted() async throws {
        try await withClient { _, client in
            let (_, images) = try await client.makeCollection(.image)
            let users = try await client.listGDOUsers()
            #expect(!users.isEmpty)
            var create = Self.featureCreate(images)
            create.options.gdoUsers = [users[0]]
            let service = try await client.createArcGISService(.feature, create)
            #expect(service.serviceType == .feature)
            #expect(service.status == "stopped")
            #expect(service.dataCollectionIDs == [images])
            #expect(service.options?.gdoUsers == [users[0]])
            #expect(service.options?.featureServiceOptions?.imageLayer.enableOrientedImagery == true)
            #expect(service.options?.featureServiceOptions?.imageLayer.imageProcessedType == .blurred)

            #expect(try await client.listArcGISServices(.feature).map(\.id) == [service.id])
            #expect(try await client.listArcGISServices(.image).isEmpty)
            #expect(try await client.getArcGISService(.feature, id: service.id).name == "Roads")
            let renamed = try await client.updateArcGISService(.feature, id: service.id, ArcGISServiceUpdate(name: "Roads 2"))
            #expect(renamed.name == "Roads 2")
            #expect(renamed.options?.gdoUsers == [users[0]])  // untouched options stay
            let deleted = try await client.deleteArcGISService(.feature, id: service.id)
            #expect(deleted.deleted == true)
            let gone = await #expect(throws: PixelError.self) { try await client.getArcGISService(.feature, id: service.id) }
            #expect(gone?.status == 404)
        }
    }

    @Test func startStopAndRefreshWaitForTheJobAndReturnTheServiceAfterIt() async throws {
        try await withClient(emulator: .testing { $0.jobPollsUntilComplete = 2 }) { _, client in
            let (_, rasters) = try await client.makeCollection(.raster)
            let service = try await client.createArcGISService(
                .image,
                ArcGISServiceCreate(
                    name: "Ortho", description: "", dataCollectionIDs: [rasters],
                    options: .image(ArcGISImageServiceOptions(defaultServiceSRID: 25833))))
            #expect(service.options?.imageServiceOptions?.defaultServiceSRID == 25833)

            let started = try await client.startArcGISService(.image, id: service.id, wait: .fast)
            #expect(started.job?.completed == true)
            #expect(started.job?.succeeded == true)
            #expect(started.service?.status == "running")
            #expect(started.service?.startedAt != nil)

            let again = try await client.startArcGISService(.image, id: service.id, wait: .fast)
            #expect(again.job == nil)  // already running: nothing to do
            #expect(again.service?.status == "running")

            let refreshed = try await client.refreshArcGISService(.image, id: service.id, refreshData: true, wait: .fast)
            #expect(refreshed.job?.completed == true)
            #expect(refreshed.service?.dataRefreshedAt != nil)

            let stopping = try await client.stopArcGISService(.image, id: service.id, wait: nil)
            #expect(stopping.job?.completed == false)
            #expect(stopping.service?.status == "stopping")
            let jobID = try #require(stopping.job?.id)
            try await client.waitForJob(jobID, initialPollInterval: .milliseconds(5))
            #expect(try await client.getArcGISService(.image, id: service.id).status == "stopped")
        }
    }

    @Test func mismatchedOrEmptyInputIsRefusedBeforeAnyRequest() async throws {
        try await withClient { emulator, client in
            let (_, images) = try await client.makeCollection(.image)
            let before = emulator.stats.requestCount(method: "POST", path: "/demo/arcgis_services/Image/")
            let wrongBlock = await #expect(throws: PixelError.self) { try await client.createArcGISService(.image, Self.featureCreate(images)) }
            #expect(wrongBlock?.code == .invalidInput)
            #expect(wrongBlock?.message.contains("imageServiceOptions") == true)
            var none = Self.featureCreate(images)
            none.dataCollectionIDs = []
            #expect(await #expect(throws: PixelError.self) { try await client.createArcGISService(.feature, none) }?.code == .invalidInput)
            #expect(
                await #expect(throws: PixelError.self) { try await client.updateArcGISService(.feature, id: 1, ArcGISServiceUpdate()) }?.code
                    == .invalidInput)
            let otherBlock = ArcGISServiceUpdate(options: .image(ArcGISImageServiceOptions(defaultServiceSRID: 4326)))
            #expect(
                await #expect(throws: PixelError.self) { try await client.updateArcGISService(.feature, id: 1, otherBlock) }?.code == .invalidInput)
            #expect(emulator.stats.requestCount(method: "POST", path: "/demo/arcgis_services/Image/") == before)
        }
    }

    @Test func whatTheAPIRejectsIsA422WithItsDetail() async throws {
        try await withClient { _, client in
            let (_, images) = try await client.makeCollection(.image)
            var create = Self.featureCreate(images)
            create.options.gdoUsers = ["nobody-here"]
            let error = await #expect(throws: PixelError.self) { try await client.createArcGISService(.feature, create) }
            expectValidationError(error, naming: "gdo_users")
            let unknownType = await #expect(throws: PixelError.self) { try await client.listArcGISServices(.unknown("Map")) }
            expectValidationError(unknownType, naming: "service_type")
        }
    }

    @Test func everyArcGISMethodWorksBlocking() async throws {
        try await withClient { _, asyncClient in
            let (_, images) = try await asyncClient.makeCollection(.image)
            let client = asyncClient.blocking
            try await onPlainThread {
                #expect(try !client.listGDOUsers().isEmpty)
                let service = try client.createArcGISService(.feature, Self.featureCreate(images))
                #expect(try client.listArcGISServices(.feature).count == 1)
                #expect(try client.getArcGISService(.feature, id: service.id).id == service.id)
                #expect(try client.updateArcGISService(.feature, id: service.id, ArcGISServiceUpdate(description: "d")).description == "d")
                #expect(try client.startArcGISService(.feature, id: service.id, wait: .fast).service?.status == "running")
                #expect(try client.refreshArcGISService(.feature, id: service.id, wait: .fast).job?.completed == true)
                #expect(try client.stopArcGISService(.feature, id: service.id, wait: .fast).service?.status == "stopped")
                #expect(try client.deleteArcGISService(.feature, id: service.id).deleted == true)
                var bad = Self.featureCreate(images)
                bad.options.gdoUsers = ["nobody-here"]
                expectValidationError(#expect(throws: PixelError.self) { try client.createArcGISService(.feature, bad) }, naming: "gdo_users")
            }
        }
    }
}

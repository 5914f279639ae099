import PixelClient
import PixelEmulator
import Settings
import Testing

/// Harvest services and their tasks, in both client forms, against the emulator.
@Suite struct HarvestTests {
    static let url = "https://gis.example.com/arcgis/rest/services/Roads/FeatureServer/0"

    static func create(name: String = "Roads", password: String = "harvest-pass") -> HarvestServiceCreate {
        HarvestServiceCreate(
            name: name, description: "Road features", url: url,
            auth: HarvestAuth(credentials: HarvestCredentials(username: "harvester", password: Secret(password))),
            fieldMappings: HarvestFieldMapping(
                maps: [HarvestFieldMap(model: "image", fieldName: "name", externalField: "ROAD_NAME")], extraFields: ["SPEED"]))
    }

    @Test func servicesAreCreatedListedReadChangedStartedStoppedAndDeleted() async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.image)
            let service = try await client.createHarvestService(project: project, dataCollection: dc, Self.create())
            #expect(service.name == "Roads")
            #expect(service.whereClause == "1=1")
            #expect(service.fieldMappings?.maps == [HarvestFieldMap(model: "image", fieldName: "name", externalField: "ROAD_NAME")])
            #expect(service.fieldMappings?.extraFields == ["SPEED"])
            #expect(service.auth?["credentials"]?["username"] == "harvester")
            #expect(!(service.auth?.description.contains("harvest-pass") ?? true))

            #expect(try await client.listHarvestServices(project: project, dataCollection: dc).map(\.id) == [service.id])
            #expect(try await client.getHarvestService(project: project, dataCollection: dc, id: service.id).url == Self.url)
            let update = HarvestServiceUpdate(
                whereClause: "SPEED > 50",
                fieldMappings: HarvestFieldMappingUpdate(
                    maps: [
                        .update(model: "image", fieldName: "name", externalField: "NAME"),
                        .add(model: "image", fieldName: "note", externalField: "NOTE"),
                    ],
                    addExtraFields: ["LANES"], removeExtraFields: ["SPEED"]))
            let updated = try await client.updateHarvestService(project: project, dataCollection: dc, id: service.id, update)
            #expect(updated.whereClause == "SPEED > 50")
            #expect(updated.fieldMappings?.maps?.map(\.externalField) == ["NAME", "NOTE"])
            #expect(updated.fieldMappings?.extraFields == ["LANES"])
            let removed = try await client.updateHarvestService(
                project: project, dataCollection: dc, id: service.id,
                HarvestServiceUpdate(fieldMappings: HarvestFieldMappingUpdate(maps: [.remove(model: "image", fieldName: "note")])))
            #expect(removed.fieldMappings?.maps?.count == 1)

            let started = try await client.startHarvestService(project: project, dataCollection: dc, id: service.id)
            #expect(started.service?.status == "running")
            #expect(started.task?.status == .inProgress)
            let running = try await client.getHarvestServiceTasks(
                project: project, dataCollection: dc, id: service.id, HarvestTaskListParams(status: .inProgress, getNew: true))
            #expect(running.map(\.id) == [try #require(started.task?.id)])
            let stopped = try await client.stopHarvestService(project: project, dataCollection: dc, id: service.id)
            #expect(stopped.service?.status == "stopped")
            #expect(stopped.task?.status == .completed)
            #expect(try await client.getHarvestServiceTasks(project: project, dataCollection: dc, id: service.id).first?.status == .completed)
            let again = await #expect(throws: PixelError.self) {
                try await client.stopHarvestService(project: project, dataCollection: dc, id: service.id)
            }
            #expect(again?.status == 409)

            #expect(try await client.deleteHarvestService(project: project, dataCollection: dc, id: service.id).deleted == true)
            #expect(try await client.listHarvestServices(project: project, dataCollection: dc).isEmpty)
        }
    }

    @Test func whatTheAPIRejectsIsA422WithItsDetailAndAnEmptyUpdateIsNeverSent() async throws {
        try await withClient { _, client in
            let (project, dc) = try await client.makeCollection(.image)
            var create = Self.create()
            create.url = "ftp://nope"
            let error = await #expect(throws: PixelError.self) { try await client.createHarvestService(project: project, dataCollection: dc, create) }
            expectValidationError(error, naming: "url")
            #expect(error?.requestBody == nil)  // sensitive: never kept
            let badStatus = await #expect(throws: PixelError.self) {
                try await client.getHarvestServiceTasks(
                    project: project, dataCollection: dc, id: 1, HarvestTaskListParams(status: .unknown("sleeping")))
            }
            #expect(badStatus?.status == 404 || badStatus?.status == 422)
            let empty = await #expect(throws: PixelError.self) {
                try await client.updateHarvestService(project: project, dataCollection: dc, id: 1, HarvestServiceUpdate())
            }
            #expect(empty?.code == .invalidInput)
        }
    }

    @Test func everyHarvestMethodWorksBlocking() async throws {
        try await withClient { _, asyncClient in
            let (project, dc) = try await asyncClient.makeCollection(.image)
            let client = asyncClient.blocking
            try await onPlainThread {
                let service = try client.createHarvestService(project: project, dataCollection: dc, Self.create())
                #expect(try client.listHarvestServices(project: project, dataCollection: dc).count == 1)
                #expect(try client.getHarvestService(project: project, dataCollection: dc, id: service.id).id == service.id)
                #expect(
                    try client.updateHarvestService(project: project, dataCollection: dc, id: service.id, HarvestServiceUpdate(name: "R2")).name
                        == "R2")
                #expect(try client.startHarvestService(project: project, dataCollection: dc, id: service.id).task != nil)
                #expect(try client.getHarvestServiceTasks(project: project, dataCollection: dc, id: service.id).count == 1)
                #expect(try client.stopHarvestService(project: project, dataCollection: dc, id: service.id).service?.status == "stopped")
                #expect(try client.deleteHarvestService(project: project, dataCollection: dc, id: service.id).deleted == true)
                var bad = Self.create()
                bad.url = "nope"
                expectValidationError(
                    #expect(throws: PixelError.self) { try client.createHarvestService(project: project, dataCollection: dc, bad) }, naming: "url")
            }
        }
    }
}

import Foundation
import PixelClient
import PixelEmulator
import Testing

extension UploadTests {
    @Suite struct Attachments {
        @Test func attachmentsAreStoredByteForByteListedMovedAndDeleted() async throws {
            let directory = try TemporaryDirectory()
            let report = try directory.file("report.pdf", size: 90_000, seed: 81)
            let notes = try directory.file("notes.txt", bytes: Array("flight notes\n".utf8))
            try await withClient { emulator, client in
                let (project, dc) = try await client.makeCollection(.image)
                let log = UploadEventLog()
                let result = try await client.addAttachments(
                    .project(project), [AttachmentUpload(report, description: "Flight report"), AttachmentUpload(notes, name: "notes-v2.txt")],
                    options: .testing(), progress: log.handler)
                #expect(result.failures.isEmpty)
                #expect(result.created.map(\.name) == ["report.pdf", "notes-v2.txt"])
                #expect(result.resources.allSatisfy { $0.status == .completed })
                for uploaded in result.created {
                    #expect(
                        try await emulator.storedObjectMD5(resourceType: "attachment", id: uploaded.resource.id.rawValue)
                            == md5Base64(of: uploaded.file))
                }
                #expect(result.resources.first?.description == "Flight report")
                #expect(log.all.last.map(\.isFinal) == true)

                let listed = try await client.listAttachments(.project(project), status: .completed)
                #expect(Set(listed.map(\.name)) == ["report.pdf", "notes-v2.txt"])
                let first = try #require(result.resources.first)
                let moved = try await client.moveAttachment(.project(project), id: first.id, to: .dataCollection(dc))
                #expect(moved.resourceType == .dataCollection)
                #expect(try await client.listAttachments(.dataCollection(dc)).map(\.id) == [first.id])
                try await client.deleteAttachment(.dataCollection(dc), id: first.id)
                #expect(try await client.listAttachments(.dataCollection(dc)).isEmpty)
            }
        }

        @Test func repeatedAttachmentNamesAreRefusedBeforeTheServerIsAsked() async throws {
            let directory = try TemporaryDirectory()
            let a = try directory.file("a.txt", size: 10, seed: 82)
            let b = try directory.file("b.txt", size: 10, seed: 83)
            try await withClient { emulator, client in
                let (project, _) = try await client.makeCollection(.image)
                let error = await #expect(throws: PixelError.self) {
                    try await client.addAttachments(
                        .project(project), [AttachmentUpload(a, name: "x"), AttachmentUpload(b, name: "x")], options: .testing())
                }
                #expect(error?.code == .invalidInput)
                #expect(emulator.stats.routeCount("POST /attachments/") == 0)
            }
        }

        @Test func aRetriedAttachmentTransferStillCompletes() async throws {
            let directory = try TemporaryDirectory()
            let file = try directory.file("map.png", size: 30_000, seed: 84)
            try await withClient { emulator, client in
                let (project, _) = try await client.makeCollection(.image)
                emulator.faults.failNext(1, method: "POST", pathPrefix: "/_store/post/", with: .status(500))
                let result = try await client.addAttachments(.project(project), [AttachmentUpload(file)], options: .testing())
                #expect(result.created.count == 1)
                #expect(emulator.faults.injectedCount(.status(500)) == 1)
            }
        }

        @Test func theBlockingClientAddsAndListsAttachments() async throws {
            let directory = try TemporaryDirectory()
            let file = try directory.file("sync.txt", size: 100, seed: 85)
            try await withClient { _, client in
                let (project, _) = try await client.makeCollection(.image)
                let blocking = client.blocking
                let listed = try await onPlainThread { () throws -> [String] in
                    _ = try blocking.addAttachments(.project(project), [AttachmentUpload(file)], options: .testing())
                    return try blocking.listAttachments(.project(project)).map(\.name)
                }
                #expect(listed == ["sync.txt"])
            }
        }
    }
}

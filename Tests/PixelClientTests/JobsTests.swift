import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import PixelClient
import PixelEmulator
import Testing

@Suite struct JobsTests {
    /// Two single-part-free multipart uploads finished together → one job group.
    private func finishTwoAsGroup(_ client: PixelAsyncClient, names: [String]) async throws -> MultipleUploadFinishedResponse {
        let (project, dc) = try await client.makeCollection(.image)
        let base = "/projects/\(project)/data_collections/\(dc)"
        let files = names.map { name in
            let bytes = Array(name.utf8)
            let md5 = Data(Insecure.MD5.hash(data: bytes)).base64EncodedString()
            return UploadFileDescriptor(name: name, parts: [UploadPartDescriptor(partNumber: 1, md5: md5, contentLength: bytes.count)])
        }
        let jobs: [UploadJob] = try await client.core.send(
            APIRequest(.POST, base + "/upload_jobs/multipart").withJSONBody(UploadJobsCreate(files: files)))
        for job in jobs {
            let part = try #require(job.uploadParts?.first)
            var headers = HTTPHeaders()
            for (name, value) in part.headers ?? [:] { headers.add(name: name, value: value) }
            let bytes = Array(job.name.utf8)
            _ = try await client.core.objectStore.send(method: .PUT, url: part.url, headers: headers) { .bytes(ByteBuffer(bytes: bytes)) }
        }
        return try await client.core.send(
            APIRequest(.PUT, base + "/upload_jobs/multiple_uploadFinished").withJSONBody(MultipleUploadFinishedRequest(jobIDs: jobs.map(\.id))))
    }

    @Test func waitForJobGroupReturnsTheFinishedGroup() async throws {
        try await withClient { _, client in
            let finished = try await finishTwoAsGroup(client, names: ["a.jpg", "b.jpg"])
            let first = try await client.getJobGroup(finished.groupJob.groupID)
            #expect(first.totalJobs == 2)
            let group = try await client.waitForJobGroup(finished.groupJob.groupID, initialPollInterval: .milliseconds(5))
            #expect(group.completed)
            #expect(group.successCount == 2)
            if let jobID = group.jobIDs?.first {
                let job = try await client.getJob(jobID)
                #expect(job.succeeded)
            }
        }
    }

    @Test func aGroupWithAFailedJobIsAnErrorUnlessAskedOtherwise() async throws {
        try await withClient { _, client in
            let finished = try await finishTwoAsGroup(client, names: ["ok.jpg", "bad.las"])
            let error = try await #require(throws: PixelError.self) {
                try await client.waitForJobGroup(finished.groupJob.groupID, initialPollInterval: .milliseconds(5))
            }
            #expect(error.code == .jobFailed)
            let group = try await client.waitForJobGroup(finished.groupJob.groupID, failOnJobFailure: false, initialPollInterval: .milliseconds(5))
            #expect(group.failedCount == 1)
        }
    }

    @Test func cancellingAWaitStopsIt() async throws {
        try await withClient(emulator: .testing { $0.jobPollsUntilComplete = 1_000_000 }) { _, client in
            let finished = try await finishTwoAsGroup(client, names: ["c.jpg"])
            let wait = Task { try await client.waitForJobGroup(finished.groupJob.groupID, initialPollInterval: .milliseconds(5)) }
            wait.cancel()
            let error = await #expect(throws: PixelError.self) { try await wait.value }
            #expect(error?.code == .cancelled)
        }
    }
}

import Foundation
import PixelClient
import PixelEmulator
import Testing

/// Answers whose shape is known come back typed: search results and search info, deletions,
/// user ids.
@Suite struct TypedAnswersTests {
    @Test func searchResultsAndSearchInfoAreTyped() async throws {
        try await withClient { _, client in
            let first = try await client.createProject(name: "Typed A", description: "", areaOfInterest: testArea)
            _ = try await client.createProject(name: "Typed B", description: "", areaOfInterest: testArea)
            let page = try await client.search(SearchQuery(on: .projects, filter: .field("name") == "Typed A"), as: Project.self)
            #expect(page.results.map(\.id) == [first.id])
            #expect(page.totalCount == 1)
            let all = try await client.paginateSearch(SearchQuery(on: .projects), as: Project.self, pageSize: 1).collect()
            #expect(all.count == 2)
            let info = try await client.searchInfo(on: .images)
            #expect(info.on == .images)
            #expect(info.filterableFields?.contains("name") == true)
            #expect(info.operators?.contains("~") == true)
            #expect(info["output_fields"] != nil)
            let blocking = client.blocking
            let (found, paged, projectsInfo) = try await onPlainThread { () throws -> (Int, Int, SearchInfo) in
                let found = try blocking.search(SearchQuery(on: .projects), as: Project.self).results.count
                let paged = Array(blocking.paginateSearch(SearchQuery(on: .projects), as: Project.self, pageSize: 1)).count
                return (found, paged, try blocking.searchInfo(on: .projects))
            }
            #expect(found == 2 && paged == 2)
            #expect(projectsInfo.on == .projects)
        }
    }

    @Test func deletionAnswersAreTypedAndKeepTheWholeAnswer() throws {
        let result = try JSONDecoder().decode(DeletionResult.self, from: Data(#"{"id":5,"deleted":true,"name":"x"}"#.utf8))
        #expect(result.id == 5)
        #expect(result.deleted == true)
        #expect(result["name"] == "x")
        #expect(String(decoding: try JSONEncoder().encode(result), as: UTF8.self).contains(#""name":"x""#))
        let odd = try JSONDecoder().decode(DeletionResult.self, from: Data("true".utf8))
        #expect(odd.deleted == nil)
        #expect(odd.json == true)
    }

    @Test func userIdsAreIntegersAndOtherIdsAreKeptAsText() throws {
        let numeric = try JSONDecoder().decode(User.self, from: Data(#"{"id": 7, "email": "a@b.no"}"#.utf8))
        #expect(numeric.id == 7)
        #expect(numeric.subject == nil)
        let uuid = try JSONDecoder().decode(User.self, from: Data(#"{"id": "3f2c-uuid", "email": "a@b.no"}"#.utf8))
        #expect(uuid.id == nil)
        #expect(uuid.subject == "3f2c-uuid")
        #expect(String(decoding: try JSONEncoder().encode(uuid), as: UTF8.self).contains("3f2c-uuid"))
    }
}

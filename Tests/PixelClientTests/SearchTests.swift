import Foundation
import PixelClient
import PixelEmulator
import Testing

@Suite struct SearchTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func filterBuilderEncodesExactlyToTheGrammar() throws {
        let filter: SearchFilter = .field("name").like("%x%") && .field("created_at") >= "2023-01-01T00:00:00Z"
        #expect(try json(filter) == #"{"and":[{"~":[{"var":"name"},"%x%"]},{">=":[{"var":"created_at"},"2023-01-01T00:00:00Z"]}]}"#)
        let nested: SearchFilter = (.field("id") == 3 || .field("id").isIn([4, 5])) && .field("description") != nil
        #expect(try json(nested) == #"{"and":[{"or":[{"==":[{"var":"id"},3]},{"in":[{"var":"id"},[4,5]]}]},{"!=":[{"var":"description"},null]}]}"#)
    }

    @Test(arguments: SearchOperator.allCases)
    func everyOperatorEncodesItsSymbol(op: SearchOperator) throws {
        let filter = SearchFilter.comparison(op, field: "f", value: "v")
        #expect(try json(filter) == "{\"\(op.rawValue)\":[{\"var\":\"f\"},\"v\"]}")
    }

    @Test func namedMethodsMatchOperators() {
        let field = SearchFilter.field("tags")
        #expect(field.contains("a") == .comparison(.contains, field: "tags", value: "a"))
        #expect(field.notContains("a") == .comparison(.notContains, field: "tags", value: "a"))
        #expect(field.notLike("%a") == .comparison(.notLike, field: "tags", value: "%a"))
        #expect(field.notIn(["a"]) == .comparison(.notIn, field: "tags", value: ["a"]))
        #expect((field < 1) == .comparison(.less, field: "tags", value: 1))
        #expect((field <= 1.5) == .comparison(.lessOrEqual, field: "tags", value: 1.5))
        #expect((field > 1) == .comparison(.greater, field: "tags", value: 1))
        #expect(field.equals("x") == .comparison(.equal, field: "tags", value: "x"))
    }

    @Test func queryLeavesOutUnsetFieldsButAlwaysSendsPaging() throws {
        let query = SearchQuery(on: .pointClouds, sort: [SearchSort("name", .descending)])
        #expect(try json(query) == #"{"distinct":false,"limit":100,"offset":0,"on":"point_clouds","sort":[{"direction":"desc","field":"name"}]}"#)
    }

    @Test func searchAndPaginateSearchAgainstTheEmulator() async throws {
        try await withClient { emulator, client in
            for index in 0..<5 {
                _ = try await client.createProject(
                    name: "Search \(index)", description: index.isMultiple(of: 2) ? "even" : "odd", areaOfInterest: testArea)
            }
            _ = try await client.createProject(name: "Unrelated", description: "", areaOfInterest: testArea)
            let info = try await client.searchInfo(on: .projects)
            #expect(info["on"] == "projects")

            let page = try await client.search(SearchQuery(on: .projects, filter: .field("name").like("Search%"), limit: 2))
            #expect(page.count == 2)
            #expect(page.totalCount == 5)

            let even = try await client.search(SearchQuery(on: .projects, filter: .field("name").like("Search%") && .field("description") == "even"))
            #expect(even.totalCount == 3)

            let before = emulator.stats.requestCount(method: "POST", path: "/demo/search/")
            let all = try await client.paginateSearch(SearchQuery(on: .projects, filter: .field("name").like("Search%")), pageSize: 5).collect()
            #expect(all.count == 5)
            #expect(emulator.stats.requestCount(method: "POST", path: "/demo/search/") - before == 1)  // total_count: no extra request

            let bad = try await #require(throws: PixelError.self) {
                try await client.search(SearchQuery(on: .unknown("videos")))
            }
            #expect(bad.status == 422 || bad.status == 400)
        }
    }
}

@Suite struct PagePlannerTests {
    /// Feeds page sizes and returns, after each, whether another request follows.
    private func walk(pageSize: Int, pages: [Int], total: Int? = nil) -> [Bool] {
        var planner = PagePlanner(pageSize: pageSize)
        return pages.map { count in
            planner.record(pageCount: count, totalCount: total)
            return !planner.finished
        }
    }

    @Test func fullPagesContinueAndAnEmptyPageEnds() {
        #expect(walk(pageSize: 3, pages: [3, 3, 0]) == [true, true, false])
    }

    @Test func aShortFirstPageIsConfirmedOnceThenAShorterPageEnds() {
        // Server caps at 2 while we asked for 10: the first short page may be the cap, so one more
        // request confirms it; a page shorter than the learned cap ends the walk.
        #expect(walk(pageSize: 10, pages: [2, 2, 1]) == [true, true, false])
        #expect(walk(pageSize: 10, pages: [4, 0]) == [true, false])
    }

    @Test func totalCountEndsExactly() {
        #expect(walk(pageSize: 5, pages: [5, 5], total: 10) == [true, false])
        #expect(walk(pageSize: 5, pages: [2, 2, 1], total: 5) == [true, true, false])
    }
}

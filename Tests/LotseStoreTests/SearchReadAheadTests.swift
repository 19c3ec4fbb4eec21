import Foundation
import Testing
@testable import LotseDomain
@testable import LotseStore

/// The table's search texts are read on another connection as soon as the table asks for
/// rows, so that the first letter typed does not wait for every project's text; they
/// belong to one state of the data and are read again after another process's change.
@Suite struct SearchReadAheadTests {
    /// The overview reads ahead the table's order and the search texts; the table's
    /// first page then answers as a store that read nothing ahead does.
    @Test func theOverviewReadsAheadTheTablesOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("ahead.sqlite")
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        let p = Fixture.portfolio()
        try store.replaceAll(with: p, by: "tester")
        let month = try #require(p.latestReportMonth)
        #expect(store.rowOrder.count == 0)
        _ = try store.answer(ScreenDataRequest(overview: month))
        let deadline = Date().addingTimeInterval(20)
        while (store.rowOrder.count == 0 || store.searchTexts.heldState == nil) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(store.rowOrder.count == 1)
        #expect(store.searchTexts.heldState != nil)

        let request = ScreenDataRequest(rows: RowRequest(month: month, limit: 3))
        let warmed = try #require(try store.answer(request).rows)
        let fresh = try #require(try SQLiteStore(path: path, now: Fixture.clock).answer(request).rows)
        #expect(warmed.rows.map(\.project.id) == fresh.rows.map(\.project.id))
        #expect(warmed.matching == fresh.matching && warmed.matching == p.projects.count)
    }

    @Test func textsAreReadAheadAndFollowAnotherProcesssChange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("search.sqlite")
        let store = try SQLiteStore(path: path, now: Fixture.clock)
        var p = Fixture.portfolio()
        try store.replaceAll(with: p, by: "tester")
        let month = try #require(p.latestReportMonth)
        #expect(store.searchTexts.heldState == nil)
        _ = try store.answer(ScreenDataRequest(rows: RowRequest(month: month, limit: 10)))
        let deadline = Date().addingTimeInterval(20)
        while store.searchTexts.heldState == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let first = try #require(store.searchTexts.heldState)

        // Another connection (as another process would) renames a project.
        let other = try SQLiteStore(path: path, now: Fixture.clock)
        p.projects[0].name = "Qzwerft am Hafen"
        try other.replaceAll(with: p, by: "other")
        let found = try #require(try store.answer(ScreenDataRequest(
            rows: RowRequest(month: month, query: PortfolioQuery(search: "qz"), limit: 10))).rows)
        #expect(found.rows.map(\.project.id) == [p.projects[0].id])
        #expect(store.searchTexts.heldState != first)
    }
}

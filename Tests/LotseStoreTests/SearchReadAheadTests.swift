import Foundation
import Testing
@testable import LotseDomain
@testable import LotseStore

/// The table's search texts are read on another connection as soon as the table's rows
/// are shown (`readAhead(after:)`), so that the first letter typed does not wait for
/// every project's text; they belong to one state of the data and are read again after
/// another process's change.
@Suite struct SearchReadAheadTests {
    /// A file store (a pool, which reads on other connections) holding the fixture.
    private struct FileStore {
        let folder: TemporaryFolder
        let path: String
        let store: SQLiteStore
        var portfolio = Fixture.portfolio()
        let month: YearMonth

        init() throws {
            folder = try TemporaryFolder()
            path = folder.file("ahead.sqlite")
            store = try SQLiteStore(path: path, now: Fixture.clock)
            try store.replaceAll(with: portfolio, by: "tester")
            month = try #require(portfolio.latestReportMonth)
        }

        /// Waits (at most 20 s) until the read on the other connection has ended.
        func waitUntil(_ done: () -> Bool) {
            let deadline = Date().addingTimeInterval(20)
            while !done() && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
    }

    /// The overview reads ahead the table's order and the search texts; the table's
    /// first page then answers as a store that read nothing ahead does.
    @Test func theOverviewReadsAheadTheTablesOrder() throws {
        let f = try FileStore()
        defer { f.folder.remove() }
        #expect(f.store.rowOrder.count == 0)
        let overview = ScreenDataRequest(overview: f.month)
        _ = try f.store.answer(overview)
        #expect(f.store.rowOrder.count == 0, "the answer itself reads nothing ahead")
        f.store.readAhead(after: overview)
        f.waitUntil { f.store.rowOrder.count > 0 && f.store.searchTexts.heldState != nil }
        #expect(f.store.rowOrder.count == 1)
        #expect(f.store.searchTexts.heldState != nil)

        let request = ScreenDataRequest(rows: RowRequest(month: f.month, limit: 3))
        let warmed = try #require(try f.store.answer(request).rows)
        let fresh = try #require(try SQLiteStore(path: f.path, now: Fixture.clock).answer(request).rows)
        #expect(warmed.rows.map(\.project.id) == fresh.rows.map(\.project.id))
        #expect(warmed.matching == fresh.matching && warmed.matching == f.portfolio.projects.count)
    }

    /// After the table, the order its sort key asks next is read ahead, and answers as a
    /// store that read nothing ahead does; while a search is typed it is not.
    @Test func theTableReadsAheadTheOrderOfTheNextSortKey() throws {
        let f = try FileStore()
        defer { f.folder.remove() }
        let table = RowRequest(month: f.month, query: PortfolioQuery(sort: .light), limit: 5)
        _ = try f.store.answer(ScreenDataRequest(rows: table))
        #expect(f.store.rowOrder.count == 1)
        f.store.readAhead(after: ScreenDataRequest(rows: table))
        f.waitUntil { f.store.rowOrder.count == 2 && f.store.searchTexts.heldState != nil }
        #expect(f.store.rowOrder.count == 2)

        var next = table
        next.query.sort = .fundingEnd
        #expect(table.query.nextSort == next.query)
        let warmed = try #require(try f.store.answer(ScreenDataRequest(rows: next)).rows)
        #expect(f.store.rowOrder.count == 2, "the sorted rows come from the order read ahead")
        let fresh = try #require(try SQLiteStore(path: f.path, now: Fixture.clock).answer(ScreenDataRequest(rows: next)).rows)
        #expect(warmed.rows.map(\.project.id) == fresh.rows.map(\.project.id))
        #expect(warmed.matching == fresh.matching)

        var searching = table
        searching.query.search = "digital"
        _ = try f.store.answer(ScreenDataRequest(rows: searching))
        let kept = f.store.rowOrder.count
        f.store.readAhead(after: ScreenDataRequest(rows: searching))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(f.store.rowOrder.count == kept)
    }

    @Test func textsAreReadAheadAndFollowAnotherProcesssChange() throws {
        var f = try FileStore()
        defer { f.folder.remove() }
        #expect(f.store.searchTexts.heldState == nil)
        let table = ScreenDataRequest(rows: RowRequest(month: f.month, limit: 10))
        _ = try f.store.answer(table)
        f.store.readAhead(after: table)
        f.waitUntil { f.store.searchTexts.heldState != nil }
        let first = try #require(f.store.searchTexts.heldState)

        // Another connection (as another process would) renames a project.
        let other = try SQLiteStore(path: f.path, now: Fixture.clock)
        f.portfolio.projects[0].name = "Qzwerft am Hafen"
        try other.replaceAll(with: f.portfolio, by: "other")
        let found = try #require(try f.store.answer(ScreenDataRequest(
            rows: RowRequest(month: f.month, query: PortfolioQuery(search: "qz"), limit: 10))).rows)
        #expect(found.rows.map(\.project.id) == [f.portfolio.projects[0].id])
        #expect(f.store.searchTexts.heldState != first)
    }
}

import Foundation
import Testing
@testable import LotseDomain
@testable import LotseStore

/// The table's search texts are read on another connection as soon as the table asks for
/// rows, so that the first letter typed does not wait for every project's text; they
/// belong to one state of the data and are read again after another process's change.
@Suite struct SearchReadAheadTests {
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

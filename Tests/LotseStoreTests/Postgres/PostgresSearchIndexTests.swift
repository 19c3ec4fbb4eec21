import Foundation
import Testing
import LotseDomain
@testable import LotseStore
@testable import LotsePostgres
import PostgresNIO

/// The stored search texts on PostgreSQL: written by `refresh`, never trusted once the
/// project or its municipality changed (a search still answers as the reference), and
/// brought up to date by the next `refresh`.
@Suite struct PostgresSearchIndexTests {
    private func search(_ store: PostgresStore, _ words: String, month: YearMonth) throws -> [String] {
        try #require(try store.answer(ScreenDataRequest(rows: RowRequest(
            month: month, query: PortfolioQuery(search: words), limit: 1_000))).rows).rows.map(\.id)
    }

    @Test func staleTextsAreNotTrustedAndRefreshMendsThem() throws {
        let (made, _, cleanup) = try EngineUnderTest.postgres.make()
        defer { cleanup() }
        let store = try #require(made as? PostgresStore)
        var p = RowsContractTests.portfolio
        let month = try #require(p.latestReportMonth)
        try store.replaceAll(with: p, by: "test")
        try PostgresSearchIndex.refresh(store.session)
        #expect(try PostgresSearchIndex.stale(store.session).isEmpty)
        let stored = try store.session.query("SELECT count(*) FROM project_search").first?.decode(Int64.self)
        #expect(stored == Int64(p.projects.count))

        // Changed by hand behind the index's back: a project's name and a municipality's.
        let renamed = p.projects[3].id
        let oldWord = "straßenbeleuchtung"
        try store.session.execute("""
            UPDATE project SET name = 'Ölmühle Zeppelinwerft' WHERE id = '\(renamed)';
            UPDATE project SET name = 'Parkhaus' WHERE id = 'a-1';
            UPDATE municipality SET name = 'Quedlinburg-Süd' WHERE id = '\(p.municipalities[1].id)'
            """)
        p.projects[3].name = "Ölmühle Zeppelinwerft"
        p.projects[p.projects.firstIndex { $0.id == "a-1" }!].name = "Parkhaus"
        p.municipalities[1].name = "Quedlinburg-Süd"
        #expect(try PostgresSearchIndex.stale(store.session).count
                == 2 + p.projects.filter { $0.municipalityID == p.municipalities[1].id }.count)
        let reference = InMemoryPortfolio(p)
        for words in ["oelmuehle", "zeppelin", oldWord, "quedlinburg sud", p.municipalities[1].id] {
            let want = reference.rows(month: month, query: PortfolioQuery(search: words)).map(\.id)
            #expect(try search(store, words, month: month) == want, "\(words) before refresh")
        }
        #expect(try search(store, "oelmuehle", month: month) == [renamed])
        #expect(!(try search(store, oldWord, month: month)).contains("a-1"))
        #expect(!(try search(store, "quedlinburg", month: month)).isEmpty)

        try PostgresSearchIndex.refresh(store.session)
        #expect(try PostgresSearchIndex.stale(store.session).isEmpty)
        for words in ["oelmuehle", oldWord, "quedlinburg sud"] {
            let want = reference.rows(month: month, query: PortfolioQuery(search: words)).map(\.id)
            #expect(try search(store, words, month: month) == want, "\(words) after refresh")
        }
    }
}

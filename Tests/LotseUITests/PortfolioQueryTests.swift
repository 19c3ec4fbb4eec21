import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

@Suite struct PortfolioQueryTests {
    func portfolio(_ size: Size = Size(width: 120, height: 40)) -> AppState {
        Sample.state(size, screen: .portfolio)
    }

    func type(_ text: String, into s: inout AppState) {
        for c in text { _ = s.send(.key(.char(c))) }
    }

    @Test func incrementalSearchIgnoresCaseAndAccentsAndFollowsEveryKey() {
        var s = portfolio()
        _ = s.send(.key(.char("/")))
        #expect(s.searching)
        type("mobi", into: &s)
        let ids = Set(s.rows.map(\.id))
        let expected = Set(s.allRows.filter { $0.project.field == .mobility || $0.project.name.lowercased().contains("mobi") }.map(\.id))
        #expect(ids == expected)
        #expect(!ids.isEmpty && ids.count < s.allRows.count)
        type("litat", into: &s) // "mobilitat" matches "Mobilität"
        #expect(Set(s.rows.map(\.id)) == Set(s.allRows.filter { $0.project.field == .mobility }.map(\.id)))
        #expect(AppView.render(s).textDump().contains("Suche: mobilitat"))
        _ = s.send(.key(.enter))
        #expect(!s.searching)
        _ = s.send(.key(.escape))
        #expect(s.rows.count == s.allRows.count, "Esc clears search and filter")
        #expect(s.screen == .portfolio)
    }

    @Test func severalWordsMustAllMatch() {
        var s = portfolio()
        _ = s.send(.key(.char("/")))
        type("lotsenau wasser", into: &s)
        #expect(s.rows.map(\.id) == ["LN-03"])
    }

    @Test func lightFilterCyclesAndKeepsTheSelectionOnTheSameProject() {
        var s = portfolio()
        let red = s.allRows.filter { $0.light == .red }.map(\.id)
        let index = s.rows.firstIndex { $0.id == red[0] }!
        for _ in 0..<index { _ = s.send(.key(.down)) }
        _ = s.send(.key(.char("a")))
        #expect(s.query.lightFilter == .redOnly)
        #expect(s.rows.map(\.id) == red)
        #expect(s.rows[s.table.selected].id == red[0])
        _ = s.send(.key(.char("a")))
        #expect(s.rows.allSatisfy { $0.light == .red || $0.light == .yellow })
        _ = s.send(.key(.char("a")))
        #expect(s.rows.allSatisfy { $0.reportMissing })
        #expect(s.rows.count == 4)
        _ = s.send(.key(.char("a")))
        #expect(s.query.lightFilter == .green && s.rows.allSatisfy { $0.light == .green })
        _ = s.send(.key(.char("a")))
        #expect(s.query.lightFilter == .yellow && s.rows.allSatisfy { $0.light == .yellow })
        _ = s.send(.key(.char("a")))
        #expect(s.query.lightFilter == .noneReported && s.rows.allSatisfy { $0.light == nil })
        _ = s.send(.key(.char("a")))
        #expect(s.query.lightFilter == .redOrWorse && !s.rows.isEmpty
                && s.rows.allSatisfy { $0.light == .red || $0.lightTrend == .worse })
        _ = s.send(.key(.char("a")))
        #expect(s.rows.count == s.allRows.count)
    }

    @Test func sortingByLightPutsTheWorstFirstAndReverses() {
        var s = portfolio()
        _ = s.send(.key(.char("s")))
        #expect(s.query.sort == .light)
        let severities = s.rows.map { $0.light?.severity ?? -1 }
        #expect(severities == severities.sorted(by: >))
        #expect(s.notice == "sortiert nach Ampel")
        _ = s.send(.key(.char("S")))
        let reversed = s.rows.map { $0.light?.severity ?? -1 }
        #expect(reversed == reversed.sorted())
        _ = s.send(.key(.char("s")))
        #expect(s.query.sort == .fundingEnd)
        let ends = s.rows.compactMap { $0.project.fundingEnd }
        #expect(ends == ends.sorted())
    }

    @Test func enterOpensTheProjectAndEscReturnsToTheList() throws {
        var s = portfolio()
        _ = s.send(.key(.char("/")))
        type("MS-15", into: &s)
        _ = s.send(.key(.enter))
        _ = s.send(.key(.enter))
        #expect(s.openProjectID == "MS-15")
        let text = AppView.render(s).textDump()
        #expect(text.contains("MS-15 · Telemedizin im Quartier"))
        #expect(text.contains("Statusberichte"))
        #expect(text.contains("Risiken"))
        _ = s.send(.key(.escape))
        #expect(s.openProjectID == nil)
        #expect(s.screen == .portfolio)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func projectSnapshot(size: Size) {
        var s = portfolio(size)
        _ = s.send(.key(.char("/")))
        type("MS-05", into: &s)
        _ = s.send(.key(.enter))
        _ = s.send(.key(.enter))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "project-\(size.width)x\(size.height)")
    }

    @Test func searchLineSnapshot() {
        var s = portfolio(Size(width: 80, height: 24))
        _ = s.send(.key(.char("/")))
        type("energie", into: &s)
        assertSnapshot(AppView.render(s, background: marker), named: "portfolio-search-80x24")
    }
}

@Suite struct DocumentScrollTests {
    @Test func scrollingStopsAtTheEndSoUpAnswersAtOnce() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        _ = s.send(.key(.char("/")))
        for c in "MS-05" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        _ = s.send(.key(.enter))
        for _ in 0..<200 { _ = s.send(.key(.down)) }
        let bottom = s.projectScroll
        #expect(bottom > 0 && bottom < 200)
        _ = s.send(.key(.up))
        #expect(s.projectScroll == bottom - 1)
        #expect(AppView.render(s).textDump().contains("Risiken"))
    }
}

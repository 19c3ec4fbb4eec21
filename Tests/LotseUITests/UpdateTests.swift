import Testing
import LotseDomain
import LotseUI
import TermCanvas

@Suite struct UpdateTests {
    func send(_ keys: [Key], to state: inout AppState) -> [Effect] {
        keys.flatMap { state.send(.key($0)) }
    }

    @Test func numberKeysAndTabSwitchScreens() {
        var s = Sample.state(Size(width: 120, height: 40))
        _ = send([.char("2")], to: &s)
        #expect(s.screen == .portfolio)
        _ = send([.char("1")], to: &s)
        #expect(s.screen == .overview)
        // On the overview Tab walks its panels; elsewhere it switches screens.
        _ = send([.tab], to: &s)
        #expect(s.screen == .overview && s.overviewPanel == .worse)
        _ = send([.char("2"), .tab], to: &s)
        #expect(s.screen == .assessment)
        _ = send([.tab], to: &s)
        #expect(s.screen == .phaseModel)
        _ = send([.tab], to: &s)
        #expect(s.screen == .overview)
        _ = send([.char("3"), .backTab], to: &s)
        #expect(s.screen == .portfolio)
        _ = send([.char("2")], to: &s)
        _ = send([.escape], to: &s)
        #expect(s.screen == .overview)
    }

    @Test func vimAndArrowKeysMoveTheSelectionWithinBounds() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = send([.down, .char("j"), .down], to: &s)
        #expect(s.table.selected == 3)
        _ = send([.up, .char("k")], to: &s)
        #expect(s.table.selected == 1)
        _ = send([.char("k"), .char("k"), .up], to: &s)
        #expect(s.table.selected == 0)
        _ = send([.end], to: &s)
        #expect(s.table.selected == s.rows.count - 1)
        _ = send([.char("g")], to: &s)
        #expect(s.table.selected == 0)
        _ = send([.char("G")], to: &s)
        #expect(s.table.selected == s.rows.count - 1)
        _ = send([.home], to: &s)
        #expect(s.table.selected == 0 && s.table.offset == 0)
    }

    @Test func pagingScrollsAndKeepsTheSelectionVisible() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        let visible = s.layout.tableRows
        #expect(s.rows.count > visible, "the sample must need scrolling at 80×24")
        _ = send([.pageDown], to: &s)
        #expect(s.table.selected == visible - 1)
        _ = send([.pageDown, .pageDown, .pageDown], to: &s)
        #expect(s.table.selected == s.rows.count - 1)
        #expect(s.table.offset == s.rows.count - visible)
        // The selected project is on screen.
        let selectedID = s.rows[s.table.selected].id
        #expect(AppView.render(s).textDump().contains(selectedID))
        _ = send([.pageUp], to: &s)
        #expect(s.table.selected == s.rows.count - 1 - (visible - 1))
        #expect(s.table.selected >= s.table.offset && s.table.selected < s.table.offset + visible)
    }

    @Test func shrinkingTheWindowKeepsTheSelectionVisible() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = send([.end], to: &s)
        _ = s.send(.resize(Size(width: 80, height: 20)))
        let visible = s.layout.tableRows
        #expect(s.table.selected < s.table.offset + visible && s.table.selected >= s.table.offset)
        #expect(AppView.render(s).textDump().contains(s.rows[s.table.selected].id))
    }

    @Test func helpIsModalAndListsTheKeysOfTheScreen() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        _ = send([.char("?")], to: &s)
        #expect(s.showHelp)
        let text = AppView.render(s).textDump()
        #expect(text.contains("PgDn"))
        #expect(text.contains("beenden"))
        _ = send([.down, .char("1")], to: &s)
        #expect(s.table.selected == 0 && s.screen == .portfolio, "keys under the help do nothing")
        _ = send([.escape], to: &s)
        #expect(!s.showHelp)
        _ = send([.char("?"), .char("?")], to: &s)
        #expect(!s.showHelp)
    }

    @Test func overviewHelpDoesNotOfferListKeys() {
        var s = Sample.state(Size(width: 80, height: 24))
        _ = send([.char("?")], to: &s)
        #expect(!AppView.render(s).textDump().contains("PgDn"))
    }

    @Test func quitComesBackAsAnEffect() {
        var s = Sample.state(Size(width: 80, height: 24))
        #expect(send([.char("q")], to: &s) == [.quit])
        #expect(send([.ctrl("c")], to: &s) == [.quit])
        #expect(s.send(.terminate) == [.quit])
        _ = send([.char("?")], to: &s)
        #expect(send([.char("q")], to: &s) == [.quit])
    }

    @Test func emptyDatabaseOffersSampleData() {
        var s = AppState(month: YearMonth("2026-11")!, size: Size(width: 80, height: 24))
        #expect(AppView.render(s).textDump().contains("Lade Daten"))
        _ = s.load(InMemoryPortfolio(Portfolio()))
        #expect(AppView.render(s).textDump().contains("Datenbank ist noch leer"))
        #expect(send([.char("b")], to: &s) == [.loadSampleData])
        // Once data is there, b does nothing.
        _ = s.load(Sample.reader)
        #expect(send([.char("b")], to: &s) == [])
    }

    @Test func failuresShowInTheStatusBarAndClearOnTheNextKey() {
        var s = Sample.state(Size(width: 80, height: 24))
        _ = s.send(.failed("database is locked"))
        #expect(AppView.render(s).line(23).contains("database is locked"))
        _ = send([.char("2")], to: &s)
        #expect(s.notice == nil)
    }

    @Test func clickingATabOrRowSelectsIt() {
        var s = Sample.state(Size(width: 120, height: 40))
        let line0 = AppView.render(s).line(0)
        let column = line0.distance(from: line0.startIndex, to: line0.range(of: "2 Portfolio")!.lowerBound)
        _ = s.send(.mouse(MouseClick(x: column, y: 0, button: 1)))
        #expect(s.screen == .portfolio)
        _ = s.send(.mouse(MouseClick(x: 10, y: 3 + 4, button: 1)))
        #expect(s.table.selected == 4)
    }
}

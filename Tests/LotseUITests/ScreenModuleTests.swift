import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// The app is a route and a stack of modals; each screen's bindings are the one place its
/// keys are written, and the footer and the help are made from them.
@Suite struct ScreenModuleTests {
    func keys(_ keys: [Key], _ s: inout AppState) -> [Effect] {
        keys.flatMap { s.send(.key($0)) }
    }

    func footer(_ s: AppState) -> String { AppView.render(s).line(s.size.height - 1) }

    @Test func aModalTakesTheKeysAndEscClosesTheTopOneFirst() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = keys([.char("/"), .char("m"), .char("s")], &s)
        #expect(s.modals.map(\.kind) == [.search])
        #expect(s.query.search == "ms")
        _ = keys([.function(1)], &s)
        #expect(s.modals.map(\.kind) == [.search], "F1 is not a key of the search line")
        _ = keys([.char("q")], &s)
        #expect(s.query.search == "msq", "q is typed, it does not quit")
        _ = keys([.escape], &s)
        #expect(s.modals.isEmpty)
        #expect(s.query.search == "", "Esc drops what was typed")
        _ = keys([.char("?")], &s)
        #expect(s.modals.map(\.kind) == [.help])
        _ = keys([.down, .char("2"), .char("s")], &s)
        #expect(s.table.selected == 0 && s.query.sort == .id, "nothing under the help moves")
        _ = keys([.escape], &s)
        #expect(s.modals.isEmpty && s.route == .portfolio)
    }

    @Test func eachTabComesBackWhereItWasLeft() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = keys([.down, .enter], &s)
        guard case .project(let id) = s.route else { Issue.record("Enter opens the project"); return }
        _ = keys([.char("1")], &s)
        #expect(s.route == .overview)
        _ = keys([.char("2")], &s)
        #expect(s.route == .project(id: id), "the portfolio tab returns to the open project")
        _ = keys([.escape], &s)
        #expect(s.route == .portfolio)
        _ = keys([.escape], &s)
        #expect(s.route == .overview)
    }

    /// The footer names a screen's main keys, and each key it names does something there.
    @Test(arguments: [Screen.overview, .portfolio, .assessment, .phaseModel])
    func everyKeyTheFooterNamesActs(tab: Screen) {
        var s = Sample.state(Size(width: 160, height: 40), screen: tab)
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let listed = s.listedBindings.filter { $0.footer != nil }
        #expect(!listed.isEmpty)
        let line = footer(s)
        for b in listed {
            let word = b.footer!(s.strings)
            #expect(line.contains(word), "\(tab): footer names \(word)")
            var t = s
            let before = AppView.render(t)
            let effects = b.keys.first.map { t.send(.key($0)) } ?? []
            #expect(!effects.isEmpty || AppView.render(t) != before || t.route != s.route || t.modals.count != s.modals.count,
                    "\(tab): \(b.label) \(word) does nothing")
        }
    }

    @Test func thePortfolioFooterOffersItsTools() {
        let s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        let line = footer(s)
        for part in ["?  Hilfe", "/  Suche", "f  Filter", "s  Sortieren", "r  Bericht", "Enter  Öffnen",
                     "Projekt 1 von 30"] {
            #expect(line.contains(part), "\(part) in \(line)")
        }
        var searching = s
        _ = searching.send(.key(.char("/")))
        #expect(footer(searching).contains("Enter  Übernehmen"))
        #expect(!footer(searching).contains("Suche"), "while typing, the footer names the line's keys")
    }

    @Test func digitsAnswerInTheWizardAndAreTypedInTextFields() throws {
        var s = WizardTests().state()
        _ = WizardTests().startWorkshop(&s)
        #expect(s.route == .wizard)
        _ = keys([.char("2")], &s)
        #expect(s.route == .wizard, "2 is an answer here, not the portfolio tab")
        #expect(s.entry?.editor.text == "2")
        _ = keys([.char("4")], &s)
        #expect(s.entry?.editor.text == "24")
        _ = keys([.escape], &s)
        #expect(s.entry == nil && s.route == .wizard)
        // Out of the scale: a notice, nothing typed.
        _ = keys([.char("9")], &s)
        #expect(s.entry == nil)
        #expect(s.notice != nil)
    }

    @Test func aDemoWithChangesAsksBeforeQuitting() {
        var s = Sample.state(Size(width: 100, height: 30), screen: .portfolio)
        #expect(keys([.char("q")], &s) == [.quit], "no demo: q quits")
        s.isDemo = true
        #expect(keys([.char("q")], &s) == [.quit], "a demo without changes quits at once")
        // A change: the report form saves a draft at the first light.
        _ = keys([.char("r")], &s)
        _ = s.send(.reportEditorLoaded(projectID: "LN-01", month: Sample.month, draft: nil, version: nil,
                                       project: Sample.project("LN-01")))
        #expect(!keys([.char("2")], &s).isEmpty)
        #expect(s.hasChanges)
        _ = keys([.escape], &s)
        #expect(keys([.char("q")], &s) == [])
        #expect(s.topModal?.kind == .confirm)
        #expect(AppView.render(s).textDump().contains("Trotzdem beenden?"))
        #expect(keys([.char("n")], &s) == [])
        #expect(s.modals.isEmpty, "no keeps the demo running")
        _ = keys([.char("q")], &s)
        #expect(keys([.char("j")], &s) == [.quit])
    }

    @Test func theHeaderSaysHowManyMoreMunicipalities() {
        let wide = Sample.state(Size(width: 160, height: 40))
        #expect(AppView.render(wide).line(0).contains("Musterstadt an der Lotse + 1 weitere Kommune · Stand 11/2026"))
        // Narrower: the short addition stays whole, the name is cut.
        let narrow = Sample.state(Size(width: 120, height: 40))
        #expect(AppView.render(narrow).line(0).contains("… + 1 Kommune · Stand 11/2026"))
        let en = Sample.state(Size(width: 170, height: 40), language: .english)
        #expect(AppView.render(en).line(0).contains("Musterstadt an der Lotse + 1 more municipality"))
    }

    @Test func theLayoutTheTableMovesByIsTheOneItDraws() {
        for height in [15, 24, 40, 61] {
            let s = Sample.state(Size(width: 100, height: height), screen: .portfolio)
            let buffer = AppView.render(s)
            // Data rows drawn: lines starting with a project id inside the box.
            let drawn = (0..<height).filter { buffer.line($0).hasPrefix("│MS-") || buffer.line($0).hasPrefix("│LN-") }.count
            #expect(drawn == min(30, s.layout.tableRows), "height \(height)")
        }
    }
}

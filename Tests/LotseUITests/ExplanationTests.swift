import Foundation
import Testing
import TermCanvas
import LotseDomain
@testable import LotseUI

/// The `w` dialog: opened from the portfolio and the project view, loading the project when
/// it is not here, closed with Esc, listed in the help; its texts in both languages.
@Suite struct ExplanationTests {
    /// The first red project of the sample's newest month.
    static var redID: String { try! Sample.reader.redStreaks(month: Sample.month).first!.project.id }

    /// The portfolio with `id` selected.
    static func portfolio(_ size: Size, selecting id: String, language: Language = .german) -> AppState {
        var s = Sample.state(size, screen: .portfolio, language: language)
        for _ in 0..<200 where s.selectedRow?.id != id { s.send(.key(.down)) }
        #expect(s.selectedRow?.id == id)
        return s
    }

    @Test func wInThePortfolioLoadsTheProjectAndExplainsIt() throws {
        var s = Self.portfolio(Size(width: 120, height: 40), selecting: Self.redID)
        let effects = s.update(.key(.char("w")))
        #expect(effects.contains { if case .load(let r) = $0 { r.projectID == Self.redID } else { false } })
        guard case .explanation(let id)? = s.topModal else {
            Issue.record("no explanation open")
            return
        }
        #expect(id == Self.redID)
        s.send(.key(.char("w")))  // closes again
        #expect(s.topModal == nil)

        s.send(.key(.char("w")))
        let e = try #require(s.explanation(of: Self.redID))
        #expect(e.overall == .red || e.reportMissing)
        let text = AppView.render(s).textDump()
        #expect(text.contains("Warum? \(Self.redID)"))
        #expect(text.contains(ExplanationStrings.german.causesHeading))
        let first = try #require(e.causes.first)
        let words = ExplanationStrings.german.cause(first, month: e.month, strings: .german)
        #expect(text.contains(String(words.prefix(20))))
        s.send(.key(.escape))
        #expect(s.modals.isEmpty)
        #expect(s.route == .portfolio)
    }

    @Test func wInTheProjectViewNeedsNoLoadingAndEscReturnsToTheProject() {
        var s = Self.portfolio(Size(width: 80, height: 24), selecting: Self.redID)
        s.send(.key(.enter))
        #expect(s.route == .project(id: Self.redID))
        let effects = s.update(.key(.char("w")))
        #expect(effects.isEmpty)
        #expect(s.topModal?.kind == .explanation)
        #expect(AppView.render(s).textDump().contains("Warum? \(Self.redID)"))
        s.send(.key(.escape))
        #expect(s.modals.isEmpty)
        #expect(s.route == .project(id: Self.redID))
    }

    @Test func theKeyIsInTheHelpAndTheFooter() {
        var s = Self.portfolio(Size(width: 120, height: 40), selecting: Self.redID)
        #expect(s.listedBindings.contains { $0.label == "w" && $0.describe(s.strings) == ExplanationStrings.german.keyExplain })
        #expect(s.listedBindings.contains { $0.label == "w" && $0.footer?(s.strings) == "warum" })
        s.send(.key(.char("?")))
        #expect(AppView.render(s).textDump().contains(ExplanationStrings.german.keyExplain))
    }

    @Test func aProjectTheStoreDoesNotHaveShowsLoadingAndChangesNothing() {
        var s = Sample.state(Size(width: 80, height: 24), screen: .portfolio)
        let rows = s.rowCount
        _ = s.openExplanation(projectID: "gibt-es-nicht")
        #expect(s.explanation(of: "gibt-es-nicht") == nil)
        #expect(AppView.render(s).textDump().contains(ExplanationStrings.german.loading))
        s.send(.key(.escape))
        #expect(s.modals.isEmpty && s.rowCount == rows && s.route == .portfolio)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func snapshots(size: Size) {
        var s = Self.portfolio(size, selecting: Self.redID)
        s.send(.key(.char("w")))
        assertSnapshot(AppView.render(s), named: "explanation-\(size.width)x\(size.height)")
        var e = Self.portfolio(size, selecting: Self.redID, language: .english)
        e.send(.key(.enter))
        e.send(.key(.char("w")))
        assertSnapshot(AppView.render(e), named: "explanation-en-project-\(size.width)x\(size.height)")
    }

    // MARK: - The table of texts

    static func sample(_ key: String, _ l: Language) -> String? {
        let x = ExplanationStrings.forLanguage(l)
        switch key {
        case "title": return x.title("P-01", "Name")
        case "reportOf": return x.reportOf("05/2026")
        case "reportFromEarlier": return x.reportFromEarlier("05/2026", "03/2026")
        case "aspect": return LightExplanation.Aspect.allCases.map(x.aspect).joined(separator: "|")
        case "causeMissing": return x.causeMissing("05/2026")
        case "causeReported": return x.causeReported("Zeitplan", "rot")
        case "causeOverrun": return x.causeOverrun("110 €", "100 €", "10 €")
        case "causeBehind": return x.causeBehind("30 %", "50 %", 20)
        case "causeKPI": return x.causeKPI("Nutzer", "90", "100", true) + x.causeKPI("CO2", "20", "10", false)
        case "budgetLine": return x.budgetLine("1 €", "2 €")
        case "scheduleLine": return x.scheduleLine("30 %", "50 %")
        case "moreCauses": return x.moreCauses(2)
        case "attention": return [0, 1, 3].map(x.attention).joined(separator: "|")
        case "badMonth": return x.badMonth("2026-13")
        default: return nil
        }
    }

    @Test func everyTextInBothLanguages() {
        let result = StringTableCheck.compare("ExplanationStrings", german: ExplanationStrings.german,
                                              english: ExplanationStrings.english, sample: Self.sample)
        #expect(result.checked == result.total && result.total >= 30)
        #expect(result.same.isEmpty, "\(result.same)")
        #expect(Strings.german.explanation.language == .german && Strings.english.explanation.language == .english)
    }

    @Test func everyCauseIsWorded() {
        let gap = LightExplanation.KPIGap(kpiID: "k", name: "Nutzer", unit: "Pers.", value: 90, target: 100,
                                          direction: .higherIsBetter, month: Sample.month)
        let causes: [LightExplanation.Cause] = [
            .reportMissing, .reported(.schedule, .red), .budgetOverrun(spent: Money(euros: 110), planned: Money(euros: 100)),
            .behindSchedule(.init(progress: 30, expected: 50)), .kpiOffTarget(gap),
        ]
        for l in [Language.german, .english] {
            let s = Strings.forLanguage(l)
            let words = causes.map { s.explanation.cause($0, month: Sample.month, strings: s) }
            #expect(Set(words).count == causes.count)
            #expect(words[2].contains(s.formats.money(Money(euros: 10))))
            #expect(words[3].contains("20"))
            #expect(words[4].contains("≥") && words[4].contains("Pers."))
        }
    }
}

extension ExplanationTests {
    @Test func dataChangedElsewhereReachesAnOpenExplanation() throws {
        var s = Self.portfolio(Size(width: 120, height: 40), selecting: Self.redID)
        s.send(.key(.char("w")))
        #expect(try #require(s.explanation(of: Self.redID)).overall == .red)
        // Someone submits a green report for the month shown.
        var changed = Sample.portfolio
        let i = try #require(changed.reports.lastIndex { $0.projectID == Self.redID && $0.month == Sample.month })
        changed.reports[i].overall = .green
        changed.reports[i].schedule = .green
        s.send(.dataChanged(byOthers: true), reader: InMemoryPortfolio(changed))
        #expect(s.topModal?.kind == .explanation)
        let e = try #require(s.explanation(of: Self.redID))
        #expect(e.overall == .green)
        #expect(!e.causes.contains(.reported(.schedule, .red)))
    }
}

import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

@Suite struct ReportEditorTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// MS-12 owes its report for the sample's latest month.
    func editor(_ size: Size = Size(width: 120, height: 40), draft: ReportDraft? = nil) -> AppState {
        var s = Sample.state(size, screen: .portfolio)
        s.user = "p.leitung"
        _ = s.send(.tick(Self.now))
        _ = s.send(.key(.char("/")))
        for c in "MS-12" { _ = s.send(.key(.char(c))) }
        _ = s.send(.key(.enter))
        #expect(s.send(.key(.char("r"))) == [.openReportEditor(projectID: "MS-12", month: Sample.month)])
        _ = s.send(.reportEditorLoaded(projectID: "MS-12", month: Sample.month, draft: draft, version: nil, project: Sample.project("MS-12")))
        return s
    }

    func type(_ text: String, _ s: inout AppState) -> [Effect] {
        text.flatMap { s.send(.key(.char($0))) }
    }

    @Test func everyChangeIsSavedAsADraft() throws {
        var s = editor()
        let e1 = s.send(.key(.char("2")))
        #expect(s.reportEditor?.draft.overall == .yellow)
        #expect(e1 == [.saveDraft(s.reportEditor!.draft)])
        #expect(s.reportEditor?.focus == 1, "choosing a light moves on")
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        let effects = type("9", &s)
        #expect(s.reportEditor?.draft.progress == "9")
        #expect(effects.count == 1)
        _ = s.send(.key(.backspace))
        #expect(s.reportEditor?.draft.progress == "")
    }

    @Test func submittingNamesEveryProblemNextToItsField() {
        var s = editor(Size(width: 120, height: 40))
        _ = s.send(.key(.char("1")))
        #expect(s.send(.key(.ctrl("s"))) == [])
        let problems = s.reportEditor!.problems
        #expect(problems[.schedule] == .missing)
        #expect(problems[.progress] == .missing)
        #expect(problems[.spent] == .missing)
        #expect(problems[.overall] == nil)
        #expect(s.reportEditor?.focusedField == .schedule, "focus jumps to the first problem")
        let text = AppView.render(s).textDump()
        #expect(text.contains("fehlt"))
        #expect(s.notice?.contains("Felder sind noch nicht in Ordnung") == true)
    }

    @Test func aValidFormSubmitsReportAndReadings() throws {
        var s = editor()
        for l in ["1", "1", "2", "1"] { _ = s.send(.key(.char(Character(l)))) }
        _ = type("91", &s); _ = s.send(.key(.tab))
        _ = type("Kurse im Makerspace ausgebucht", &s); _ = s.send(.key(.tab))
        _ = type("Zweite Werkbank einrichten", &s); _ = s.send(.key(.tab))
        _ = s.send(.key(.tab))
        _ = type("4.250,50", &s)
        let kpis = s.reportEditor!.kpis
        if let first = kpis.first {
            _ = s.send(.key(.tab))
            _ = type("12,5", &s)
            #expect(s.reportEditor?.focusedField == .reading(first.id))
        }
        let effects = s.send(.key(.ctrl("s")))
        let effect = try #require(effects.first)
        guard case .submitReport(let report, let readings, let expecting) = effect else {
            Issue.record("expected a submit effect, got \(effects)")
            return
        }
        #expect(expecting == nil)
        #expect(report.overall == .green && report.cost == .yellow)
        #expect(report.progress == 91)
        #expect(report.spent == Money(cents: 425_050))
        #expect(report.author == "p.leitung")
        #expect(report.achieved == "Kurse im Makerspace ausgebucht")
        #expect(readings.map(\.value) == (kpis.isEmpty ? [] : [Decimal(string: "12.5")!]))
        _ = s.send(.reportSubmitted(projectID: "MS-12", month: Sample.month))
        #expect(s.reportEditor == nil)
        #expect(s.notice == "Bericht MS-12 \(Formats.german.month(Sample.month)) eingereicht.")
    }

    @Test func progressBelowLastMonthNeedsAnExplanation() {
        var s = editor()
        for l in ["1", "1", "1", "1"] { _ = s.send(.key(.char(Character(l)))) }
        _ = type("10", &s)
        _ = s.send(.key(.ctrl("s")))
        guard case .progressBelowPrevious = s.reportEditor?.problems[.progress] else {
            Issue.record("expected a progress problem, got \(String(describing: s.reportEditor?.problems[.progress]))")
            return
        }
    }

    @Test func aSavedDraftComesBackAndEscKeepsIt() {
        let draft = ReportDraft(projectID: "MS-12", month: Sample.month, overall: .red, progress: "80", achieved: "halb fertig")
        var s = editor(draft: draft)
        #expect(s.reportEditor?.draft == draft)
        #expect(s.notice == "Gespeicherter Entwurf wiederhergestellt.")
        #expect(s.send(.key(.escape)) == [])
        #expect(s.reportEditor == nil)
        #expect(s.notice?.hasPrefix("Entwurf gespeichert") == true)
    }

    @Test func aConflictKeepsTheFormAndSaysWhoChangedIt() {
        var s = editor()
        let conflict = ReportConflict(projectID: "MS-12", month: Sample.month,
                                      current: ReportVersion(revision: 2, changedBy: "a.yilmaz", changedAt: Self.now))
        _ = s.send(.reportConflict(conflict))
        #expect(s.reportEditor != nil)
        #expect(s.notice?.contains("a.yilmaz hat den Bericht inzwischen geändert") == true)
    }

    @Test func correctingAStoredReportStartsFromIt() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.reportEditorLoaded(projectID: "MS-01", month: Sample.month, draft: nil,
                                         version: ReportVersion(revision: 1, changedBy: "j", changedAt: Self.now), project: Sample.project("MS-01")))
        let stored = s.projectIndex!.report(of: "MS-01", in: Sample.month)!
        #expect(s.reportEditor?.draft.progress == String(stored.progress))
        #expect(MoneyText.parse(s.reportEditor!.draft.spent) == stored.spent)
        #expect(AppView.render(s).textDump().contains("Korrektur"))
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func snapshot(size: Size) {
        var s = editor(size)
        _ = s.send(.key(.char("2")))
        _ = s.send(.key(.ctrl("s")))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "report-editor-\(size.width)x\(size.height)")
    }
}

@Suite struct ReportTextTests {
    @Test(arguments: [("12.500", 1_250_000), ("12500,5", 1_250_050), ("1.234,56", 123_456), ("12500.50", 1_250_050),
                      ("4 250 €", 425_000), ("0", 0)])
    func moneyParsesGermanTyping(text: String, cents: Int64) {
        #expect(MoneyText.parse(text) == Money(cents: cents))
    }

    @Test(arguments: ["", "abc", "12,345", "1,2,3", "€"])
    func moneyRejectsNonsense(text: String) {
        #expect(MoneyText.parse(text) == nil)
    }

    @Test func moneyFormatReadsBack() {
        for cents: Int64 in [0, 5, 1_250_050, 123_456_789] {
            #expect(MoneyText.parse(MoneyText.format(Money(cents: cents))) == Money(cents: cents))
        }
    }
}

@Suite struct ReportDraftBaseTests {
    @Test func aNewDraftRemembersTheRevisionItStartedFrom() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        _ = s.send(.reportEditorLoaded(projectID: "MS-01", month: Sample.month, draft: nil,
                                         version: ReportVersion(revision: 3, changedBy: "j", changedAt: ReportEditorTests.now), project: Sample.project("MS-01")))
        let effects = s.send(.key(.char("2")))
        guard case .saveDraft(let d) = effects.first else { Issue.record("no draft saved"); return }
        #expect(d.baseRevision == 3)
    }

    @Test func aResumedDraftOlderThanTheStoredReportCannotOverwriteIt() {
        var s = Sample.state(Size(width: 120, height: 40), screen: .portfolio)
        let draft = ReportDraft(projectID: "MS-01", month: Sample.month, overall: .green, baseRevision: 1)
        _ = s.send(.reportEditorLoaded(projectID: "MS-01", month: Sample.month, draft: draft,
                                         version: ReportVersion(revision: 2, changedBy: "a.yilmaz", changedAt: ReportEditorTests.now), project: Sample.project("MS-01")))
        #expect(s.reportEditor?.baseVersion?.revision == 1, "submit will expect revision 1 and be refused")
        #expect(s.notice?.contains("a.yilmaz hat den Bericht seither geändert") == true)
        #expect(s.send(.key(.ctrl("d"))) == [.discardDraft(projectID: "MS-01", month: Sample.month),
                                                .openReportEditor(projectID: "MS-01", month: Sample.month)])
    }
}

import Foundation
import LotseDomain
import Testing
@testable import LotseUI
import TermCanvas

/// The facilitator notes where the municipality stands on each tension field (`f` on the
/// wizard and the result); the result and the handout show it; `d` writes the handout.
@Suite struct TensionStanceUITests {
    static func sample(_ key: String, _ l: Language) -> String? {
        let t = StanceStrings.forLanguage(l)
        switch key {
        case "poles": return t.poles("a", "b")
        case "position": return t.position(2, 5)
        case "summary": return [t.summary("Finanzierung", "a", "b", 2), t.summary("Finanzierung", "a", "b", nil)]
            .joined(separator: "|")
        default: return nil
        }
    }

    @Test func everyTextExistsInBothLanguages() {
        let result = StringTableCheck.compare("StanceStrings", german: StanceStrings.german,
                                              english: StanceStrings.english, sample: Self.sample)
        #expect(result.checked == result.total && result.total == 21)
        // The poles line reads the same in both languages; everything else differs.
        #expect(result.same == ["poles"], "\(result.same)")
    }

    /// The wizard (or, finished, the result) of an assessment with the four tension fields.
    static func state(_ size: Size = Size(width: 80, height: 24), completed: Bool = false,
                      stances: [String: TensionStance] = [:], language: Language = .german) -> AppState {
        var s = Sample.state(size, language: language)
        s.user = "moderation"
        _ = s.send(.tick(WizardTests.now))
        _ = s.send(.questionnaireLoaded(PhaseModelTensionTests.questionnaire))
        _ = s.send(.key(.char("3")))
        var a = WorkshopTests.stored
        a.completed = completed
        a.stances = stances
        _ = s.send(.assessmentsLoaded([a]))
        _ = s.send(.key(.enter))
        return s
    }

    @Test func fOpensTheFieldsAndEveryChangeIsSavedAtOnce() throws {
        var s = Self.state()
        #expect(s.assessmentMode == .wizard)
        #expect(s.send(.key(.char("f"))) == [])
        #expect(s.topModal?.kind == .stances)
        let first = PhaseModelTensionTests.questionnaire.tensions[0].id
        let second = PhaseModelTensionTests.questionnaire.tensions[1].id
        // A step from nothing starts in the middle; a digit sets the point; 0 clears it.
        #expect(s.send(.key(.right)) == [.saveStance(assessmentID: "SE-1", tensionID: first, stance: TensionStance(position: 3))])
        #expect(s.send(.key(.char("2"))) == [.saveStance(assessmentID: "SE-1", tensionID: first, stance: TensionStance(position: 2))])
        #expect(s.send(.key(.char("2"))) == [], "no change, nothing to save")
        #expect(s.send(.key(.left)) == [.saveStance(assessmentID: "SE-1", tensionID: first, stance: TensionStance(position: 1))])
        #expect(s.send(.key(.left)) == [], "the first pole is the end")
        // The note of the second field, typed and taken.
        _ = s.send(.key(.down))
        _ = s.send(.key(.char("n")))
        for c in "eher Pilot" { _ = s.send(.key(.char(c))) }
        #expect(s.stanceForm?.note?.text == "eher Pilot")
        #expect(s.send(.key(.enter)) == [.saveStance(assessmentID: "SE-1", tensionID: second,
                                                     stance: TensionStance(position: nil, note: "eher Pilot"))])
        #expect(s.stanceForm?.note == nil && s.topModal?.kind == .stances)
        let shown = AppView.render(s).textDump()
        #expect(shown.contains("Stand 1 von 5") && shown.contains("Notiz: eher Pilot"))
        // Esc while typing drops the text; Esc closes; the assessment carries the stances.
        _ = s.send(.key(.char("n"))); _ = s.send(.key(.char("x")))
        #expect(s.send(.key(.escape)) == [] && s.stanceForm?.note == nil)
        _ = s.send(.key(.escape))
        #expect(s.topModal == nil)
        let current = try #require(s.assessment.current)
        #expect(current.stances == [first: TensionStance(position: 1), second: TensionStance(note: "eher Pilot")])
        #expect(s.assessment.assessments.first?.stances == current.stances, "the list holds the same")
        _ = s.send(.key(.char("0")))
        #expect(s.topModal == nil, "0 in the wizard is an answer, not the dialog's")
    }

    @Test func aFinishedAssessmentShowsTheFieldsButChangesNothing() {
        var s = Self.state(completed: true, stances: ["finanzierung": TensionStance(position: 4, note: "Haushalt 2027")])
        #expect(s.assessmentMode == .result)
        _ = s.send(.key(.char("f")))
        #expect(s.topModal?.kind == .stances)
        for key: Key in [.right, .char("3"), .char("0"), .char("n"), .enter] {
            #expect(s.send(.key(key)) == [], "\(key)")
        }
        #expect(s.assessment.current?.stances["finanzierung"] == TensionStance(position: 4, note: "Haushalt 2027"))
        #expect(AppView.render(s).textDump().contains("zum Ändern mit w wieder öffnen"))
    }

    @Test func withoutTensionFieldsTheKeySaysSo() {
        var s = WizardTests().state()
        _ = s.send(.assessmentsLoaded([WorkshopTests.stored]))
        _ = s.send(.key(.enter))
        _ = s.send(.key(.char("f")))
        #expect(s.topModal == nil)
        #expect(s.notice == StanceStrings.german.noTensions)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)], Language.allCases)
    func snapshotOfTheDialog(size: Size, language: Language) {
        var s = Self.state(size, stances: ["standardisierung": TensionStance(position: 2, note: "Leitplanken vom Land fehlen"),
                                           "finanzierung": TensionStance(position: 5)], language: language)
        _ = s.send(.key(.char("f")))
        _ = s.send(.key(.down))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "stances-\(language.rawValue)-\(size.width)x\(size.height)")
    }

    @Test func theDialogSurvivesATinyTerminal() {
        for size in [Size(width: 3, height: 2), Size(width: 20, height: 6), Size(width: 40, height: 8)] {
            var s = Self.state(size)
            _ = s.send(.key(.char("f")))
            _ = AppView.render(s)
            _ = s.send(.key(.down))
            _ = s.send(.key(.char("n")))
            _ = AppView.render(s)
        }
    }

    @Test func theResultListsTheStancesAndDWritesTheHandout() throws {
        var s = Self.state(Size(width: 120, height: 40), completed: true,
                           stances: ["finanzierung": TensionStance(position: 4, note: "Haushalt 2027")])
        let shown = ResultView.lines(s, width: 100).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(shown.contains("Spannungsfelder · wo die Gruppe die Kommune sieht"))
        #expect(shown.contains("Finanzierung") && shown.contains("Stand 4 von 5") && shown.contains("Notiz: Haushalt 2027"))
        let effects = s.send(.key(.char("d")))
        guard case .writeFile(let name, let html)? = effects.first, effects.count == 1 else {
            Issue.record("no handout written: \(effects)")
            return
        }
        #expect(name == "Handout-musterstadt-2026-11-18.html")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Wo die Gruppe steht:") && html.contains("Haushalt 2027"))
        #expect(s.send(.fileWritten(path: "/tmp/" + name)) == [])
        #expect(s.notice == "Geschrieben: /tmp/" + name)
    }

    @Test func theHandoutsFileNameCannotLeaveTheFolder() {
        var a = WorkshopTests.stored
        a.municipalityID = "../../etc/passwd; rm -rf ~"
        let name = AppState.handoutFileName(a)
        #expect(!name.contains("/") && !name.contains(" ") && !name.contains(";") && !name.contains("~"))
        #expect(name.hasPrefix("Handout-") && name.hasSuffix("-2026-11-18.html"))
        a.municipalityID = "Bürgerstadt"
        #expect(AppState.handoutFileName(a) == "Handout-B-rgerstadt-2026-11-18.html")
    }
}

/// An assessment is shown with the questionnaire version it was made with.
@Suite struct QuestionnaireVersionUITests {
    /// The test questionnaire as an earlier version "test 0", in which S5 counted for transfer.
    static var earlier: Questionnaire {
        var q = TestQuestionnaire.value
        q.version = "0"
        q.statements = q.statements.map { s in
            var s = s
            if s.id == "S5" { s.phase = .transfer }
            return s
        }
        return q
    }

    static func result(of a: Assessment, earlier: [Questionnaire]) -> AppState {
        var s = WizardTests().state()
        _ = s.send(.earlierQuestionnairesLoaded(earlier))
        _ = s.send(.assessmentsLoaded([a]))
        _ = s.send(.key(.enter))
        return s
    }

    @Test func anAssessmentOfAnEarlierVersionIsScoredWithIt() throws {
        var a = WorkshopTests.stored
        a.questionnaire = "test 0"
        a.completed = true
        let s = Self.result(of: a, earlier: [Self.earlier])
        #expect(s.assessment.questionnaire?.versionTag == "test 0")
        #expect(!s.assessment.isScoredWithOtherVersion)
        #expect(s.assessment.questionnaire(for: a)?.statement("S5")?.phase == .transfer)
        // A new assessment still takes the newest.
        #expect(s.assessment.newest?.versionTag == "test 1")
    }

    @Test func anUnknownVersionIsScoredWithTheNewestAndTheResultSaysSo() throws {
        var a = WorkshopTests.stored
        a.questionnaire = "test 0"
        a.completed = true
        let s = Self.result(of: a, earlier: [])
        #expect(s.assessment.questionnaire?.versionTag == "test 1")
        #expect(s.assessment.isScoredWithOtherVersion)
        let text = ResultView.lines(s, width: 100).map { $0.map(\.text).joined() }.joined(separator: " ")
        #expect(text.contains("Erhoben mit „test 0“, den Lotse nicht mehr kennt; ausgewertet mit „test 1“"))
    }

    @Test func earlierVersionsAreWantedOnlyForAnAssessmentMadeWithOne() {
        var s = WizardTests().state()
        #expect(!s.assessment.usesOtherVersions, "no assessments")
        var same = WorkshopTests.stored
        same.questionnaire = "test 1"
        _ = s.send(.assessmentsLoaded([same]))
        #expect(!s.assessment.usesOtherVersions, "made with the newest")
        var old = same
        old.questionnaire = "test 0"
        s.assessment.current = old
        #expect(s.assessment.usesOtherVersions, "the assessment at hand, even outside the list")
        s.assessment.current = nil
        _ = s.send(.assessmentsLoaded([same, old]))
        #expect(s.assessment.usesOtherVersions, "one of the list")
    }
}

import Foundation
import Testing
import LotseDomain
@testable import LotseUI
import TermCanvas

/// A questionnaire small enough to reason about: two dimensions, two statements per phase.
enum TestQuestionnaire {
    static func text(_ de: String, _ en: String? = nil) -> LocalizedText { LocalizedText(de: de, en: en ?? de) }

    static let value: Questionnaire = {
        let texts = [
            "Wir erproben geförderte Pilotprojekte mit klar benannten Verantwortlichen.",
            "Die Verwaltungsspitze unterstützt die Erprobung sichtbar.",
            "Der Rat hat eine Smart-City-Strategie beschlossen, die über das Förderende hinausreicht.",
            "Wir haben unsere Pilotprojekte ehrlich und schriftlich ausgewertet.",
            "Bewährte Lösungen laufen im Regelbetrieb.",
            "Für den Betrieb gibt es feste Haushaltsansätze.",
        ]
        var statements: [Questionnaire.Statement] = []
        for (i, t) in texts.enumerated() {
            let phase = Phase.allCases[i / 2]
            statements.append(.init(id: "S\(i + 1)", dimension: i % 2 == 0 ? "strategie" : "finanzierung", phase: phase,
                                    weight: 2, text: text(t), help: text("Trifft voll zu, wenn es schriftlich belegt ist."),
                                    source: "Trendreport 2025"))
        }
        return Questionnaire(
            id: "test", version: "1", title: text("Test"), description: text(""),
            scale: .init(min: 1, max: 5, labels: .init(
                de: ["trifft nicht zu", "trifft eher nicht zu", "teils, teils", "trifft eher zu", "trifft voll zu"],
                en: ["no", "rather no", "partly", "rather yes", "yes"]), dontKnow: text("weiß nicht", "don't know")),
            dimensions: [.init(id: "strategie", name: text("Strategie", "Strategy"), description: text("")),
                         .init(id: "finanzierung", name: text("Finanzierung", "Financing"), description: text(""))],
            statements: statements,
            gates: [.init(id: "G1", phase: .transfer, statements: ["S3"], minimum: 4, text: text("Strategie beschlossen"))],
            recommendations: [.init(dimension: "strategie", phase: .transfer, text: text("Strategie fortschreiben.")),
                              .init(dimension: "finanzierung", phase: .transfer, text: text("Haushaltsmittel sichern."))])
    }()
}

@Suite struct WizardTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18

    func state(size: Size = Size(width: 120, height: 40)) -> AppState {
        var s = Sample.state(size)
        s.user = "moderation"
        _ = s.send(.tick(Self.now))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        _ = s.send(.assessmentsLoaded([]))
        _ = s.send(.key(.char("3")))
        return s
    }

    func type(_ text: String, into s: inout AppState) -> [Effect] {
        text.flatMap { s.send(.key(.char($0))) }
    }

    /// Starts a workshop with four participants through the set-up form.
    func startWorkshop(_ s: inout AppState) -> [Effect] {
        _ = s.send(.key(.char("n")))
        #expect(s.assessmentMode == .setup)
        #expect(s.setup?.fields[0] == "Musterstadt an der Lotse")
        #expect(s.setup?.fields[1] == "18.11.2026")
        _ = s.send(.key(.tab)); _ = s.send(.key(.tab)); _ = s.send(.key(.tab))
        _ = type("Anna, Ben, Cem, Dana", into: &s)
        return s.send(.key(.enter))
    }

    @Test func setUpCreatesTheAssessmentAtOnce() throws {
        var s = state()
        let effects = startWorkshop(&s)
        let a = try #require(s.assessment.current)
        #expect(effects == [.createAssessment(a)])
        #expect(a.participants == ["Anna", "Ben", "Cem", "Dana"])
        #expect(a.municipalityID == "musterstadt")
        #expect(a.questionnaire == "test 1")
        #expect(s.assessmentMode == .wizard)
    }

    @Test func quickEntrySavesEveryAnswerFlagsDissentAndProposesTheMedian() throws {
        var s = state()
        _ = startWorkshop(&s)
        let id = s.assessment.current!.id
        _ = type("3 4 2 4", into: &s)
        #expect(s.entry?.kind == .responses)
        let effects = s.send(.key(.enter))
        #expect(effects == [
            .saveResponse(assessmentID: id, statementID: "S1", participant: "Anna", value: 3),
            .saveResponse(assessmentID: id, statementID: "S1", participant: "Ben", value: 4),
            .saveResponse(assessmentID: id, statementID: "S1", participant: "Cem", value: 2),
            .saveResponse(assessmentID: id, statementID: "S1", participant: "Dana", value: 4),
        ])
        #expect(s.entry?.kind == .consensus)
        #expect(s.entry?.editor.text == "3")
        let screen = AppView.render(s).textDump()
        #expect(screen.contains("Median 3,5"))
        #expect(screen.contains("Dissens"))
        // The facilitator settles on 4 and the wizard moves on.
        _ = s.send(.key(.backspace))
        _ = type("4", into: &s)
        let consensus = s.send(.key(.enter))
        #expect(consensus == [.saveConsensus(assessmentID: id, statementID: "S1", value: 4),
                              .savePosition(assessmentID: id, position: 1, completed: false)])
        #expect(s.assessment.current?.consensus["S1"] == .some(4))
        #expect(s.assessment.currentStatement?.id == "S2")
    }

    @Test func wrongNumberOfAnswersIsRefusedAndNothingSaved() {
        var s = state()
        _ = startWorkshop(&s)
        _ = type("3 4 2", into: &s)
        #expect(s.send(.key(.enter)) == [])
        #expect(s.notice == "4 Antworten erwartet, 3 eingegeben")
        #expect(s.assessment.current?.responses.isEmpty == true)
        _ = type(" 9", into: &s)
        #expect(s.send(.key(.enter)) == [])
        #expect(s.notice?.contains("„9“") == true)
    }

    @Test func dontKnowIsMissingNotZero() {
        var s = state()
        _ = startWorkshop(&s)
        _ = type("0 ? 4 4", into: &s)
        _ = s.send(.key(.enter))
        #expect(s.assessment.current?.responses["S1"]?["Anna"] == .some(nil))
        #expect(ResponseStats(s.responses(of: "S1")).values == [4, 4])
        #expect(s.entry?.editor.text == "4")
    }

    @Test func singleTeamAnswersDirectlyAndNavigates() {
        var s = state()
        _ = s.send(.key(.char("n")))
        for _ in 0..<4 { _ = s.send(.key(.enter)) } // accept the defaults, no participants
        #expect(s.assessmentMode == .wizard && !s.assessment.isWorkshop)
        let id = s.assessment.current!.id
        #expect(s.send(.key(.char("5"))) == [.saveConsensus(assessmentID: id, statementID: "S1", value: 5),
                                               .savePosition(assessmentID: id, position: 1, completed: false)])
        _ = s.send(.key(.char("0")))
        #expect(s.assessment.current?.consensus["S2"] == .some(nil))
        _ = s.send(.key(.left))
        #expect(s.assessment.currentStatement?.id == "S2")
        _ = s.send(.key(.char("s")))
        #expect(s.assessment.currentStatement?.id == "S3")
        #expect(s.send(.key(.char("7"))) == [])
        #expect(s.screen == .assessment, "digits in the wizard never switch screens")
    }

    @Test func noteIsSavedForTheStatement() {
        var s = state()
        _ = s.send(.key(.char("n")))
        for _ in 0..<4 { _ = s.send(.key(.enter)) }
        _ = s.send(.key(.char("n")))
        _ = type("Haushalt 2027 klären", into: &s)
        let id = s.assessment.current!.id
        #expect(s.send(.key(.enter)) == [.saveNote(assessmentID: id, statementID: "S1", note: "Haushalt 2027 klären")])
        #expect(AppView.render(s).textDump().contains("Notiz: Haushalt 2027 klären"))
    }

    /// The state an interrupted workshop comes back to is rebuilt from the stored value.
    @Test func resumingShowsTheStoredPosition() {
        var s = state()
        let stored = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: Self.now,
                                facilitator: "m", participants: ["A", "B"], responses: ["S1": ["A": 4, "B": 5]],
                                consensus: ["S1": 4], position: 1)
        _ = s.send(.assessmentsLoaded([stored]))
        _ = s.send(.key(.enter))
        #expect(s.assessmentMode == .wizard)
        #expect(s.assessment.currentStatement?.id == "S2")
    }

    @Test func finishingShowsTheResultWithKnockOut() {
        var s = state()
        // Experimentation fulfilled, the strategy gate of transfer failed, establishment weak.
        let answers: [String: Int?] = ["S1": 5, "S2": 5, "S3": 2, "S4": 1, "S5": 3, "S6": 3]
        let stored = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: Self.now,
                                facilitator: "m", participants: [], consensus: answers, position: 5)
        _ = s.send(.assessmentsLoaded([stored]))
        _ = s.send(.key(.enter))
        #expect(s.send(.key(.char("e"))) == [], "e asks first")
        let effects = s.send(.key(.char("y")))
        #expect(effects == [.savePosition(assessmentID: "SE-1", position: 5, completed: true)])
        #expect(s.assessmentMode == .result)
        let text = AppView.render(s).textDump()
        #expect(text.contains("Experimentieren, 100 % erfüllt"))
        #expect(text.contains("Nach den Werten wäre die Kommune in Transferieren, aber Kriterium G1 ist nicht erfüllt"))
        #expect(text.contains("Warum diese Phase (Lotse-Regel)"))
        #expect(text.contains("Strategie beschlossen"))
    }

    @Test func presenterShowsOnlyTheStatement() {
        var s = state()
        _ = s.send(.key(.char("n")))
        for _ in 0..<4 { _ = s.send(.key(.enter)) }
        _ = s.send(.key(.char("p")))
        let text = AppView.render(s).textDump()
        #expect(text.contains("Pilotprojekte"))
        #expect(!text.contains("Übersicht"), "no tab bar on the projector")
        #expect(!text.contains("Trifft voll zu, wenn"), "no help text on the projector")
    }

    @Test func timeBoxCountsDownQuietly() {
        var s = state()
        _ = s.send(.key(.char("n")))
        for _ in 0..<4 { _ = s.send(.key(.enter)) }
        _ = s.send(.key(.char("t")))
        _ = s.send(.tick(Self.now.addingTimeInterval(135)))
        #expect(AppView.render(s).textDump().contains("noch 7:45"))
        _ = s.send(.tick(Self.now.addingTimeInterval(601)))
        #expect(AppView.render(s).textDump().contains("Zeit um"))
    }
}

@Suite struct WizardSnapshotTests {
    func wizardState(_ size: Size) -> AppState {
        var s = Sample.state(size)
        _ = s.send(.tick(WizardTests.now))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let stored = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1", date: WizardTests.now,
                                facilitator: "m", participants: ["Anna", "Ben", "Cem", "Dana"],
                                responses: ["S1": ["Anna": 3, "Ben": 4, "Cem": 2, "Dana": 4]],
                                consensus: ["S1": 3], notes: ["S1": "Uneinig über Zuständigkeit"], position: 0)
        _ = s.send(.assessmentsLoaded([stored]))
        _ = s.send(.key(.char("3")))
        _ = s.send(.key(.enter))
        return s
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func wizard(size: Size) {
        let buffer = AppView.render(wizardState(size), background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "wizard-\(size.width)x\(size.height)")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func result(size: Size) {
        var s = wizardState(size)
        let answers: [String: Int?] = ["S1": 5, "S2": 4, "S3": 4, "S4": 3, "S5": 2, "S6": nil]
        var a = s.assessment.current!
        a.consensus = answers
        a.completed = true
        _ = s.send(.assessmentsLoaded([a]))
        _ = s.send(.key(.escape))
        _ = s.send(.key(.enter))
        #expect(s.assessmentMode == .result)
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "result-\(size.width)x\(size.height)")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func phaseModel(size: Size) {
        var s = wizardState(size)
        _ = s.send(.key(.escape))
        _ = s.send(.key(.char("4")))
        let buffer = AppView.render(s, background: marker)
        #expect(unpaintedCells(buffer) == 0)
        assertSnapshot(buffer, named: "phasemodel-\(size.width)x\(size.height)")
    }
}

@Suite struct AssessmentComparisonTests {
    @Test func resultComparesEachDimensionWithThePreviousAssessment() {
        var s = Sample.state(Size(width: 120, height: 40))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let earlier = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1",
                                 date: WizardTests.now.addingTimeInterval(-180 * 86_400), facilitator: "m", participants: [],
                                 consensus: ["S1": 3, "S2": 3, "S3": 3, "S4": 3, "S5": 1, "S6": 1], completed: true)
        let later = Assessment(id: "SE-2", municipalityID: "musterstadt", questionnaire: "test 1", date: WizardTests.now,
                               facilitator: "m", participants: [],
                               consensus: ["S1": 5, "S2": 3, "S3": 3, "S4": 3, "S5": 1, "S6": 1], completed: true)
        _ = s.send(.assessmentsLoaded([earlier, later]))
        _ = s.send(.key(.char("3")))
        _ = s.send(.key(.enter)) // the newest is first in the list
        let text = AppView.render(s).textDump()
        #expect(text.contains("Dimensionen (ggü. 22.05.2026)"))
        // Strategie: S1, S3, S5 → before (0.5 + 0.5 + 0)/3 = 33 %, now (1 + 0.5 + 0)/3 = 50 %.
        #expect(text.contains("50 %  +17"))
        #expect(text.contains("33 %  ±0")) // Finanzierung unchanged: (0.5 + 0.5 + 0)/3
    }

    @Test func overviewShowsTheNewestFinishedAssessment() {
        var s = Sample.state(Size(width: 120, height: 40))
        _ = s.send(.questionnaireLoaded(TestQuestionnaire.value))
        let finished = Assessment(id: "SE-1", municipalityID: "musterstadt", questionnaire: "test 1",
                                  date: WizardTests.now, facilitator: "m", participants: [],
                                  consensus: ["S1": 5, "S2": 5, "S3": 2, "S4": 2, "S5": 1, "S6": 1], completed: true)
        let running = Assessment(id: "SE-2", municipalityID: "musterstadt", questionnaire: "test 1",
                                 date: WizardTests.now, facilitator: "m", participants: [], consensus: ["S1": 1])
        _ = s.send(.assessmentsLoaded([finished, running]))
        let text = AppView.render(s).textDump()
        #expect(text.contains("Experimentieren, 100 % erfüllt"))
    }
}

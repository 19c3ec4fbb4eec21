import Foundation
import LotseDomain
import Testing
@testable import LotseUI

/// Two dimensions (a: strategy-like, b: budget-like), four statements per phase, a gate
/// for transfer on 1-2 and one for establishment on 2-2, a recommendation per pair.
enum ReportQuestionnaire {
    static func text(_ de: String, _ en: String? = nil) -> LocalizedText { LocalizedText(de: de, en: en ?? de) }

    static let value: Questionnaire = {
        var statements: [Questionnaire.Statement] = []
        for phase in Phase.allCases {
            for i in 1...4 {
                statements.append(.init(id: "\(phase.number)-\(i)", dimension: i <= 2 ? "a" : "b", phase: phase,
                                        weight: i == 1 ? 3 : 1, text: text("Aussage \(phase.number)-\(i)", "Statement \(phase.number)-\(i)"),
                                        help: text("h"), source: "test"))
            }
        }
        return Questionnaire(
            id: "mini", version: "1", title: text("Mini"), description: text("Mini"),
            scale: .init(min: 1, max: 5, labels: .init(de: ["1", "2", "3", "4", "5"], en: ["1", "2", "3", "4", "5"]),
                         dontKnow: text("weiß nicht", "don't know")),
            dimensions: [.init(id: "a", name: text("Strategie", "Strategy"), description: text("")),
                         .init(id: "b", name: text("Haushalt", "Budget"), description: text(""))],
            statements: statements,
            gates: [
                .init(id: "G-T", phase: .transfer, statements: ["1-2"], minimum: 4,
                      text: text("Strategie beschlossen", "Strategy adopted")),
                .init(id: "G-E", phase: .establishment, statements: ["2-2"], minimum: 4, text: text("Haushalt")),
            ],
            recommendations: ["a", "b"].flatMap { d in
                Phase.allCases.map { .init(dimension: d, phase: $0, text: text("Rat \(d) \($0.number)", "Advice \(d) \($0.number)")) }
            })
    }()

    static func all(_ v: Int) -> [String: Int?] {
        Dictionary(uniqueKeysWithValues: value.statements.map { ($0.id, Optional(v)) })
    }
}

@Suite struct AssessmentResultTests {
    let q = ReportQuestionnaire.value

    /// Scores would allow establishment, the budget gate of establishment (2-2 = 2) keeps it in transfer.
    var knockedOut: [String: Int?] {
        var answers = ReportQuestionnaire.all(5)
        answers["2-2"] = 2
        answers["3-4"] = .some(nil)
        return answers
    }

    @Test func knockOutIsSpelledOutWithTheGateAndItsValues() {
        let r = AssessmentResult(questionnaire: q, answers: knockedOut, municipality: "Teststadt", language: .german)
        #expect(r.phase == "transferieren")
        #expect(r.phaseByScores == "etablieren")
        #expect(r.knockOuts.map(\.sentence) == [
            "Nach den Werten wäre die Kommune in Etablieren, aber Kriterium G-E ist nicht erfüllt: Haushalt",
        ])
        #expect(r.knockOuts.first?.statements == [.init(id: "2-2", value: 2, minimum: 4)])
        #expect(r.blocking.first?.id == "2-2")
        #expect(r.answered == 11 && r.dontKnow == 1)
        #expect(r.why == ["Transferieren, weil Experimentieren zu 100 % erfüllt ist (ab 60 % gilt eine Phase als erfüllt).",
                          "Das K.-o.-Kriterium für Transferieren ist erfüllt.",
                          "Nach den Werten wäre Etablieren erreicht, aber ein K.-o.-Kriterium sperrt den Eintritt (siehe unten)."])
        #expect(!r.provisional && r.gaps.isEmpty)
        let text = r.text(markdown: false)
        #expect(text.contains("Ergebnis: Transferieren, 88 % erfüllt; Etablieren begonnen (100 %)"))
        #expect(text.contains("[2-2: 2 (mindestens 4)]"))
        #expect(text.contains("11 von 12 Aussagen beantwortet (92 %), 1 × weiß nicht"))
        #expect(text.contains("Warum diese Phase (Lotse-Regel)"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// A failed gate below the placement is a gap to close, named with its criterion.
    @Test func aFailedEarlierGateIsNamedAsAGapToClose() {
        var answers = ReportQuestionnaire.all(5)
        answers["1-2"] = 2
        let r = AssessmentResult(questionnaire: q, answers: answers, language: .german)
        #expect(r.phase == "etablieren")
        #expect(r.gaps == [.init(kind: "gate", id: "G-T", sentence: "Strategie beschlossen (G-T nicht erfüllt)")])
        #expect(r.why.count == 3)
        #expect(r.why[2].contains("Nachholbedarf"))
        #expect(r.recommendations.first.map { "\($0.dimension)/\($0.phase)" } == "a/transferieren",
                "the gap's advice comes first")
        let md = r.text(markdown: true)
        #expect(md.contains("## Nachholbedarf\n\n- Strategie beschlossen (G-T nicht erfüllt)"))
        let en = AssessmentResult(questionnaire: q, answers: answers, language: .english)
        #expect(en.text(markdown: false).contains("Gaps to close"))
    }

    /// "weiß nicht" on the gate of the placed phase: provisional, and the statement named.
    @Test func anOpenGateMakesTheResultProvisional() {
        var answers = ReportQuestionnaire.all(5)
        answers["2-2"] = .some(nil)
        let r = AssessmentResult(questionnaire: q, answers: answers, language: .german)
        #expect(r.phase == "etablieren" && r.provisional && r.undecided == ["2-2"])
        #expect(r.headline.hasPrefix("Etablieren, 100 % erfüllt (vorläufig)"))
        #expect(r.why[1] == "Vorläufig: 2-2 ist noch offen („weiß nicht“ oder nicht beantwortet) und entscheidet, ob Etablieren hält.")
    }

    @Test func englishSaysTheSame() {
        let r = AssessmentResult(questionnaire: q, answers: knockedOut, language: .english)
        #expect(r.knockOuts.first?.sentence
                == "By the scores the municipality would be in Establishment, but criterion G-E is not met: Haushalt")
        #expect(r.text(markdown: false).contains("Result: Transfer, 88% fulfilled; Establishment begun (100%)"))
        #expect(r.why.first == "Transfer, because Experimentation is 100% fulfilled (a phase counts as fulfilled from 60%).")
    }

    @Test func recommendationsStartWithTheBlockingGateThenTheWeakestDimensions() {
        let r = AssessmentResult(questionnaire: q, answers: knockedOut, language: .german)
        // Gate G-E (dimension a) first, with the phase it guards; then b, fulfilled in
        // transfer, with the next phase's advice.
        #expect(r.recommendations.map { "\($0.dimension)/\($0.phase)" } == ["a/etablieren", "b/etablieren"])
        #expect(r.recommendations.first?.text == "Rat a 3")
    }

    @Test func weakDimensionGetsTheAdviceOfItsOwnPhaseFirst() {
        var answers = ReportQuestionnaire.all(5)
        for id in ["1-3", "1-4"] { answers[id] = 1 }  // dimension b weak in experimentation
        answers["1-2"] = 3
        for id in ["2-1", "2-2", "2-3", "2-4"] { answers[id] = 1 }
        let p = Placement(questionnaire: q, answers: answers.compactMapValues { $0 })
        #expect(p.phase == .experimentation)
        let targets = p.recommendationTargets(q, answers: answers.compactMapValues { $0 })
        #expect(targets.map { "\($0.dimension)/\($0.phase.rawValue)" } == ["a/transferieren", "b/experimentieren"])
    }

    @Test func notDeterminableSaysWhyAndGivesNoAdvice() {
        let r = AssessmentResult(questionnaire: q, answers: ["1-1": 5, "1-2": nil], language: .german)
        #expect(!r.determinable && r.phase == nil)
        #expect(r.headline == "nicht bestimmbar: nur 8 % der Aussagen beantwortet")
        #expect(r.recommendations.isEmpty && r.carrying.isEmpty)
        #expect(r.text(markdown: false).contains("Für ein Ergebnis müssen mindestens 50 % der Aussagen beantwortet sein"))
    }

    @Test func evidenceAndItsContradictionsAreShown() {
        let project = Project(id: "P", municipalityID: "m", name: "P", field: .mobility, solutionKind: .participation,
                              phase: .experimentation, owner: "", start: YearMonth("2025-01")!,
                              fundingEnd: YearMonth("2026-05")!, fundingSource: "MPSC", budgetPlanned: .zero)
        let evidence = PortfolioEvidence(portfolio: Portfolio(projects: [project]), month: YearMonth("2026-03")!)
        let r = AssessmentResult(questionnaire: q, answers: ReportQuestionnaire.all(5), evidence: evidence, language: .german)
        #expect(r.phase == "etablieren")
        #expect(r.evidence?.continuationDecided == .init(part: 0, whole: 1, percent: 0))
        let text = r.text(markdown: true)
        #expect(text.contains("## Belege aus dem Portfolio (2026-03)"))
        #expect(text.contains("- Projekte im Regelbetrieb: 0 von 1 (0 %)"))
        #expect(text.contains("- Abweichung: nur 0 % der Projekte laufen im Regelbetrieb – wenig für Etablieren"))
    }

    @Test func jsonCarriesTheSameValues() throws {
        let r = AssessmentResult(questionnaire: q, answers: knockedOut, language: .german)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect(object["phase"] as? String == "transferieren")
        #expect(object["headline"] as? String == r.headline)
        let knockOuts = try #require(object["knockOuts"] as? [[String: Any]])
        #expect(knockOuts.first?["gate"] as? String == "G-E")
        #expect((object["why"] as? [String]) == r.why)
        #expect(object["provisional"] as? Bool == false)
        #expect((object["scores"] as? [Any])?.count == 3)
    }
}

@Suite struct AssessmentMinutesTests {
    let q = ReportQuestionnaire.value

    var workshop: Assessment {
        var a = Assessment(id: "WS-1", municipalityID: "m", questionnaire: "mini 1",
                           date: Date(timeIntervalSince1970: 1_773_300_000), facilitator: "Jördis",
                           participants: ["Anna", "Bernd", "Çelik", "Dörte"])
        a.responses = ["1-1": ["Anna": 3, "Bernd": 4, "Çelik": 2, "Dörte": 4],
                       "1-2": ["Anna": 4, "Bernd": nil, "Gast": 5]]
        a.consensus = ["1-1": 3]
        a.consensus.updateValue(nil, forKey: "1-2")
        a.notes = ["1-1": "Ziele nur teils\nschriftlich", "2-1": "später klären"]
        return a
    }

    @Test func statementsWithAnswersStatisticsConsensusAndNotes() {
        let m = AssessmentMinutes(assessment: workshop, questionnaire: q, municipalityName: "Teststadt", language: .german)
        #expect(m.date == "2026-03-12")
        #expect(m.statements.map(\.id) == ["1-1", "1-2", "2-1"])
        let first = m.statements[0]
        #expect(first.answers.map(\.participant) == ["Anna", "Bernd", "Çelik", "Dörte"])
        #expect(first.median == 3.5 && first.spread == 2 && first.dissent)
        #expect(first.consensusSet && first.consensus == 3)
        // Listed participants first, then others; "weiß nicht" kept as nil.
        #expect(m.statements[1].answers == [.init(participant: "Anna", value: 4), .init(participant: "Bernd", value: nil),
                                            .init(participant: "Gast", value: 5)])
        #expect(m.statements[1].consensusSet && m.statements[1].consensus == nil)
        #expect(!m.statements[2].consensusSet && m.statements[2].answers.isEmpty && m.statements[2].note == "später klären")
        #expect(m.untouched.count == 9)
        #expect(m.result.answered == 1)
    }

    @Test func markdownMinutes() {
        let text = AssessmentMinutes(assessment: workshop, questionnaire: q, municipalityName: "Teststadt", language: .german)
            .render(.markdown)
        #expect(text.hasPrefix("# Protokoll der Selbsteinschätzung – Teststadt\n\n- Datum: 2026-03-12\n- Moderation: Jördis\n"
                               + "- Teilnehmende: Anna, Bernd, Çelik, Dörte\n"))
        #expect(text.contains("### 1-1 · Aussage 1-1 ⚠ Dissens\n\n- Antworten: Anna 3, Bernd 4, Çelik 2, Dörte 4\n"
                              + "- Median 3,5, Spanne 2\n- Konsens: 3\n- Notiz: Ziele nur teils schriftlich\n"))
        #expect(text.contains("- Antworten: Anna 4, Bernd weiß nicht, Gast 5\n"))
        #expect(text.contains("### 1-2 · Aussage 1-2\n\n- Antworten: Anna 4, Bernd weiß nicht, Gast 5\n- Median 4,5, Spanne 1\n- Konsens: weiß nicht\n"))
        #expect(text.contains("### 2-1 · Aussage 2-1\n\n- Konsens: nicht beantwortet\n- Notiz: später klären\n"))
        #expect(text.contains("9 Aussagen nicht beantwortet: 1-3, 1-4, 2-2"))
        #expect(text.contains("## Selbsteinschätzung – Teststadt"))
        #expect(text.contains("**Ergebnis: nicht bestimmbar"))
    }

    @Test func jsonMinutesKeepDontKnowApartFromNotAnswered() throws {
        let json = AssessmentMinutes(assessment: workshop, questionnaire: q, language: .english).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["municipality"] as? String == "m")
        let statements = try #require(object["statements"] as? [[String: Any]])
        let second = statements[1]
        let answers = try #require(second["answers"] as? [[String: Any]])
        #expect(answers.count == 3)
        #expect(answers[1]["participant"] as? String == "Bernd")
        #expect(answers[1]["value"] is NSNull)
        #expect(second["consensusSet"] as? Bool == true)
        #expect(second["consensus"] is NSNull)
        #expect(statements[2]["consensusSet"] as? Bool == false)
        #expect((object["result"] as? [String: Any])?["language"] as? String == "en")
    }
}

import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The shipped questionnaire with the example answer files of `questionnaires/examples/`:
/// three municipalities placed where the sources (Trendreport 2025, three-phase model) would
/// place them, for the reasons the sources give.
@Suite("Placement scenarios with the shipped questionnaire")
struct PlacementScenarioTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("questionnaires/examples")

    let questionnaire: Questionnaire

    init() throws { questionnaire = try QuestionnaireFile.builtin() }

    func placement(_ example: String) throws -> (Placement, AnswersFile) {
        let answers = try AnswersFile.load(path: Self.examples.appendingPathComponent(example).path,
                                           questionnaire: questionnaire)
        return (Placement(questionnaire: questionnaire, answers: answers.scoringAnswers), answers)
    }

    /// Funded pilots, committed individuals, first goals; no adopted strategy, no evaluation.
    @Test func aMunicipalityJustStartingExperiments() throws {
        let (p, answers) = try placement("experimentieren-start.toml")
        #expect(answers.municipality == "Gemeinde Beispielfeld")
        #expect(answers.dontKnowCount == 5)
        #expect(p.phase == .experimentation)
        // Experimentation is fulfilled: by the scores alone it would be transfer …
        #expect(try #require(p.score(of: .experimentation)) >= Placement.fulfilledThreshold)
        #expect(p.phaseByScores == .transfer)
        // … but the two gates of transfer – an adopted strategy and an honest evaluation – are not met.
        #expect(p.knockOuts.map(\.gate.id) == ["G-TRANSFER-STRATEGIE", "G-TRANSFER-EVALUATION"])
        #expect(p.knockOuts.flatMap(\.below) == ["STR-2", "WIR-3"])
        #expect(Set(p.blocking.prefix(2).map(\.statementID)) == ["STR-2", "WIR-3"])
        // What carries it: leadership backing, committed people, funded pilots.
        let carrying = p.carrying.prefix(4).map(\.statementID)
        #expect(carrying.contains("ORG-1") && carrying.contains("POL-1"))
        #expect(p.carrying.contains { $0.statementID == "FIN-1" })
        #expect(!p.carrying.contains { questionnaire.statement($0.statementID)?.phase != .experimentation })
        #expect(!p.nextPhaseBegun)
    }

    /// Strategy adopted, honest evaluation, inter-municipal exchange; no regular budget lines.
    @Test func aMunicipalityConsolidatingAndScalingTransfers() throws {
        let (p, _) = try placement("transferieren-skalieren.toml")
        #expect(p.phase == .transfer)
        #expect(p.phaseByScores == .establishment)
        #expect(try #require(p.score(of: .transfer)) >= Placement.fulfilledThreshold)
        #expect(p.gates.filter { $0.gate.phase == .transfer }.allSatisfy { $0.met })
        // Establishment is blocked by the budget and regular-operation gates; the
        // continuation decisions are taken, so that gate holds.
        #expect(p.knockOuts.map(\.gate.id) == ["G-ETABLIEREN-HAUSHALT", "G-ETABLIEREN-REGELBETRIEB"])
        #expect(p.gates.first { $0.gate.id == "G-ETABLIEREN-ENTSCHEIDUNG" }?.met == true)
        #expect(Set(p.blocking.prefix(2).map(\.statementID)) == ["FIN-5", "VER-3"])
        #expect(p.carrying.map(\.statementID).contains("STR-2"))
        #expect(p.carrying.map(\.statementID).contains("WIR-3"))
        #expect(p.carrying.map(\.statementID).contains("TRA-3"))
        #expect(p.nextPhaseBegun)
    }

    @Test func aMunicipalityInRegularOperationIsEstablished() throws {
        let (p, _) = try placement("etablieren-regelbetrieb.toml")
        #expect(p.phase == .establishment)
        #expect(p.knockOuts.isEmpty)
        #expect(p.gates.allSatisfy { $0.met })
        #expect(try #require(p.score(of: .establishment)) >= Placement.fulfilledThreshold)
        // Regular budget lines and regular operation, the conditions of establishment, carry it.
        let carrying = p.carrying.map(\.statementID)
        #expect(carrying.contains("FIN-5") && carrying.contains("VER-3"))
        #expect(p.carrying.first?.influence == 6)
        #expect(p.nextPhase == nil)
    }

    @Test func allMissingIsNotDeterminable() throws {
        let p = Placement(questionnaire: questionnaire, answers: [:])
        #expect(p.status == .notDeterminable(answeredShare: 0))
        let allDontKnow = try AnswersFile.parse(
            "[answers]\n" + questionnaire.statements.map { "\($0.id) = \"?\"" }.joined(separator: "\n"),
            file: "a.toml", questionnaire: questionnaire)
        #expect(allDontKnow.dontKnowCount == 43)
        #expect(Placement(questionnaire: questionnaire, answers: allDontKnow.scoringAnswers).phase == nil)
    }
}

import Foundation
import LotseDomain
import Testing
@testable import LotseStore

/// The worked examples of the placement rule in questionnaires/README.md, on the shipped
/// questionnaire: if the rule changes, the README must change with it.
@Suite("Placement rule: the README's examples")
struct PlacementRuleExamplesTests {
    let q: Questionnaire

    init() throws { q = try QuestionnaireFile.builtin() }

    func all(_ value: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: q.statements.map { ($0.id, value) })
    }

    func gapNames(_ p: Placement) -> [String] {
        p.gaps.map { gap in
            switch gap {
            case .gate(let g): g.gate.id
            case .phaseNotFulfilled(let phase, _): phase.rawValue
            }
        }
    }

    @Test func aWeakEvaluationIsAGapToCloseNotAFallBack() {
        var answers = all(5)
        answers["WIR-3"] = 3
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(gapNames(p) == ["G-TRANSFER-EVALUATION"])
    }

    @Test func theBudgetGateBlocksEstablishment() {
        var answers = all(5)
        answers["FIN-5"] = 2
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .transfer)
        #expect(p.knockOuts.map(\.gate.id) == ["G-ETABLIEREN-HAUSHALT"])
    }

    @Test func dontKnowOnRegularOperationIsProvisional() {
        var answers = all(5)
        answers["VER-3"] = nil
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(p.isProvisional)
        #expect(p.undecided == ["VER-3"])
    }

    @Test func strongEstablishmentEvidenceCarriesOverWeakEarlierPhases() throws {
        var answers = all(5)
        for s in q.statements where s.phase != .establishment { answers[s.id] = 2 }
        for gate in q.gates { for id in gate.statements { answers[id] = 4 } }
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(p.enteredBy == .ownEvidence)
        #expect(gapNames(p) == ["experimentieren", "transferieren"])
        let experimentation = try #require(p.score(of: .experimentation))
        let transfer = try #require(p.score(of: .transfer))
        let establishment = try #require(p.score(of: .establishment))
        // "near 35 %" and "90 %" in the README.
        #expect((0.25...0.45).contains(experimentation) && (0.25...0.45).contains(transfer), "\(experimentation) \(transfer)")
        #expect(establishment >= 0.85, "\(establishment)")
    }

    @Test func allOnesIsExperimentation() {
        #expect(Placement(questionnaire: q, answers: all(1)).phase == .experimentation)
    }
}

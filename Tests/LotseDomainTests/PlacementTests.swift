import Foundation
import PropertyBased
import Testing
@testable import LotseDomain

/// A small questionnaire: two dimensions, four statements per phase, one gate per phase.
enum MiniQuestionnaire {
    static func text(_ s: String) -> LocalizedText { LocalizedText(de: s, en: s) }

    static let value: Questionnaire = {
        var statements: [Questionnaire.Statement] = []
        for phase in Phase.allCases {
            for i in 1...4 {
                statements.append(.init(id: "\(phase.number)-\(i)", dimension: i <= 2 ? "a" : "b", phase: phase,
                                        weight: i == 1 ? 3 : 1, text: text("S \(phase.number)-\(i)"),
                                        help: text("h"), source: "test"))
            }
        }
        return Questionnaire(
            id: "mini", version: "1", title: text("Mini"), description: text(""),
            scale: .init(min: 1, max: 5, labels: .init(de: ["1", "2", "3", "4", "5"], en: ["1", "2", "3", "4", "5"]),
                         dontKnow: text("weiß nicht")),
            dimensions: [.init(id: "a", name: text("A"), description: text("")),
                         .init(id: "b", name: text("B"), description: text(""))],
            statements: statements,
            gates: [
                .init(id: "G-T", phase: .transfer, statements: ["1-2"], minimum: 4, text: text("Strategie")),
                .init(id: "G-E", phase: .establishment, statements: ["2-2"], minimum: 4, text: text("Haushalt")),
            ],
            recommendations: [])
    }()

    static var ids: [String] { value.statements.map(\.id) }

    static func all(_ v: Int) -> [String: Int] { Dictionary(uniqueKeysWithValues: ids.map { ($0, v) }) }
}

@Suite struct PlacementTests {
    let q = MiniQuestionnaire.value

    @Test func allMissingIsNotDeterminable() {
        let p = Placement(questionnaire: q, answers: [:])
        #expect(p.status == .notDeterminable(answeredShare: 0))
        #expect(p.phase == nil)
    }

    @Test func tooFewAnswersAreNotAGuess() {
        let few = Dictionary(uniqueKeysWithValues: MiniQuestionnaire.ids.prefix(5).map { ($0, 5) })
        #expect(Placement(questionnaire: q, answers: few).phase == nil)
    }

    @Test func fullAgreementReachesEstablishment() {
        let p = Placement(questionnaire: q, answers: MiniQuestionnaire.all(5))
        #expect(p.phase == .establishment)
        #expect(p.score(of: .establishment) == 1)
        #expect(p.knockOuts.isEmpty)
    }

    @Test func fullDisagreementStaysInExperimentation() {
        let p = Placement(questionnaire: q, answers: MiniQuestionnaire.all(1))
        #expect(p.phase == .experimentation)
        #expect(p.score(of: .experimentation) == 0)
        #expect(!p.nextPhaseBegun)
    }

    // MARK: The rule, one example per step (the same as in questionnaires/README.md)

    /// Step 5: a failed gate of an earlier phase is a gap, not a fall back two phases.
    @Test func aFailedEarlierGateIsAGapNotAFallBack() {
        var answers = MiniQuestionnaire.all(5)
        answers["1-2"] = 3 // the strategy gate for transfer
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(p.enteredBy == .previousFulfilled)
        #expect(p.knockOuts.isEmpty)
        #expect(p.gaps.map(Self.gapID) == ["G-T"])
        #expect(!p.isProvisional)
    }

    /// Step 4: a gate of the phase being entered still blocks entering it.
    @Test func aFailedGateOfThePhaseBeingEnteredBlocksIt() {
        var answers = MiniQuestionnaire.all(5)
        answers["2-2"] = 2 // the budget gate for establishment
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .transfer)
        #expect(p.phaseByScores == .establishment)
        #expect(p.knockOuts.map(\.gate.id) == ["G-E"])
        #expect(p.knockOuts.first?.below == ["2-2"])
        #expect(p.blocking.first?.statementID == "2-2")
        #expect(p.gaps.isEmpty)
    }

    /// Steps 3 and 6: "weiß nicht" on a gate statement is unresolved: the placement holds,
    /// marked provisional, and names the statement that decides it.
    @Test func dontKnowOnAGateIsUnresolvedNotFailed() {
        var answers = MiniQuestionnaire.all(5)
        answers["2-2"] = nil
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(p.gates.first { $0.gate.id == "G-E" }?.state == .unresolved)
        #expect(p.isProvisional)
        #expect(p.undecided == ["2-2"])
        #expect(p.knockOuts.isEmpty)
        #expect(p.blocking.first?.statementID == "2-2")
    }

    /// Step 4: strong evidence of a later phase carries it although the phases before are weak;
    /// they show as gaps.
    @Test func strongEvidenceOfALaterPhaseCarriesIt() {
        var answers = MiniQuestionnaire.all(5)
        for i in 1...4 { answers["1-\(i)"] = 2; answers["2-\(i)"] = 2 }
        answers["1-2"] = 4 // gates met
        answers["2-2"] = 4
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .establishment)
        #expect(p.enteredBy == .ownEvidence)
        #expect(p.gaps.map(Self.gapID) == ["1", "2"])
        // The same answers with the establishment gate failed: it cannot be entered, and
        // nothing else carries transfer.
        answers["2-2"] = 3
        let blocked = Placement(questionnaire: q, answers: answers)
        #expect(blocked.phase == .experimentation)
        #expect(blocked.phaseByScores == .establishment)
        #expect(blocked.knockOuts.map(\.gate.id) == ["G-E"])
    }

    static func gapID(_ gap: Placement.Gap) -> String {
        switch gap {
        case .gate(let g): g.gate.id
        case .phaseNotFulfilled(let phase, _): String(phase.number)
        }
    }

    @Test func weightedScoreAndOverlap() {
        // Experimentation fulfilled, transfer half (weights 3,1,1,1 → (3·0.75 + 0.75 + 0 + 0)/6).
        var answers = MiniQuestionnaire.all(1)
        for i in 1...4 { answers["1-\(i)"] = 5 }
        answers["2-1"] = 4
        answers["2-2"] = 4
        let p = Placement(questionnaire: q, answers: answers)
        #expect(p.phase == .transfer)
        #expect(abs((p.score(of: .transfer) ?? 0) - 3.0 / 6) < 1e-9)
        #expect(!p.nextPhaseBegun)
        #expect(p.carrying.first?.statementID == "1-1")
    }

    @Test func outOfScaleAndUnknownAnswersAreIgnored() {
        var answers = MiniQuestionnaire.all(3)
        answers["1-1"] = 9
        answers["nope"] = 5
        let p = Placement(questionnaire: q, answers: answers)
        let clean = Placement(questionnaire: q, answers: MiniQuestionnaire.all(3).filter { $0.key != "1-1" })
        #expect(p == clean)
    }

    static let answerGen = Gen.int(in: 0...5).array(of: 12)
    static func answers(_ raw: [Int]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (id, v) in zip(MiniQuestionnaire.ids, raw) where v > 0 { out[id] = v } // 0 = weiß nicht
        return out
    }

    @Test func raisingAnAnswerNeverLowersAPhaseScoreOrThePlacement() async {
        await propertyCheck(count: 400, input: Self.answerGen, Gen.int(in: 0...11)) { raw, index in
            let before = Self.answers(raw)
            let id = MiniQuestionnaire.ids[index]
            guard let v = before[id], v < 5 else { return }
            var after = before
            after[id] = v + 1
            let p0 = Placement(questionnaire: q, answers: before)
            let p1 = Placement(questionnaire: q, answers: after)
            for phase in Phase.allCases {
                if let s0 = p0.score(of: phase) {
                    #expect((p1.score(of: phase) ?? -1) >= s0 - 1e-12)
                }
            }
            if let a = p0.phase { #expect((p1.phase ?? .experimentation) >= a) }
        }
    }

    @Test func placementIsStableUnderReordering() async {
        await propertyCheck(count: 200, input: Self.answerGen) { raw in
            let answers = Self.answers(raw)
            let reversed = Dictionary(uniqueKeysWithValues: answers.reversed().map { ($0.key, $0.value) })
            var shuffledQ = q
            shuffledQ.statements.reverse()
            shuffledQ.gates.reverse()
            let a = Placement(questionnaire: q, answers: answers)
            let b = Placement(questionnaire: shuffledQ, answers: reversed)
            #expect(a.status == b.status)
            #expect(a.scores == b.scores)
            #expect(a.carrying.map(\.statementID) == b.carrying.map(\.statementID))
            #expect(a.blocking.map(\.statementID) == b.blocking.map(\.statementID))
        }
    }
    /// Unknown is not failed: an answer below a gate's minimum, replaced by "weiß nicht",
    /// never gives a lower placement.
    @Test func unknownNeverPlacesLowerThanFailed() async {
        let gateStatements = q.gates.flatMap(\.statements)
        await propertyCheck(count: 400, input: Self.answerGen, Gen.int(in: 0...(gateStatements.count - 1))) { raw, index in
            let id = gateStatements[index]
            var failed = Self.answers(raw)
            failed[id] = 2
            var unknown = failed
            unknown[id] = nil
            let a = Placement(questionnaire: q, answers: failed), b = Placement(questionnaire: q, answers: unknown)
            #expect(b.knockOuts.allSatisfy { !$0.unanswered.contains(id) }, "an unknown answer never knocks out")
            // "Weiß nicht" is missing evidence: where it leaves a phase with too little answered
            // to be scored, that phase's evidence is gone too (rule 2). Otherwise it only helps.
            guard a.scores.map({ $0.score == nil }) == b.scores.map({ $0.score == nil }) else { return }
            if let low = a.phase, let high = b.phase { #expect(high >= low) }
        }
    }

    /// Every gap lies below the placement, every knock-out above it, and a provisional result
    /// names only statements that are really unanswered.
    @Test func gapsBelowKnockOutsAboveUndecidedUnanswered() async {
        await propertyCheck(count: 400, input: Self.answerGen) { raw in
            let answers = Self.answers(raw)
            let p = Placement(questionnaire: q, answers: answers)
            guard let phase = p.phase else { return }
            for gap in p.gaps {
                switch gap {
                case .gate(let g): #expect(g.gate.phase < phase && g.state == .failed)
                case .phaseNotFulfilled(let gapPhase, let score):
                    #expect(gapPhase < phase && (score ?? 0) < Placement.fulfilledThreshold)
                }
            }
            #expect(p.knockOuts.allSatisfy { $0.gate.phase > phase && $0.state == .failed })
            #expect(p.undecided.allSatisfy { answers[$0] == nil })
            #expect(p.gates.filter { $0.gate.phase == phase }.allSatisfy { $0.state != .failed } || phase == .experimentation)
        }
    }
}

@Suite struct ResponseStatsTests {
    @Test func medianSpreadAndDissent() {
        let s = ResponseStats([3, 4, 2, 4])
        #expect(s.median == 3.5)
        #expect(s.spread == 2)
        #expect(s.isDissent)
        #expect(s.proposedConsensus == 3)
        #expect(!ResponseStats([4, 4, 5, nil]).isDissent)
        #expect(ResponseStats([4, 4, 5, nil]).dontKnow == 1)
        #expect(ResponseStats([nil, nil]).median == nil)
    }
}

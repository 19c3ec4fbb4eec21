/// The verdict of a self-assessment, computed deterministically from the consensus
/// answers. The rule (also in questionnaires/README.md, with a worked example for each step):
///
/// 1. Each answer is mapped to 0 … 1 on the scale. "Weiß nicht" is missing, not zero.
/// 2. Per phase, the fulfilment score is the weighted mean of the answered statements
///    that are evidence for that phase. A phase whose answered weight is below
///    `minimumCoverage` of its total weight has no score.
/// 3. A gate (knock-out criterion) is *met* when every statement of it reaches the minimum,
///    *failed* when an answered one stays below, and *unresolved* when none is below but some
///    are unanswered or "weiß nicht": unknown is not failed.
/// 4. A later phase can be *entered* when the evidence carries it — the phase before it is
///    fulfilled (score ≥ `fulfilledThreshold`), or the phase itself already is, since the
///    phases overlap and may be skipped — and no gate of that phase failed.
/// 5. The municipality is placed in the highest phase it can enter (experimentation when it
///    can enter none). What lies below and is weak does not pull it back: a failed gate or an
///    unfulfilled phase below the placement is a *gap* to close (Nachholbedarf).
/// 6. An unresolved gate of the placed phase makes the result *provisional*; the statements
///    that decide it are named.
/// 7. The next phase counts as begun from `begunThreshold`.
/// 8. With fewer than `minimumAnsweredShare` of all statements answered, or no score for
///    experimentation, the result is "not determinable" instead of a guess.
///
/// Raising any answer never lowers the placement: scores only rise, gates only move from
/// failed towards met, and the placement is the highest phase whose conditions hold.
public struct Placement: Hashable, Sendable {
    public static let fulfilledThreshold = 0.6
    public static let begunThreshold = 0.25
    public static let minimumCoverage = 0.5
    public static let minimumAnsweredShare = 0.5

    public enum Status: Hashable, Sendable {
        case placed(Phase)
        /// Too many answers missing; carries the share answered (0 … 1).
        case notDeterminable(answeredShare: Double)
    }

    public struct PhaseScore: Hashable, Sendable {
        public var phase: Phase
        /// 0 … 1, nil when too little was answered.
        public var score: Double?
        /// Answered weight over total weight, 0 … 1.
        public var coverage: Double
        public var answered: Int
        public var total: Int
    }

    public enum GateState: Hashable, Sendable {
        case met, failed, unresolved
    }

    public struct GateResult: Hashable, Sendable {
        public var gate: Questionnaire.Gate
        /// Every statement answered and at the minimum or above.
        public var met: Bool
        /// Statements of the gate answered below its minimum.
        public var below: [String]
        /// Statements of the gate not answered or "weiß nicht": not proven, but not failed either.
        public var unanswered: [String]

        public var state: GateState {
            if !below.isEmpty { return .failed }
            return unanswered.isEmpty ? .met : .unresolved
        }
    }

    /// How the placed phase was entered.
    public enum Entry: Hashable, Sendable {
        /// The phase before it is fulfilled.
        case previousFulfilled
        /// The phase's own evidence is strong enough (the phase before is not fulfilled).
        case ownEvidence
    }

    /// Something below the placement that is weak: closing it is the next work, but it does
    /// not move the placement down.
    public enum Gap: Hashable, Sendable {
        /// A gate of a phase below the placed one that failed.
        case gate(GateResult)
        /// A phase below the placed one that is not fulfilled (its score, nil when too
        /// little was answered).
        case phaseNotFulfilled(Phase, score: Double?)
    }

    /// An answer that explains the result, with its share in it.
    public struct Reason: Hashable, Sendable {
        public var statementID: String
        public var value: Int?
        /// Weight × distance from the scale's middle; larger means more influence.
        public var influence: Double
    }

    public var status: Status
    public var scores: [PhaseScore]
    public var gates: [GateResult]
    /// Failed gates that kept the municipality out of a phase its scores would allow.
    public var knockOuts: [GateResult]
    /// The phase the scores alone would allow (equals the placed phase without knock-outs).
    public var phaseByScores: Phase?
    /// How the placed phase was entered; nil for experimentation and when not determinable.
    public var enteredBy: Entry?
    /// Weak places below the placement, lowest phase first.
    public var gaps: [Gap]
    /// Unanswered statements of the placed phase's unresolved gates: the answers that
    /// decide whether the placement holds.
    public var undecided: [String]
    /// Whether the placement rests on unresolved gates.
    public var isProvisional: Bool { !undecided.isEmpty }
    /// High answers that carry the placed phase.
    public var carrying: [Reason]
    /// Low or missing answers that hold back the next phase, gate statements first.
    public var blocking: [Reason]
    /// Weighted mean per dimension over all its answered statements, 0 … 1.
    public var dimensionScores: [String: Double]
    /// Share of all statements answered, 0 … 1.
    public var answeredShare: Double

    public var phase: Phase? {
        if case .placed(let p) = status { return p }
        return nil
    }

    public func score(of phase: Phase) -> Double? { scores.first { $0.phase == phase }?.score }

    /// The phase after the placed one, if any.
    public var nextPhase: Phase? {
        guard let p = phase else { return nil }
        return Phase.allCases.first { $0.number == p.number + 1 }
    }

    /// Whether the phase after the placed one has visibly begun.
    public var nextPhaseBegun: Bool {
        guard let next = nextPhase, let s = score(of: next) else { return false }
        return s >= Placement.begunThreshold
    }

    public init(questionnaire q: Questionnaire, answers: [String: Int]) {
        let valid = answers.filter { id, value in q.statement(id) != nil && q.scale.contains(value) }
        func norm(_ id: String) -> Double? { valid[id].map(q.scale.normalized) }

        scores = Phase.allCases.map { phase in
            let items = q.statements.filter { $0.phase == phase }
            let totalWeight = items.reduce(0) { $0 + $1.weight }
            var answeredWeight = 0, answered = 0
            var sum = 0.0
            for s in items {
                guard let v = norm(s.id) else { continue }
                answered += 1
                answeredWeight += s.weight
                sum += Double(s.weight) * v
            }
            let coverage = totalWeight > 0 ? Double(answeredWeight) / Double(totalWeight) : 0
            let score = answeredWeight > 0 && coverage >= Placement.minimumCoverage ? sum / Double(answeredWeight) : nil
            return PhaseScore(phase: phase, score: score, coverage: coverage, answered: answered, total: items.count)
        }

        gates = q.gates.map { gate in
            let below = gate.statements.filter { id in valid[id].map { $0 < gate.minimum } ?? false }
            let unanswered = gate.statements.filter { valid[$0] == nil }
            return GateResult(gate: gate, met: below.isEmpty && unanswered.isEmpty, below: below, unanswered: unanswered)
        }

        var dims: [String: Double] = [:]
        for d in q.dimensions {
            var w = 0, sum = 0.0
            for s in q.statements(in: d.id) {
                guard let v = norm(s.id) else { continue }
                w += s.weight
                sum += Double(s.weight) * v
            }
            if w > 0 { dims[d.id] = sum / Double(w) }
        }
        dimensionScores = dims

        answeredShare = q.statements.isEmpty ? 0 : Double(valid.count) / Double(q.statements.count)
        let scoreOf: (Phase) -> Double? = { [scores] p in scores.first { $0.phase == p }?.score }

        guard answeredShare >= Placement.minimumAnsweredShare, scoreOf(.experimentation) != nil else {
            status = .notDeterminable(answeredShare: answeredShare)
            knockOuts = []
            phaseByScores = nil
            enteredBy = nil
            gaps = []
            undecided = []
            carrying = []
            blocking = []
            return
        }

        let gateResults = gates
        func fulfilled(_ p: Phase) -> Bool { (scoreOf(p) ?? 0) >= Placement.fulfilledThreshold }
        func previous(_ p: Phase) -> Phase? { Phase.allCases.first { $0.number == p.number - 1 } }
        func failedGates(_ p: Phase) -> [GateResult] { gateResults.filter { $0.gate.phase == p && $0.state == .failed } }
        /// Whether the evidence carries phase `p` (step 4, without the gates).
        func carried(_ p: Phase) -> Entry? {
            guard let before = previous(p) else { return nil }
            if fulfilled(before) { return .previousFulfilled }
            return fulfilled(p) ? .ownEvidence : nil
        }

        // Steps 4 and 5: the highest phase the evidence carries, and the highest it can enter.
        let later = Phase.allCases.dropFirst().reversed()
        let byScores = later.first { carried($0) != nil } ?? .experimentation
        let final = later.first { carried($0) != nil && failedGates($0).isEmpty } ?? .experimentation
        status = .placed(final)
        phaseByScores = byScores
        enteredBy = carried(final)
        knockOuts = Phase.allCases.filter { $0 > final && $0 <= byScores }.flatMap(failedGates)

        var gaps: [Gap] = []
        for phase in Phase.allCases where phase < final {
            gaps += failedGates(phase).map(Gap.gate)
            if !fulfilled(phase) { gaps.append(.phaseNotFulfilled(phase, score: scoreOf(phase))) }
        }
        self.gaps = gaps
        undecided = gateResults.filter { $0.gate.phase == final && $0.state == .unresolved }
            .flatMap(\.unanswered).sorted()
        let knocked = knockOuts

        let middle = Double(q.scale.min + q.scale.max) / 2
        carrying = q.statements
            .filter { $0.phase <= final }
            .compactMap { s -> Reason? in
                guard let v = valid[s.id], Double(v) > middle else { return nil }
                return Reason(statementID: s.id, value: v, influence: Double(s.weight) * (Double(v) - middle))
            }
            .sorted { ($0.influence, $1.statementID) > ($1.influence, $0.statementID) }

        let next = Phase.allCases.first { $0.number == final.number + 1 }
        let gateIDs = Set(knocked.flatMap { $0.below + $0.unanswered } + undecided
                          + gateResults.filter { !$0.met && $0.gate.phase == next }.flatMap { $0.below + $0.unanswered })
        let holdingBack = q.statements.filter { s in
            gateIDs.contains(s.id) || s.phase == final || s.phase == next
        }
        blocking = holdingBack.compactMap { s -> Reason? in
            let v = valid[s.id]
            if let v, Double(v) >= middle && !gateIDs.contains(s.id) { return nil }
            let distance = v.map { middle - Double($0) + 0.5 } ?? 1
            let boost = gateIDs.contains(s.id) ? 100.0 : 0
            return Reason(statementID: s.id, value: v, influence: boost + Double(s.weight) * distance)
        }
        .sorted { ($0.influence, $1.statementID) > ($1.influence, $0.statementID) }
    }
}

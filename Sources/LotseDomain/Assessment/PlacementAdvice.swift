/// Which recommendations a placement calls for: part of the rule, so every screen and
/// export gives the same advice.
extension Placement {
    /// Where advice helps most, in this order (at most `limit`, each dimension once):
    /// 1. the dimensions of the gates that stop the next step (knock-outs, else the failed or
    ///    unresolved gates of the next phase, then the unresolved gates of the placed phase),
    ///    with the phase the gate guards;
    /// 2. the dimensions of the gaps below the placement (a failed gate of an earlier phase),
    ///    with that gate's phase: work to catch up on;
    /// 3. the three dimensions with the lowest score over the statements of the placed and
    ///    the next phase, with the placed phase's advice while the dimension has not fulfilled
    ///    that phase (score < `fulfilledThreshold`), else the next phase's.
    public func recommendationTargets(_ q: Questionnaire, answers: [String: Int],
                                      limit: Int = 5) -> [(dimension: String, phase: Phase)] {
        guard let placed = phase else { return [] }
        let next = nextPhase
        var targets: [(dimension: String, phase: Phase)] = []
        func add(_ dimension: String, _ phase: Phase) {
            if !targets.contains(where: { $0.dimension == dimension }) { targets.append((dimension, phase)) }
        }
        let stopping = (knockOuts.isEmpty ? gates.filter { !$0.met && $0.gate.phase == next } : knockOuts)
            + gates.filter { $0.state == .unresolved && $0.gate.phase == placed }
        for gate in stopping {
            for id in gate.gate.statements { if let d = q.statement(id)?.dimension { add(d, gate.gate.phase) } }
        }
        for gap in gaps {
            guard case .gate(let gate) = gap else { continue }
            for id in gate.below { if let d = q.statement(id)?.dimension { add(d, gate.gate.phase) } }
        }
        func score(_ dimension: String, _ phases: Set<Phase>) -> Double? {
            var weight = 0, sum = 0.0
            for s in q.statements(in: dimension) where phases.contains(s.phase) {
                guard let v = answers[s.id], q.scale.contains(v) else { continue }
                weight += s.weight
                sum += Double(s.weight) * q.scale.normalized(v)
            }
            return weight > 0 ? sum / Double(weight) : nil
        }
        let phases = Set([placed] + (next.map { [$0] } ?? []))
        let weakest = q.dimensions.enumerated()
            .map { (index: $0.offset, id: $0.element.id, score: score($0.element.id, phases) ?? 0) }
            .sorted { ($0.score, $0.index) < ($1.score, $1.index) }
            .prefix(3)
        for d in weakest {
            let own = score(d.id, [placed]) ?? 0
            add(d.id, own < Placement.fulfilledThreshold ? placed : (next ?? placed))
        }
        return Array(targets.prefix(limit))
    }
}

import Foundation
import LotseDomain
import TermCanvas

/// The result of a self-assessment as a scrollable document: phase and fulfilment,
/// knock-outs, bars per phase and dimension (with the previous assessment), the answers
/// that carry and block, recommendations, dissent, and the portfolio's evidence.
enum ResultView {
    static func placement(_ a: Assessment, _ q: Questionnaire) -> Placement {
        Placement(questionnaire: q, answers: a.scoringAnswers)
    }

    static func percent(_ v: Double?) -> Int { Int(((v ?? 0) * 100).rounded()) }

    /// "Transferieren, 45 % erfüllt; Etablieren begonnen (28 %)"
    static func headline(_ p: Placement, _ state: AppState) -> [Span] {
        let s = state.strings, t = s.assess, f = s.formats
        guard let phase = p.phase else {
            return [Span(t.notDeterminable(f.percent(percent(p.answeredShare))), .warning)]
        }
        var spans = [Span(t.fulfilled(s.phase(phase), f.percent(percent(p.score(of: phase)))), .title)]
        if p.isProvisional { spans.append(Span(s.result.provisionalMark, .warning)) }
        if let next = p.nextPhase {
            spans.append(Span("; ", .muted))
            spans.append(p.nextPhaseBegun
                ? Span(t.nextBegun(s.phase(next), f.percent(percent(p.score(of: next)))), .accent)
                : Span(t.nextNotBegun(s.phase(next)), .muted))
        }
        return spans
    }

    static func bar(_ ratio: Double?, width: Int, _ g: Glyphs, role: Role = .accent) -> [Span] {
        guard let ratio else { return [Span(String(repeating: g.gaugeEmpty, count: width), .muted)] }
        let full = Int((max(0, min(1, ratio)) * Double(width)).rounded())
        return [Span(String(repeating: g.gaugeFull, count: full), role),
                Span(String(repeating: g.gaugeEmpty, count: width - full), .muted)]
    }

    /// A label cut to leave one blank before the bar.
    static func pad(_ s: String, _ w: Int) -> String { DisplayWidth.pad(s, to: max(0, w - 1)) + " " }

    /// All lines of the document for a width.
    static func lines(_ state: AppState, width: Int) -> [[Span]] {
        let a = state.assessment, t = state.strings.assess, g = state.glyphs, language = state.strings.language
        guard let current = a.current, let q = a.questionnaire else { return [] }
        let p = placement(current, q)
        let previous = a.previous(to: current).map { placement($0, q) }
        var out: [[Span]] = [headline(p, state)]
        // Statements the group did not reach (not "weiß nicht"), and any reopening.
        let w = WorkshopStrings.forLanguage(language)
        let notReached = current.notAnswered(q.statements.map(\.id)).count
        if notReached > 0 { out.append([Span(w.notAnsweredCount(notReached), .warning)]) }
        if a.isScoredWithOtherVersion {
            for line in TextWrap.lines(w.scoredWithOther(current.questionnaire, q.versionTag), width: width) {
                out.append([Span(line, .warning)])
            }
        }
        for r in current.reopenings {
            out.append([Span(w.reopenedBy(r.by, state.strings.formats.date(r.at)), .muted)])
        }
        out.append([])
        // The same sentences as `lotse assess score`, so screen and minutes agree.
        let shared = AssessmentResult(questionnaire: q, answers: current.consensus, language: language)
        for k in shared.knockOuts {
            for (i, line) in TextWrap.lines(k.sentence, width: width - 2).enumerated() {
                out.append([Span(i == 0 ? g.lightRed + " " : "  ", .lightRed), Span(line, .warning)])
            }
        }
        if !p.knockOuts.isEmpty { out.append([]) }
        // Why this phase, in two or three sentences, and what is left to catch up on.
        if !shared.why.isEmpty {
            out.append([Span(state.strings.result.whyTitle, .header)])
            for (i, sentence) in shared.why.enumerated() {
                let role: Role = i == 1 && p.isProvisional ? .warning : .normal
                for line in TextWrap.lines(sentence, width: width - 2) { out.append([Span("  "), Span(line, role)]) }
            }
            for gap in shared.gaps {
                for (i, line) in TextWrap.lines(gap.sentence, width: width - 4).enumerated() {
                    out.append([Span(i == 0 ? "  " + g.lightYellow + " " : "    ", .lightYellow), Span(line, .warning)])
                }
            }
            out.append([])
        }

        // Labels as wide as the longest dimension name, up to half the width.
        let longest = (q.dimensions.map { DisplayWidth.of($0.name.text(language)) }
            + Phase.allCases.map { DisplayWidth.of("\($0.number) " + state.strings.phase($0)) }).max()!
        let labelWidth = min(longest + 1, max(12, width / 2))
        let barWidth = max(6, min(30, width - labelWidth - 22))
        out.append([Span(t.scoresTitle, .header)])
        for s in p.scores {
            var line = [Span(pad("\(s.phase.number) " + state.strings.phase(s.phase), labelWidth))]
            line += bar(s.score, width: barWidth, g, role: s.phase == p.phase ? .title : .accent)
            line.append(Span(" " + (s.score.map { state.strings.formats.percent(percent($0)) } ?? "–").leftPadded(to: 5)))
            line.append(Span("  \(s.answered)/\(s.total)", .muted))
            out.append(line)
        }
        out.append([])
        out.append([Span(t.dimensionsTitle + (previous == nil ? "" : " (" + t.comparedTo(
            state.strings.formats.date(a.previous(to: current)!.date)) + ")"), .header)])
        for d in q.dimensions {
            let v = p.dimensionScores[d.id]
            var line = [Span(pad(d.name.text(language), labelWidth))]
            line += bar(v, width: barWidth, g)
            line.append(Span(" " + (v.map { state.strings.formats.percent(percent($0)) } ?? "–").leftPadded(to: 5)))
            if let prev = previous?.dimensionScores[d.id], let v {
                let delta = percent(v) - percent(prev)
                line.append(Span("  " + Format.delta(delta), delta > 0 ? .kpiGood : delta < 0 ? .kpiBad : .muted))
            }
            out.append(line)
        }
        out.append([])
        func statementLines(_ title: String, _ reasons: [Placement.Reason], role: Role) {
            // No heading without anything under it.
            let shown = reasons.prefix(5).compactMap { r in q.statement(r.statementID).map { (r, $0) } }
            guard !shown.isEmpty else { return }
            out.append([Span(title, .header)])
            for (_, s) in shown {
                // Not answered and "weiß nicht" are different things.
                let value: String = switch current.consensus[s.id] {
                case .none: t.unanswered
                case .some(.none): t.dontKnow
                case .some(.some(let v)): "\(v)"
                }
                let prefix = "\(s.id) (\(value)) "
                let wrapped = TextWrap.lines(s.text.text(language), width: max(10, width - DisplayWidth.of(prefix)))
                for (i, l) in wrapped.enumerated() {
                    out.append([Span(i == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix)), role), Span(l)])
                }
            }
            out.append([])
        }
        if p.phase != nil {
            statementLines(t.carryingTitle, p.carrying, role: .kpiGood)
            statementLines(t.blockingTitle, p.blocking, role: .kpiBad)
            out.append([Span(t.recommendationsTitle, .header)])
            for (dimension, phase) in p.recommendationTargets(q, answers: current.scoringAnswers, limit: AssessmentResult.listLimit) {
                guard let r = q.recommendation(dimension: dimension, phase: phase) else { continue }
                let name = q.dimension(dimension)?.name.text(language) ?? dimension
                out.append([Span("\(name) · \(state.strings.phase(phase))", .title)])
                for l in TextWrap.lines(r.text.text(language), width: width - 2) { out.append([Span("  " + l)]) }
            }
            out.append([])
        }
        stanceLines(current, q, state, width: width, into: &out)
        if let evidence = state.evidence, (state.figures?.projectCount ?? 0) > 0 {
            evidenceLines(evidence, placed: p.phase, state, width: width, into: &out)
        }
        let dissent = q.statements.map { s in (s, ResponseStats(state.responses(of: s.id))) }
            .filter { $0.1.isDissent }
            .sorted { ($0.1.spread, $1.0.id) > ($1.1.spread, $0.0.id) }
        if !dissent.isEmpty {
            out.append([Span(t.dissentTitle, .header)])
            for (s, stats) in dissent.prefix(5) {
                let prefix = "\(s.id) \(t.spread) \(stats.spread): "
                out.append([Span(prefix, .warning), Span(DisplayWidth.truncate(s.text.text(language),
                                                                                  to: max(5, width - DisplayWidth.of(prefix))))])
            }
            out.append([])
        }
        return out
    }

    /// Where the group placed the municipality on each tension field (`f` notes it).
    static func stanceLines(_ a: Assessment, _ q: Questionnaire, _ state: AppState, width: Int,
                            into out: inout [[Span]]) {
        guard !q.tensions.isEmpty else { return }
        let st = StanceStrings.forLanguage(state.strings.language), language = state.strings.language
        out.append([Span(st.sectionTitle, .header)])
        let noted = q.tensions.filter { !(a.stances[$0.id]?.isEmpty ?? true) }
        if noted.isEmpty { out.append([Span("  " + st.noneNoted, .muted)]) }
        for t in noted {
            let stance = a.stances[t.id] ?? TensionStance()
            let name = t.name.text(language)
            var line = [Span("  " + name + " ", .title)] + StanceView.scale(stance.position, state.glyphs)
            line.append(Span("  " + (stance.position.map { st.position($0, TensionStance.positions.upperBound) } ?? st.open),
                             .muted))
            out.append(line)
            for l in TextWrap.lines(st.poles(t.poleA.text(language), t.poleB.text(language)), width: width - 4) {
                out.append([Span("    " + l, .muted)])
            }
            if !stance.note.isEmpty {
                for l in TextWrap.lines(st.notePrefix + stance.note, width: width - 4) { out.append([Span("    " + l)]) }
            }
        }
        out.append([])
    }

    /// The portfolio beside the self-assessment, so a team that rates itself higher than
    /// its projects show sees the difference.
    static func evidenceLines(_ e: PortfolioEvidence, placed: Phase?, _ state: AppState, width: Int,
                              into out: inout [[Span]]) {
        let t = state.strings.assess
        out.append([Span(state.strings.assess.evidenceTitle + " (\(state.strings.formats.month(e.month)))", .header)])
        let flagged = placed.map { Set(e.contradictions(placedIn: $0)) } ?? []
        let labels: [(PortfolioEvidence.Indicator, String)] = [
            (.establishment, t.evidenceInOperation),
            (.continuationDecided, t.evidenceContinuation),
            (.reportsOnTime, t.evidenceReports),
        ]
        for (indicator, label) in labels {
            let share = e.share(indicator)
            let pct = share.value.map { state.strings.formats.percent(percent($0)) } ?? "–"
            let warn = flagged.contains(indicator)
            out.append([Span(pct.leftPadded(to: 6) + " ", warn ? .warning : .normal),
                        Span("\(share.part)/\(share.whole) ", .muted), Span(label),
                        Span(warn ? "  " + t.evidenceBelow : "",
                             .warning)])
        }
        out.append([Span("       ", .normal), Span(t.evidenceReuse(e.reusedByOthers, e.basicComponentCandidates), .muted)])
        out.append([])
    }

    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let t = state.strings.assess, g = state.glyphs
        guard let current = state.assessment.current else { return }
        let title = "\(t.title) · \(AssessmentView.municipalityName(current.municipalityID, state)) · "
            + state.strings.formats.date(current.date)
        let inner = Box(title: title).render(in: content, on: &buffer, glyphs: g)
        Document(lines: lines(state, width: inner.width - 1), offset: state.assessment.resultScroll)
            .render(in: inner, on: &buffer, glyphs: g)
    }
}

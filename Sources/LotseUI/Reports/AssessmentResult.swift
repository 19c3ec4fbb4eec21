import Foundation
import LotseDomain
import TermCanvas

/// The verdict of a self-assessment as plain values in one language: what the result
/// screen, `lotse assess score` and the workshop minutes say, so all three say the same.
/// Built from a questionnaire and answers; `text(markdown:)` and `json()` render it.
public struct AssessmentResult: Hashable, Sendable, Encodable {
    /// How many reasons (carrying, blocking) and recommendations are listed.
    public static let listLimit = 5

    public struct PhaseScore: Hashable, Sendable, Encodable {
        public var phase: String
        public var name: String
        /// 0 … 100; nil when too little of the phase was answered.
        public var percent: Int?
        public var answered: Int
        public var total: Int
    }

    public struct GateStatement: Hashable, Sendable, Encodable {
        public var id: String
        /// nil when not answered or "weiß nicht" (which does not pass a gate).
        public var value: Int?
        public var minimum: Int
    }

    /// A gate that kept the municipality out of the phase its scores allow.
    public struct KnockOut: Hashable, Sendable, Encodable {
        public var gate: String
        public var phase: String
        public var criterion: String
        public var statements: [GateStatement]
        /// "Nach den Werten wäre die Kommune in Transferieren, aber Kriterium … ist nicht erfüllt: …"
        public var sentence: String
    }

    /// Something weak below the placement (Nachholbedarf): a failed gate of an earlier phase,
    /// or an earlier phase not fulfilled.
    public struct Gap: Hashable, Sendable, Encodable {
        /// "gate" or "phase".
        public var kind: String
        /// The gate's id or the phase's raw value.
        public var id: String
        public var sentence: String
    }

    public struct Reason: Hashable, Sendable, Encodable {
        public var id: String
        public var dimension: String
        public var text: String
        public var value: Int?
    }

    public struct DimensionScore: Hashable, Sendable, Encodable {
        public var id: String
        public var name: String
        public var percent: Int?
    }

    public struct Advice: Hashable, Sendable, Encodable {
        public var dimension: String
        public var dimensionName: String
        public var phase: String
        public var phaseName: String
        public var text: String
    }

    public struct Share: Hashable, Sendable, Encodable {
        public var part: Int
        public var whole: Int
        public var percent: Int?
    }

    /// The portfolio's figures beside the self-assessment (`PortfolioEvidence`).
    public struct Evidence: Hashable, Sendable, Encodable {
        public var month: String
        public var projects: Int
        public var inEstablishment: Share
        public var continuationDecided: Share
        public var reportsDelivered: Share
        public var reusedByOthers: Int
        public var basicComponentCandidates: Int
        /// Sentences where the portfolio does not back the placed phase.
        public var contradictions: [String]
    }

    public var language: String
    public var questionnaire: String
    public var municipality: String?
    public var determinable: Bool
    /// Raw value of the placed phase (`transferieren`), nil when not determinable.
    public var phase: String?
    /// The phase the scores alone would allow.
    public var phaseByScores: String?
    public var nextPhaseBegun: Bool
    /// "Transferieren, 77 % erfüllt; Etablieren begonnen (36 %)" or "nicht bestimmbar …".
    public var headline: String
    public var statements: Int
    public var answered: Int
    public var dontKnow: Int
    public var answeredPercent: Int
    public var scores: [PhaseScore]
    public var knockOuts: [KnockOut]
    /// Two or three sentences: how the placed phase was entered, its gates, the gaps.
    public var why: [String]
    /// Whether the placement rests on gates not yet answered; `undecided` names them.
    public var provisional: Bool
    public var undecided: [String]
    public var gaps: [Gap]
    public var dimensions: [DimensionScore]
    public var carrying: [Reason]
    public var blocking: [Reason]
    public var recommendations: [Advice]
    public var evidence: Evidence?

    /// - Parameters:
    ///   - answers: statement id → value; nil is "weiß nicht" (missing, like an absent entry).
    ///   - evidence: the portfolio's figures for the same municipality, when known.
    public init(questionnaire q: Questionnaire, answers: [String: Int?], municipality: String? = nil,
                evidence: PortfolioEvidence? = nil, language lang: Language) {
        let p = Placement(questionnaire: q, answers: answers.compactMapValues { $0 })
        let strings = Strings.forLanguage(lang), t = strings.result, f = strings.formats
        let name = { (phase: Phase) in strings.phase(phase) }
        func percent(_ v: Double?) -> Int? { v.map { Int(($0 * 100).rounded()) } }
        func text(_ t: LocalizedText) -> String { t.text(lang) }

        language = lang.rawValue
        questionnaire = q.versionTag
        self.municipality = municipality
        determinable = p.phase != nil
        phase = p.phase?.rawValue
        phaseByScores = p.phaseByScores?.rawValue
        nextPhaseBegun = p.nextPhaseBegun
        statements = q.statements.count
        let valid = answers.filter { q.statement($0.key) != nil && ($0.value.map(q.scale.contains) ?? true) }
        answered = valid.values.filter { $0 != nil }.count
        dontKnow = valid.values.filter { $0 == nil }.count
        answeredPercent = percent(p.answeredShare) ?? 0

        if let placed = p.phase {
            var line = t.fulfilled(name(placed), f.percent(percent(p.score(of: placed)) ?? 0))
                + (p.isProvisional ? t.provisionalMark : "")
            if let next = p.nextPhase {
                let begun = percent(p.score(of: next)) ?? 0
                line += p.nextPhaseBegun ? t.nextBegun(name(next), f.percent(begun)) : t.nextNotBegun(name(next))
            }
            headline = line
        } else {
            headline = t.notDeterminable(f.percent(answeredPercent))
        }

        scores = p.scores.map {
            PhaseScore(phase: $0.phase.rawValue, name: name($0.phase), percent: percent($0.score), answered: $0.answered,
                       total: $0.total)
        }
        knockOuts = p.knockOuts.map { k in
            let target = name(p.phaseByScores ?? k.gate.phase)
            let sentence = t.knockOut(target, k.gate.id, text(k.gate.text))
            return KnockOut(gate: k.gate.id, phase: k.gate.phase.rawValue, criterion: text(k.gate.text),
                            statements: k.gate.statements.map { id in
                                GateStatement(id: id, value: answers[id] ?? nil, minimum: k.gate.minimum)
                            },
                            sentence: sentence)
        }
        provisional = p.isProvisional
        undecided = p.undecided
        gaps = p.gaps.map { gap in
            switch gap {
            case .gate(let g):
                Gap(kind: "gate", id: g.gate.id, sentence: t.gapGate(text(g.gate.text), g.gate.id))
            case .phaseNotFulfilled(let phase, let score):
                Gap(kind: "phase", id: phase.rawValue,
                    sentence: score.map { t.gapPhase(name(phase), f.percent(percent($0) ?? 0)) } ?? t.gapPhaseNoScore(name(phase)))
            }
        }
        why = Self.why(p, q, strings: strings, gaps: gaps)
        dimensions = q.dimensions.map {
            DimensionScore(id: $0.id, name: text($0.name), percent: percent(p.dimensionScores[$0.id]))
        }
        func reasons(_ list: [Placement.Reason]) -> [Reason] {
            list.prefix(Self.listLimit).compactMap { r in
                q.statement(r.statementID).map { Reason(id: $0.id, dimension: $0.dimension, text: text($0.text), value: r.value) }
            }
        }
        carrying = reasons(p.carrying)
        blocking = reasons(p.blocking)
        recommendations = p.recommendationTargets(q, answers: answers.compactMapValues { $0 }, limit: Self.listLimit).compactMap { d, phase in
            guard let r = q.recommendation(dimension: d, phase: phase) else { return nil }
            return Advice(dimension: d, dimensionName: q.dimension(d).map { text($0.name) } ?? d, phase: phase.rawValue,
                          phaseName: name(phase), text: text(r.text))
        }
        self.evidence = evidence.map { Self.evidence($0, placed: p.phase, strings: strings) }
    }

    /// "Why this phase" in words a council member understands: how the phase was entered,
    /// whether its gates hold, and what is left to catch up on.
    static func why(_ p: Placement, _ q: Questionnaire, strings: Strings, gaps: [Gap]) -> [String] {
        guard let placed = p.phase else { return [] }
        let t = strings.result, f = strings.formats
        func pct(_ phase: Phase) -> String { f.percent(Int(((p.score(of: phase) ?? 0) * 100).rounded())) }
        var out: [String] = []
        switch p.enteredBy {
        case .previousFulfilled?:
            let before = Phase.allCases.first { $0.number == placed.number - 1 }!
            out.append(t.whyPrevious(strings.phase(placed), strings.phase(before), pct(before)))
        case .ownEvidence?:
            out.append(t.whyOwn(strings.phase(placed), pct(placed)))
        case nil:
            out.append(t.whyStart(strings.phase(placed), pct(placed)))
            if p.knockOuts.isEmpty { out.append(t.whyNothingLater) }
        }
        let own = p.gates.filter { $0.gate.phase == placed }
        if p.isProvisional {
            out.append(t.whyProvisional(p.undecided.joined(separator: ", "), strings.phase(placed)))
        } else if !own.isEmpty {
            out.append(t.whyGatesHeld(strings.phase(placed), own.count))
        }
        if let reachable = p.phaseByScores, reachable > placed, !p.knockOuts.isEmpty {
            out.append(t.whyBlocked(strings.phase(reachable), p.knockOuts.count))
        }
        if !gaps.isEmpty {
            out.append(t.whyGaps(gaps.count))
        }
        return out
    }

    private static func evidence(_ e: PortfolioEvidence, placed: Phase?, strings: Strings) -> Evidence {
        let t = strings.result
        func share(_ s: PortfolioEvidence.Share) -> Share {
            Share(part: s.part, whole: s.whole, percent: s.value.map { Int(($0 * 100).rounded()) })
        }
        let contradictions = placed.map { phase in
            e.contradictions(placedIn: phase).map { indicator -> String in
                let pct = strings.formats.percent(share(e.share(indicator)).percent ?? 0)
                let phaseName = strings.phase(phase)
                switch indicator {
                case .establishment: return t.littleInOperation(pct, phaseName)
                case .continuationDecided: return t.littleContinuation(pct, phaseName)
                case .reportsOnTime: return t.littleReports(pct, phaseName)
                }
            }
        } ?? []
        return Evidence(month: e.month.description, projects: e.projectCount, inEstablishment: share(e.inEstablishment),
                        continuationDecided: share(e.continuationDecided), reportsDelivered: share(e.reportsDelivered),
                        reusedByOthers: e.reusedByOthers, basicComponentCandidates: e.basicComponentCandidates,
                        contradictions: contradictions)
    }

    // MARK: - Rendering

    /// The texts of the result's language.
    var strings: Strings { Strings.forLanguage(Language(rawValue: language) ?? .german) }

    /// Plain text (wrapped to 80 columns) or Markdown.
    public func text(markdown md: Bool) -> String {
        var out: [String] = []
        let t = strings.result, f = strings.formats
        let h1 = md ? "# " : "", h2 = md ? "## " : "", item = md ? "- " : "  "
        out.append(h1 + t.title + (municipality.map { " – " + Self.user($0, md) } ?? ""))
        out.append("")
        out.append(t.answeredLine(Self.user(questionnaire, md), answered, statements) + " (" + f.percent(answeredPercent) + ")"
                   + (dontKnow > 0 ? t.dontKnowCount(dontKnow) : "")
                   // Not reached at all, apart from "weiß nicht".
                   + (statements - answered - dontKnow > 0
                      ? ", " + WorkshopStrings.forLanguage(strings.language).notAnsweredCount(statements - answered - dontKnow) : ""))
        out.append("")
        out.append((md ? "**" : "") + t.result + headline + (md ? "**" : ""))
        if !why.isEmpty {
            out.append("")
            out.append(h2 + t.whyTitle)
            if md { out.append("") }
            for line in why { out += Self.wrap(Self.user(line, md), indent: item, md: md) }
        }
        if !gaps.isEmpty {
            out.append("")
            out.append(h2 + t.gapsTitle)
            if md { out.append("") }
            for gap in gaps { out += Self.wrap(Self.user(gap.sentence, md), indent: item, md: md) }
        }
        out.append("")
        out.append(h2 + t.perPhase)
        if md { out.append("") }
        for s in scores {
            let value = s.percent.map(f.percent) ?? "–"
            out.append(item + DisplayWidth.pad("\(s.name)", to: 16) + DisplayWidth.pad(value, to: 6, alignRight: true)
                       + "  " + t.answeredOf(s.answered, s.total))
        }
        if !knockOuts.isEmpty {
            out.append("")
            out.append(h2 + t.knockOuts)
            if md { out.append("") }
            for k in knockOuts {
                let values = k.statements.map { "\(Self.user($0.id, md)): \($0.value.map(String.init) ?? "?") " + t.atLeast($0.minimum) }
                out += Self.wrap(Self.user(k.sentence, md) + (md ? " \\[" : " [") + values.joined(separator: ", ") + (md ? "\\]" : "]"),
                                 indent: item, md: md)
            }
        }
        if determinable {
            out += explanation(md: md)
        } else {
            out.append("")
            let needed = Int((Placement.minimumAnsweredShare * 100).rounded())
            out += Self.wrap(t.needsAnswers(f.percent(needed)), indent: "", md: md)
        }
        if let e = evidence { out += evidenceLines(e, md: md) }
        // Whatever else reaches the output still cannot drive a terminal.
        return SafeText.forTerminal(out.joined(separator: "\n") + "\n")
    }

    /// Dimensions, carrying and blocking answers, recommendations.
    private func explanation(md: Bool) -> [String] {
        let t = strings.result, f = strings.formats
        let h2 = md ? "## " : "", item = md ? "- " : "  "
        var out: [String] = []
        out.append("")
        out.append(h2 + t.dimensions)
        if md { out.append("") }
        let names = dimensions.map { Self.user($0.name, md) }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        for (d, name) in zip(dimensions, names) {
            out.append(item + DisplayWidth.pad(name, to: nameWidth) + DisplayWidth.pad(d.percent.map(f.percent) ?? "–", to: 7, alignRight: true))
        }
        for (title, list) in [(t.carries, carrying), (t.holdsBack, blocking)]
        where !list.isEmpty {
            out.append("")
            out.append(h2 + title)
            if md { out.append("") }
            for r in list {
                out += Self.wrap("\(Self.user(r.id, md)) (\(r.value.map(String.init) ?? "?")): \(Self.user(r.text, md))",
                                 indent: item, md: md)
            }
        }
        if !recommendations.isEmpty {
            out.append("")
            out.append(h2 + t.recommendations)
            for a in recommendations {
                out.append("")
                out.append((md ? "**" : "  ") + "\(Self.user(a.dimensionName, md)) · \(a.phaseName)" + (md ? "**" : ""))
                out += Self.wrap(Self.user(a.text, md), indent: md ? "" : "    ", md: md)
            }
        }
        return out
    }

    private func evidenceLines(_ e: Evidence, md: Bool) -> [String] {
        let t = strings.result, f = strings.formats
        let h2 = md ? "## " : "", item = md ? "- " : "  "
        var out: [String] = []
        out.append("")
        out.append(h2 + t.evidenceTitle + " (\(e.month))")
        if md { out.append("") }
        func show(_ s: Share) -> String { t.partOf(s.part, s.whole) + (s.percent.map { " (" + f.percent($0) + ")" } ?? "") }
        out.append(item + t.inOperation + ": " + show(e.inEstablishment))
        out.append(item + t.continuationDecided + ": " + show(e.continuationDecided))
        out.append(item + t.reportsDelivered + ": " + show(e.reportsDelivered))
        out.append(item + t.reuse(e.reusedByOthers, e.basicComponentCandidates))
        for c in e.contradictions {
            out += Self.wrap(t.differs + Self.user(c, md), indent: item, md: md)
        }
        return out
    }

    /// A text from the data (questionnaire, answers, portfolio): escaped for Markdown, on
    /// one line and inert for a terminal in plain text.
    static func user(_ text: String, _ md: Bool) -> String {
        md ? SafeText.markdown(text) : SafeText.forTerminalLine(text)
    }

    /// Plain text wraps at 80 columns behind `indent`; Markdown leaves wrapping to the reader.
    private static func wrap(_ text: String, indent: String, md: Bool) -> [String] {
        md ? [indent + text] : TextWrap.lines(text, width: 80 - DisplayWidth.of(indent)).map { indent + $0 }
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String { AssessmentResult.encodeJSON(self) }

    static func encodeJSON<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data()
        return SafeText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }
}

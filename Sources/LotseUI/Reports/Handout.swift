import Foundation
import LotseDomain

/// The handout of a self-assessment workshop: the placement with "why" and gaps, the scores
/// per phase and dimension as bars, the comparison with the municipality's previous
/// assessment (what rose, what fell), the statements with dissent or a note, the tension
/// fields and the recommendations with their sources. Pure; built once as a list of blocks
/// that `markdown()` and `html()` render alike, so both say the same.
public struct Handout: Hashable, Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html
    }

    public enum Inline: Hashable, Sendable {
        case text(String)
        case strong(String)
    }

    public struct Bar: Hashable, Sendable {
        public var label: String
        /// 0 … 100; nil when too little was answered.
        public var percent: Int?
    }

    public enum Block: Hashable, Sendable {
        case heading(Int, String)
        case paragraph([Inline])
        case list([[Inline]])
        case bars([Bar])
    }

    /// A score or consensus value that differs from the previous assessment.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case phase, dimension, statement }
        public var kind: Kind
        public var id: String
        public var name: String
        public var before: Int
        public var after: Int
    }

    public var language: Language
    public var title: String
    public var blocks: [Block]
    /// What rose and fell since the previous assessment (empty without one).
    public var changes: [Change]

    /// - Parameters:
    ///   - previous: the municipality's assessment before this one, if any.
    ///   - municipalityName: shown instead of the id when known.
    public init(assessment a: Assessment, questionnaire q: Questionnaire, previous: Assessment?,
                municipalityName: String? = nil, evidence: PortfolioEvidence? = nil, language lang: Language) {
        let minutes = AssessmentMinutes(assessment: a, questionnaire: q, municipalityName: municipalityName,
                                        evidence: evidence, language: lang)
        let r = minutes.result
        let strings = Strings.forLanguage(lang), t = strings.result, f = strings.formats
        let h = HandoutStrings.forLanguage(lang), w = WorkshopStrings.forLanguage(lang)
        func day(_ date: Date) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return h.day(c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
        func consensus(_ id: String) -> String {
            guard a.consensus.keys.contains(id) else { return w.notAnswered }
            return (a.consensus[id] ?? nil).map(String.init) ?? t.dontKnow
        }
        language = lang
        title = h.title + " – " + minutes.municipality
        var blocks: [Block] = [.heading(1, title)]
        blocks.append(.list([
            [.text(t.date + ": " + day(a.date))],
            [.text(t.facilitator + ": " + a.facilitator)],
            [.text(t.participants + ": " + (a.participants.isEmpty ? t.teamTogether : a.participants.joined(separator: ", ")))],
            [.text(t.questionnaire + ": " + a.questionnaire)],
        ]))

        // Placement and why
        blocks.append(.heading(2, h.placement))
        blocks.append(.paragraph([.strong(t.result + r.headline)]))
        if !r.why.isEmpty {
            blocks.append(.heading(3, t.whyTitle))
            blocks.append(.list(r.why.map { [.text($0)] }))
        }
        if !r.gaps.isEmpty {
            blocks.append(.heading(3, t.gapsTitle))
            blocks.append(.list(r.gaps.map { [.text($0.sentence)] }))
        }
        if !r.knockOuts.isEmpty {
            blocks.append(.heading(3, t.knockOuts))
            blocks.append(.list(r.knockOuts.map { [.text($0.sentence)] }))
        }

        // Scores
        blocks.append(.heading(2, h.scores))
        blocks.append(.heading(3, h.byPhase))
        blocks.append(.bars(r.scores.map { Bar(label: $0.name, percent: $0.percent) }))
        blocks.append(.heading(3, h.byDimension))
        blocks.append(.bars(r.dimensions.map { Bar(label: $0.name, percent: $0.percent) }))

        // Comparison
        var changes: [Change] = []
        if let p = previous {
            blocks.append(.heading(2, h.comparison(day(p.date))))
            let before = AssessmentResult(questionnaire: q, answers: p.consensus, language: lang)
            if p.questionnaire != a.questionnaire {
                blocks.append(.paragraph([.text(h.otherQuestionnaire(p.questionnaire))]))
            }
            let phaseName = { (raw: String?) in
                raw.flatMap(Phase.init(rawValue:)).map(strings.phase) ?? h.notDeterminable
            }
            blocks.append(.paragraph([.text(h.placementThenNow(phaseName(before.phase), phaseName(r.phase)))]))
            for (old, new) in zip(before.scores, r.scores) {
                if let x = old.percent, let y = new.percent, x != y {
                    changes.append(Change(kind: .phase, id: new.phase, name: new.name, before: x, after: y))
                }
            }
            for (old, new) in zip(before.dimensions, r.dimensions) {
                if let x = old.percent, let y = new.percent, x != y {
                    changes.append(Change(kind: .dimension, id: new.id, name: new.name, before: x, after: y))
                }
            }
            for s in q.statements {
                if let x = p.consensus[s.id] ?? nil, let y = a.consensus[s.id] ?? nil, x != y {
                    changes.append(Change(kind: .statement, id: s.id, name: s.text.text(lang), before: x, after: y))
                }
            }
            func line(_ c: Change) -> [Inline] {
                switch c.kind {
                case .phase, .dimension:
                    [.text(c.name + ": " + f.percent(c.before) + " → " + f.percent(c.after) + " (" + h.points(c.after - c.before) + ")")]
                case .statement:
                    [.strong(c.id), .text(": \(c.before) → \(c.after) · " + c.name)]
                }
            }
            let rose = changes.filter { $0.after > $0.before }, fell = changes.filter { $0.after < $0.before }
            if changes.isEmpty {
                blocks.append(.paragraph([.text(h.nothingChanged)]))
            }
            for (heading, list) in [(h.rose, rose), (h.fell, fell)] where !list.isEmpty {
                blocks.append(.heading(3, heading))
                blocks.append(.list(list.map(line)))
            }
        } else {
            blocks.append(.heading(2, h.comparison("–")))
            blocks.append(.paragraph([.text(h.noPrevious)]))
        }
        self.changes = changes

        // Dissent and notes
        blocks.append(.heading(2, h.dissentAndNotes))
        let marked = minutes.statements.filter { $0.dissent || $0.note != nil }
        if marked.isEmpty {
            blocks.append(.paragraph([.text(h.noDissentOrNotes)]))
        }
        for s in marked {
            blocks.append(.heading(3, s.id + " · " + s.text + (s.dissent ? " " + t.dissent : "")))
            var items: [[Inline]] = []
            if !s.answers.isEmpty {
                items.append([.text(t.answers + ": " + s.answers.map { "\($0.participant) \($0.value.map(String.init) ?? t.dontKnow)" }
                    .joined(separator: ", "))])
                items.append([.text(t.median + " " + (s.median.map { f.decimal($0, maxDigits: 1) } ?? "–") + ", " + t.spread + " "
                                    + (s.spread.map(String.init) ?? "–"))])
            }
            items.append([.text(t.consensus + ": " + consensus(s.id))])
            if let note = s.note { items.append([.strong(t.note + ":"), .text(" " + note)]) }
            blocks.append(.list(items))
        }

        // Tension fields
        blocks.append(.heading(2, h.tensions))
        if q.tensions.isEmpty {
            blocks.append(.paragraph([.text(h.noTensions)]))
        }
        for tension in q.tensions {
            blocks.append(.heading(3, tension.name.text(lang)))
            blocks.append(.paragraph([.text(h.between(tension.poleA.text(lang), tension.poleB.text(lang)) + ". "
                                            + tension.summary.text(lang))]))
            var items: [[Inline]] = []
            let stances = StanceStrings.forLanguage(lang)
            let stance = a.stances[tension.id] ?? TensionStance()
            let place = stance.position.map { stances.position($0, TensionStance.positions.upperBound) } ?? stances.open
            items.append([.strong(stances.groupLabel + ":"), .text(" " + place + (stance.note.isEmpty ? "" : " – " + stance.note))])
            if !tension.statements.isEmpty {
                items.append([.text(h.touchedStatements + ": "
                                    + tension.statements.map { "\($0) (\(consensus($0)))" }.joined(separator: ", "))])
            }
            items.append([.text(h.source + ": " + tension.source)])
            blocks.append(.list(items))
        }

        // Recommendations
        blocks.append(.heading(2, t.recommendations))
        if r.recommendations.isEmpty {
            blocks.append(.paragraph([.text(h.noRecommendations)]))
        }
        for advice in r.recommendations {
            let (text, source) = Self.splitSource(advice.text, prefix: h.sourcePrefix)
            blocks.append(.heading(3, advice.dimensionName + " · " + advice.phaseName))
            blocks.append(.paragraph([.text(text)]))
            if let source { blocks.append(.paragraph([.strong(h.source + ":"), .text(" " + source)])) }
        }
        blocks.append(.paragraph([.text(h.madeFrom(a.id, a.questionnaire))]))
        self.blocks = blocks
    }

    /// A recommendation ends in its source in brackets: "… (nach Trendreport 2025, …)".
    /// Returns the text without it and the source; the whole text and nil when there is none.
    static func splitSource(_ text: String, prefix: String) -> (String, String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.range(of: " (" + prefix + " ", options: .backwards) else {
            return (text, nil)
        }
        let source = trimmed[open.upperBound...].dropLast().trimmingCharacters(in: .whitespaces)
        guard !source.isEmpty else { return (text, nil) }
        return (String(trimmed[..<open.lowerBound]), source)
    }

    /// The assessment a handout of `a` compares with: the municipality's newest one before
    /// it, preferring one made with the same questionnaire.
    public static func previous(of a: Assessment, among all: [Assessment]) -> Assessment? {
        let earlier = all
            .filter { $0.municipalityID == a.municipalityID && $0.id != a.id && ($0.date, $0.id) < (a.date, a.id) }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        return earlier.first { $0.questionnaire == a.questionnaire } ?? earlier.first
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .markdown: markdown()
        case .html: html()
        }
    }

    // MARK: - Markdown

    /// Cells of a text bar: one per 5 %.
    static let barCells = 20

    static func textBar(_ percent: Int) -> String {
        let filled = max(0, min(barCells, Int((Double(percent) / 100 * Double(barCells)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: barCells - filled)
    }

    /// Every text escaped (`SafeText.markdown`): those from the data and, harmlessly, the
    /// table's own.
    public func markdown() -> String {
        let f = Strings.forLanguage(language).formats, h = HandoutStrings.forLanguage(language)
        func inline(_ parts: [Inline]) -> String {
            parts.map {
                switch $0 {
                case .text(let s): SafeText.markdown(s)
                case .strong(let s): "**" + SafeText.markdown(s) + "**"
                }
            }.joined()
        }
        var out: [String] = []
        for block in blocks {
            if !out.isEmpty { out.append("") }
            switch block {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: level) + " " + SafeText.markdown(text))
            case .paragraph(let parts):
                out.append(inline(parts))
            case .list(let items):
                out += items.map { "- " + inline($0) }
            case .bars(let bars):
                out += bars.map { bar in
                    "- `" + Self.textBar(bar.percent ?? 0) + "` " + (bar.percent.map(f.percent) ?? "–") + " "
                        + SafeText.markdown(bar.label) + (bar.percent == nil ? " (" + SafeText.markdown(h.notScored) + ")" : "")
                }
            }
        }
        return SafeText.forTerminal(out.joined(separator: "\n") + "\n")
    }

    // MARK: - HTML

    /// One file with everything inline: no scripts, no external resources, A4 print rules.
    static let css = """
    @page { size: A4; margin: 18mm 16mm; }
    body { font-family: "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 11pt; line-height: 1.4;
           color: #1b1b1b; max-width: 48em; margin: 2em auto; padding: 0 1em; }
    h1 { font-size: 18pt; margin: 0 0 .4em; }
    h2 { font-size: 14pt; border-bottom: 1px solid #888; margin: 1.2em 0 .4em; }
    h3 { font-size: 11.5pt; margin: .9em 0 .3em; }
    ul { margin: .3em 0; padding-left: 1.3em; }
    p { margin: .3em 0; }
    table.bars { border-collapse: collapse; }
    table.bars th { text-align: left; font-weight: normal; padding: .1em 1em .1em 0; }
    table.bars td { padding: .1em .5em .1em 0; }
    td.value { text-align: right; min-width: 3.5em; }
    .bar { display: inline-block; width: 12em; height: .8em; border: 1px solid #555; vertical-align: middle; }
    .fill { display: block; height: 100%; background: #2f6f4f; }
    .footer { color: #555; font-size: 9pt; margin-top: 2em; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; }
      li, tr, p { break-inside: avoid-page; }
      h2, h3 { break-after: avoid-page; }
      .bar, .fill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """

    /// Every text from the data escaped (`SafeText.html`).
    public func html() -> String {
        let f = Strings.forLanguage(language).formats, h = HandoutStrings.forLanguage(language)
        func inline(_ parts: [Inline]) -> String {
            parts.map {
                switch $0 {
                case .text(let s): SafeText.html(s)
                case .strong(let s): "<strong>" + SafeText.html(s) + "</strong>"
                }
            }.joined()
        }
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"" + SafeText.html(h.htmlLanguage) + "\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<title>" + SafeText.html(title) + "</title>",
            "<style>", Self.css, "</style>",
            "</head>",
            "<body>",
        ]
        var inSection = false
        for (i, block) in blocks.enumerated() {
            switch block {
            case .heading(let level, let text):
                if level <= 2 {
                    if inSection { out.append("</section>") }
                    out.append("<section>")
                    inSection = true
                }
                out.append("<h\(level)>" + SafeText.html(text) + "</h\(level)>")
            case .paragraph(let parts):
                let last = i == blocks.count - 1
                out.append((last ? "<p class=\"footer\">" : "<p>") + inline(parts) + "</p>")
            case .list(let items):
                out.append("<ul>")
                out += items.map { "<li>" + inline($0) + "</li>" }
                out.append("</ul>")
            case .bars(let bars):
                out.append("<table class=\"bars\">")
                for bar in bars {
                    let value = bar.percent.map(f.percent) ?? "–"
                    let width = max(0, min(100, bar.percent ?? 0))
                    out.append("<tr><th>" + SafeText.html(bar.label) + "</th>"
                               + "<td><span class=\"bar\"><span class=\"fill\" style=\"width: \(width)%\"></span></span></td>"
                               + "<td class=\"value\">" + SafeText.html(value) + "</td>"
                               + (bar.percent == nil ? "<td>" + SafeText.html(h.notScored) + "</td>" : "<td></td>")
                               + "</tr>")
                }
                out.append("</table>")
            }
        }
        if inSection { out.append("</section>") }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }
}

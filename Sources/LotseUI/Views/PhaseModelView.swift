import LotseDomain
import TermCanvas

/// The three phases in our own words, where the municipality stands, and which projects
/// are in which phase; or (`t`) the tension fields of the questionnaire with their poles,
/// what the Trendreport says about them, and the statements and recommendations they touch.
enum PhaseModelView {
    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let t = state.strings.assess, g = state.glyphs
        let top = Layout.split(content, .vertical, [.length(3), .fill(1)])
        let standInner = Box(title: t.title + " · " + "Trendreport 2025").render(in: top[0], on: &buffer, glyphs: g)
        var placed: Phase?
        if let latest = state.assessment.latest, let q = state.assessment.questionnaire(for: latest) {
            let p = Placement(questionnaire: q, answers: latest.scoringAnswers)
            placed = p.phase
            let date = state.strings.formats.date(latest.date)
            Table.draw([Span(date + "  ", .muted)] + ResultView.headline(p, state), in: standInner.row(0),
                       alignment: .left, on: &buffer, glyphs: g)
        } else {
            buffer.put(line: t.noAssessmentYet, in: standInner.row(0), role: .muted, ellipsis: g.ellipsis)
        }
        if state.phaseModelTensions {
            renderTensions(state, in: top[1], into: &buffer)
            return
        }
        let columns = Layout.even(top[1], .horizontal, count: 3)
        for (phase, rect) in zip(Phase.allCases, columns) {
            let here = phase == placed
            let count = state.figures?.count(in: phase) ?? 0
            let title = "\(phase.number) \(state.strings.phase(phase)) · \(count)" + (here ? " ◀" : "")
            let inner = Box(title: title, role: here ? .accent : .border, titleRole: here ? .tabActive : .title)
                .render(in: rect, on: &buffer, glyphs: g)
            var y = 0
            for line in TextWrap.lines(t.phaseExplanation(phase), width: inner.width) where y < inner.height {
                buffer.put(line: line, in: inner.row(y), role: .normal)
                y += 1
            }
            y += 1
            if y < inner.height { buffer.put(line: t.projectsInPhase, in: inner.row(y), role: .header); y += 1 }
            // Only as many rows as fit are collected; the count comes from the figures.
            let room = max(0, inner.height - y)
            let rows = Array((state.phaseSamples?[phase] ?? []).prefix(room))
            for i in 0..<rows.count {
                let spans: [Span]
                if i == room - 1 && count > room {
                    spans = [Span("+ \(count - i) " + g.ellipsis, .muted)]
                } else {
                    spans = [Format.light(glyphOnly: rows[i].light, g), Span(" " + rows[i].project.id + " ", .muted),
                             Span(rows[i].project.name)]
                }
                Table.draw(spans, in: inner.row(y + i), alignment: .left, on: &buffer, glyphs: g)
            }
        }
    }

    static func renderTensions(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let p = PhaseModelStrings.forLanguage(state.strings.language)
        let inner = Box(title: p.tensionsTitle).render(in: rect, on: &buffer, glyphs: state.glyphs)
        Document(lines: tensionLines(state, width: max(10, inner.width - 1)), offset: state.phaseModelScroll)
            .render(in: inner, on: &buffer, glyphs: state.glyphs)
    }

    /// The tension fields as document lines for `width` columns.
    static func tensionLines(_ state: AppState, width: Int) -> [[Span]] {
        let p = PhaseModelStrings.forLanguage(state.strings.language), language = state.strings.language
        guard let q = state.assessment.newest else { return [[Span(p.noQuestionnaire, .muted)]] }
        guard !q.tensions.isEmpty else { return [[Span(p.noTensions, .muted)]] }
        var out: [[Span]] = TextWrap.lines(p.tensionsIntro, width: width).map { [Span($0, .muted)] }
        let indent = "   ", inner = max(1, width - indent.count)
        func wrapped(_ text: String, _ role: Role) {
            out += TextWrap.lines(text, width: inner).map { [Span(indent + $0, role)] }
        }
        for (i, t) in q.tensions.enumerated() {
            out.append([])
            out.append([Span("\(i + 1)  " + t.name.text(language), .header)])
            wrapped(p.between(t.poleA.text(language), t.poleB.text(language)), .accent)
            wrapped(t.summary.text(language), .normal)
            var refs: [String] = []
            if !t.statements.isEmpty { refs.append(p.statements + ": " + t.statements.joined(separator: ", ")) }
            if !t.recommendations.isEmpty {
                let names = t.recommendations.map { r in
                    (q.dimension(r.dimension)?.name.text(language) ?? r.dimension) + "/"
                        + state.strings.phase(r.phase)
                }
                refs.append(p.recommendations + ": " + names.joined(separator: ", "))
            }
            wrapped(refs.joined(separator: " · "), .muted)
            wrapped(p.source + ": " + t.source, .muted)
        }
        return out
    }
}

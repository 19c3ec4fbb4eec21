import Foundation
import LotseDomain
import TermCanvas

/// One statement at a time, in large clear text, with its help, the scale, the workshop
/// answers and the entry line.
enum WizardView {
    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let a = state.assessment, t = state.strings.assess, g = state.glyphs
        guard let current = a.current, let q = a.questionnaire, let s = a.currentStatement else { return }
        let language = state.strings.language
        let title = "\(t.title) · \(AssessmentView.municipalityName(current.municipalityID, state)) · "
            + state.strings.formats.date(current.date)
        let inner = Box(title: title).render(in: content, on: &buffer, glyphs: g)
        guard inner.height >= 6 else { return }

        // Progress: the dimension with its own count, and the whole.
        let dimension = q.dimension(s.dimension)
        let inDimension = q.statements(in: s.dimension)
        let indexInDimension = (inDimension.firstIndex { $0.id == s.id } ?? 0) + 1
        let answeredInDimension = inDimension.filter { current.consensus[$0.id] != nil }.count
        let header = inner.row(0)
        let dimName = dimension?.name.text(language) ?? s.dimension
        let left = "\(dimName) \(indexInDimension)/\(inDimension.count)"
        buffer.put(line: left, in: header, role: .title, ellipsis: g.ellipsis)
        let gaugeWidth = min(20, max(0, header.width - DisplayWidth.of(left) - 40))
        if gaugeWidth > 4 {
            Gauge(ratio: Double(answeredInDimension) / Double(max(1, inDimension.count)))
                .render(in: Rect(x: header.x + DisplayWidth.of(left) + 2, y: header.y, width: gaugeWidth, height: 1),
                        on: &buffer, glyphs: g)
        }
        var right = t.statementOf(current.position + 1, q.statements.count)
        if let timer = timerText(state) { right += " · " + timer }
        buffer.put(line: right, in: header, role: .muted, alignment: .right, ellipsis: g.ellipsis)
        dimensionStrip(state, q, current, in: inner.row(1), into: &buffer)

        // The bottom block: scale, the answers (one line, or the figures and a grid of up to
        // twelve participants), consensus and note, entry line.
        let answers = answersLines(state, s, width: inner.width)
        let bottom = inner.maxY - 3 - max(1, answers.count)

        // The statement, large: wrapped narrower than the box, with air around it.
        let textWidth = min(inner.width - 4, 72)
        let textX = inner.x + (inner.width - textWidth) / 2
        let statementLines = TextWrap.lines(s.text.text(language), width: textWidth)
        let helpLines = a.showStatementHelp ? TextWrap.lines(s.help.text(language), width: textWidth) : []
        let block = statementLines.count + 3 + helpLines.count
        let room = bottom - inner.y - 3
        var y = inner.y + 3 + max(0, (room - block) / 3)
        for line in statementLines where y < bottom {
            buffer.put(line: line, in: Rect(x: textX, y: y, width: textWidth, height: 1), role: .title)
            y += 1
        }
        y += 1
        buffer.put(line: t.phaseEvidence(state.strings.phase(s.phase)) + " · " + s.source,
                   in: Rect(x: textX, y: y, width: textWidth, height: 1), role: .muted, ellipsis: g.ellipsis)
        y += 2
        if a.showStatementHelp {
            for line in helpLines where y < bottom - 1 {
                buffer.put(line: line, in: Rect(x: textX, y: y, width: textWidth, height: 1), role: .muted)
                y += 1
            }
        }

        scaleLine(q.scale, t, language, current.consensus[s.id], in: Rect(x: inner.x, y: bottom, width: inner.width, height: 1),
                  into: &buffer, g)
        for (i, line) in answers.enumerated() {
            Table.draw(line, in: Rect(x: inner.x, y: bottom + 1 + i, width: inner.width, height: 1), alignment: .left,
                       on: &buffer, glyphs: g)
        }
        var status: [Span] = []
        if let c = current.consensus[s.id] {
            status += [Span(t.consensus + ": ", .muted), Span(c.map { "\($0)" } ?? t.dontKnow, .accent)]
        } else {
            // Not reached yet: no answer at all, which is not "weiß nicht".
            status += [Span(t.consensus + ": ", .muted), Span(WorkshopStrings.forLanguage(language).notAnswered, .muted)]
        }
        if let n = current.notes[s.id] {
            status += [Span("   " + t.note + ": ", .muted), Span(n)]
        }
        Table.draw(status, in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1), alignment: .left,
                   on: &buffer, glyphs: g)
        entryLine(state, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), into: &buffer)
    }

    /// One group per dimension, one mark per statement: filled when it has a consensus, a
    /// diamond for the statement shown (never a light's shape), empty otherwise.
    static func dimensionStrip(_ state: AppState, _ q: Questionnaire, _ a: Assessment, in row: Rect, into buffer: inout Buffer) {
        var spans: [Span] = []
        let g = state.glyphs
        let currentStatement = state.assessment.currentStatement
        for d in q.dimensions {
            let items = q.statements(in: d.id)
            let done = items.filter { a.consensus[$0.id] != nil }.count
            let marks = items.map { $0.id == currentStatement?.id ? g.current : a.consensus[$0.id] != nil ? g.gaugeFull : g.gaugeEmpty }
            let role: Role = d.id == currentStatement?.dimension ? .selection : done == items.count ? .kpiGood : .muted
            spans.append(Span(marks.joined(), role))
            spans.append(Span(" "))
        }
        Table.draw(spans, in: row, alignment: .left, on: &buffer, glyphs: state.glyphs)
    }

    static func scaleLine(_ scale: Questionnaire.Scale, _ t: AssessmentStrings, _ language: Language, _ chosen: Int??,
                          in row: Rect, into buffer: inout Buffer, _ g: Glyphs) {
        var spans: [Span] = []
        let chosenValue: Int?? = chosen
        for v in scale.min...scale.max {
            let isChosen = chosenValue == .some(.some(v))
            spans += [Span(" \(v) ", isChosen ? .selection : .key), Span(" " + scale.label(v, language) + " ")]
        }
        spans += [Span(" 0 ", chosenValue == .some(.none) ? .selection : .key), Span(" " + scale.dontKnow.text(language))]
        let wide = spans.reduce(0) { $0 + $1.width } <= row.width
        if !wide {
            // Narrow screens: numbers only, labels at the ends.
            spans = (scale.min...scale.max).map { Span(" \($0) ", chosenValue == .some(.some($0)) ? .selection : .key) }
                + [Span(" 0 ", .key), Span(" \(scale.label(scale.min, language)) … \(scale.label(scale.max, language))", .muted)]
        }
        Table.draw(spans, in: row, alignment: .left, on: &buffer, glyphs: g)
    }

    /// Median, spread and the dissent flag first, so they are never cut off; then each
    /// participant's answer: on the same line while all fit (names shortened as far as they
    /// stay distinct), else in rows below (see `ParticipantGrid`). Empty without a workshop.
    static func answersLines(_ state: AppState, _ s: Questionnaire.Statement, width: Int) -> [[Span]] {
        guard state.assessment.isWorkshop, let a = state.assessment.current else { return [] }
        let t = state.strings.assess
        let given = a.responses[s.id] ?? [:]
        var figures: [Span] = []
        let stats = ResponseStats(state.responses(of: s.id))
        if let median = stats.median {
            figures += [Span("\(t.median) " + state.strings.formats.decimal(median, maxDigits: 1) + "  \(t.spread) \(stats.spread)",
                             .normal)]
            if stats.isDissent { figures += [Span("  " + state.glyphs.lightYellow + " " + t.dissent, .warning)] }
        }
        let separator = figures.isEmpty ? [] : [Span(" │ ", .border)]
        let beside = (figures + separator).reduce(0) { $0 + $1.width }
        let layout = ParticipantGrid.layout(a.participants, width: width, beside: beside)
        let cells: [[Span]] = zip(a.participants, layout.labels).map { p, label in
            let v = given[p]
            let value = v.map { $0.map(String.init) ?? "?" } ?? "·"
            return [Span((layout.inline ? label : DisplayWidth.pad(label, to: ParticipantGrid.cellWidth(layout.labels) - 4)) + " ",
                         .muted), Span(value, .normal), Span("  ")]
        }
        if layout.inline { return [figures + separator + cells.flatMap { $0 }] }
        var lines: [[Span]] = figures.isEmpty ? [] : [figures]
        for row in 0..<layout.rows {
            let slice = cells[(row * layout.columns)..<min(cells.count, (row + 1) * layout.columns)]
            lines.append(slice.flatMap { $0 })
        }
        return lines
    }

    static func entryLine(_ state: AppState, in row: Rect, into buffer: inout Buffer) {
        let a = state.assessment, t = state.strings.assess
        guard let entry = state.entry else {
            buffer.put(line: t.wizardHint, in: row, role: .muted, ellipsis: state.glyphs.ellipsis)
            return
        }
        let prompt: String
        switch entry.kind {
        case .responses: prompt = t.responsesPrompt(a.current?.participants ?? [])
        case .consensus: prompt = t.consensusPrompt
        case .note: prompt = t.notePrompt
        }
        buffer.fill(row, role: .selection)
        let promptWidth = min(DisplayWidth.of(prompt), row.width / 2)
        buffer.put(line: prompt, in: Rect(x: row.x, y: row.y, width: promptWidth, height: 1), role: .selection,
                   ellipsis: state.glyphs.ellipsis)
        let field = Rect(x: row.x + promptWidth, y: row.y, width: max(0, row.width - promptWidth - 1), height: 1)
        entry.editor.render(in: field, on: &buffer, role: .selection, ellipsis: state.glyphs.ellipsis)
    }

    /// "noch 7:42" for the time box, or nil without one.
    static func timerText(_ state: AppState) -> String? {
        let a = state.assessment
        guard let minutes = a.timeBoxMinutes, let start = a.dimensionStartedAt else { return nil }
        let left = Int((Double(minutes * 60) - state.now.timeIntervalSince(start)).rounded(.up))
        return left <= 0 ? state.strings.assess.timeUp : state.strings.assess.timeLeft(left / 60, left % 60)
    }

    /// The projector layout: the statement alone, large and centred; scale and entry below.
    static func renderPresenter(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        let a = state.assessment, t = state.strings.assess
        guard let current = a.current, let q = a.questionnaire, let s = a.currentStatement else { return }
        let language = state.strings.language
        let width = min(area.width - 4, max(20, area.width * 2 / 3))
        // Spread the words out: a blank cell between letters would hurt reading, so the
        // text is set with generous line spacing instead.
        let lines = TextWrap.lines(s.text.text(language), width: width)
        let blockHeight = lines.count * 2 - 1
        var y = max(1, (area.height - blockHeight) / 2 - 2)
        for line in lines where y < area.maxY - 4 {
            buffer.put(line: line, in: Rect(x: area.x + (area.width - width) / 2, y: y, width: width, height: 1),
                       role: .title, alignment: .center)
            y += 2
        }
        var corner = "\(current.position + 1)/\(q.statements.count)"
        if let timer = timerText(state) { corner += " · " + timer }
        buffer.put(line: corner, in: Rect(x: area.x, y: area.y, width: area.width - 1, height: 1), role: .muted, alignment: .right)
        scaleLine(q.scale, t, language, current.consensus[s.id],
                  in: Rect(x: area.x + 2, y: area.maxY - 3, width: area.width - 4, height: 1), into: &buffer, state.glyphs)
        if state.entry != nil {
            entryLine(state, in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), into: &buffer)
        }
    }
}

import Foundation
import LotseDomain
import TermCanvas

/// The Selbsteinschätzung screen: list, set-up form, wizard or result.
enum AssessmentView {
    static func municipalityName(_ id: String, _ state: AppState) -> String {
        state.municipalities?.first { $0.id == id }?.name ?? id
    }

    static func renderList(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let t = state.strings.assess, g = state.glyphs
        let inner = Box(title: "\(t.listTitle) · \(state.assessment.assessments.count)").render(in: content, on: &buffer, glyphs: g)
        let sorted = state.assessment.sortedAssessments
        guard !sorted.isEmpty else {
            buffer.put(line: t.noAssessments, in: inner.row(0), role: .muted, ellipsis: g.ellipsis)
            return
        }
        let columns = [
            TableColumn(t.colDate, width: 11),
            TableColumn(t.colMunicipality, width: 16, flexible: true),
            TableColumn(t.colFacilitator, width: 12, priority: 3),
            TableColumn(t.colParticipants, width: 12, priority: 2),
            TableColumn(t.colProgress, width: 9, alignment: .right, priority: 1),
            TableColumn(t.colResult, width: 26, priority: 0),
        ]
        let total = state.assessment.statements.count
        let rows: [[[Span]]] = sorted.map { a in
            let answered = a.consensus.count
            let result: [Span]
            if a.completed, let q = state.assessment.questionnaire {
                result = ResultView.headline(Placement(questionnaire: q, answers: a.scoringAnswers), state)
            } else {
                result = [Span(t.inProgress, .warning)]
            }
            return [
                [Span(state.strings.formats.date(a.date))],
                [Span(municipalityName(a.municipalityID, state))],
                [Span(a.facilitator, .muted)],
                [Span(a.participants.isEmpty ? "–" : "\(a.participants.count)")],
                [Span("\(answered)/\(total)")],
                result,
            ]
        }
        let visible = max(0, inner.height - 1)
        let offset = Table.scrollOffset(selected: state.assessment.list.selected, offset: state.assessment.list.offset,
                                        visibleRows: visible, rowCount: rows.count)
        Table(columns: columns, rows: Array(rows[offset..<min(rows.count, offset + visible)]),
              selected: state.assessment.list.selected - offset).render(in: inner, on: &buffer, glyphs: g)
    }

    static func renderSetup(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        guard let form = state.setup else { return }
        let t = state.strings.assess, g = state.glyphs
        // Each field takes a label line, an input line and a blank line; the hint has the
        // last line to itself, so it never covers a field.
        let needed = 2 + 1 + t.setupLabels.count * 3 + 1
        let box = content.centered(Size(width: min(content.width, 76), height: min(content.height, needed)))
        let inner = Box(title: t.setupTitle).render(in: box, on: &buffer, glyphs: g)
        for (i, label) in t.setupLabels.enumerated() {
            let y = 1 + i * 3
            guard y + 1 < inner.height - 1 else { break }
            buffer.put(line: label, in: inner.row(y), role: .muted, ellipsis: g.ellipsis)
            let active = form.focus == i
            let field = Rect(x: inner.x, y: inner.y + y + 1, width: inner.width, height: 1)
            buffer.fill(field, role: active ? .selection : .header)
            let text = Rect(x: field.x + 1, y: field.y, width: max(0, field.width - 2), height: 1)
            if active {
                form.editor.render(in: text, on: &buffer, role: .selection, ellipsis: g.ellipsis)
            } else {
                buffer.put(line: form.fields[i], in: text, role: .header, ellipsis: g.ellipsis)
            }
        }
        buffer.put(line: t.setupHint, in: inner.row(inner.height - 1), role: .muted, alignment: .center, ellipsis: g.ellipsis)
    }
}

import Foundation
import LotseDomain
import TermCanvas

/// The continuation form: the transfer-phase questions under their three steps, the
/// decision and its financing, one field per line (answers over several lines), the problem
/// of a field right next to it, the focused field always in view. The earlier versions are
/// listed beside the form on a wide screen and under it on a narrow one.
enum ContinuationFormView {
    static func render(_ state: AppState, _ f: ContinuationFormState, in content: Rect, into buffer: inout Buffer) {
        let s = state.strings, t = s.continuationForm, g = state.glyphs
        var title = "\(t.title) · \(f.project.id) \(f.project.name)"
        if let base = f.expecting { title += " · " + t.revising(base) }
        let inner = Box(title: title, role: .accent).render(in: content, on: &buffer, glyphs: g)
        guard inner.height >= 3 else { return }
        // A wide screen shows the history in a column of its own.
        let side = inner.width >= 110 ? min(44, inner.width / 3) : 0
        let formArea = Rect(x: inner.x, y: inner.y, width: inner.width - (side > 0 ? side + 1 : 0), height: inner.height)
        let historyLines = Self.history(state, f, width: side > 0 ? side : formArea.width)

        let longest = f.fields.map { DisplayWidth.of(t.label($0)) }.max() ?? 10
        let labelWidth = min(max(12, longest + 3), max(12, formArea.width / 3))
        let inputWidth = max(4, formArea.width - labelWidth - 1)
        let longLines = inner.height >= 34 ? 2 : 1

        var lines: [[Span]] = []
        var focusEnd = 0
        var cursor: (line: Int, column: Int)?
        // The three steps of the transfer phase as headings, where the height has room for them;
        // a short screen keeps the room for the history under the form.
        let steps: [ContinuationField: String] = inner.height < 30 ? [:] : [
            .question(.goal): t.stepReflect, .question(.planAndResources): t.stepEvaluate,
            .question(.reuse): t.stepLookAcross, .decision: t.stepDecide,
        ]
        let problemIndent = Span(String(repeating: " ", count: labelWidth - 1))
        /// A line with its problem beside it, or the problem on a line of its own when it does not fit.
        func add(_ line: [Span], _ problem: [Span]) {
            let width = (line + problem).reduce(0) { $0 + DisplayWidth.of($1.text) }
            if width <= formArea.width {
                lines.append(line + problem)
            } else {
                lines.append(line)
                lines.append([problemIndent] + problem)
            }
        }
        for (i, field) in f.fields.enumerated() {
            if let step = steps[field] { lines.append([Span(step, .title)]) }
            let focused = i == f.focus
            let label = (focused ? g.selectionMark + " " : "  ") + DisplayWidth.pad(t.label(field), to: labelWidth - 2) + " "
            let labelSpan = Span(label, focused ? .title : .muted)
            let problem = f.problems[field].map {
                [Span("  " + g.lightRed + " " + t.problem($0, field: field, s.formats), .warning)]
            } ?? []
            switch field {
            case .decision:
                var choice: [Span] = []
                let all = ContinuationDecision.allCases
                // Narrow: only the chosen decision with arrows; wide: every decision, the chosen one marked.
                let every = all.map { " " + t.decision($0) + " " }.joined()
                if DisplayWidth.of(every) <= inputWidth {
                    for d in all {
                        let chosen = f.draft.decision == d
                        choice.append(Span(chosen ? "[" + t.decision(d) + "]" : " " + t.decision(d) + " ",
                                           chosen ? (focused ? .selection : .header) : .muted))
                    }
                } else {
                    choice.append(Span("‹ " + t.decision(f.draft.decision) + " ›", focused ? .selection : .header))
                }
                add([labelSpan] + choice, problem)
            case .basicComponent:
                let yes = f.draft.basicComponent
                add([labelSpan,
                     Span(yes ? "[" + t.yes + "]" : " " + t.yes + " ", yes ? (focused ? .selection : .header) : .muted),
                     Span(!yes ? "[" + t.no + "]" : " " + t.no + " ", !yes ? (focused ? .selection : .header) : .muted)],
                    problem)
            case .question:
                var wrapped: [String]
                if focused {
                    let w = f.focusedEditor.wrapped(width: inputWidth)
                    let first = max(0, min(w.cursorLine - longLines + 1, w.lines.count - longLines))
                    wrapped = Array(w.lines.dropFirst(first).prefix(longLines))
                    cursor = (lines.count + w.cursorLine - first, labelWidth + 1 + w.cursorColumn)
                } else {
                    wrapped = Array(TextWrap.lines(f.text(field), width: inputWidth).prefix(longLines))
                }
                while wrapped.count < longLines { wrapped.append("") }
                for (k, w) in wrapped.enumerated() {
                    lines.append([k == 0 ? labelSpan : Span(String(repeating: " ", count: labelWidth + 1)),
                                  Span(DisplayWidth.pad(w, to: inputWidth), focused ? .selection : .header)])
                }
                if !problem.isEmpty { lines.append([problemIndent] + problem) }
            default:
                let fieldWidth = min(inputWidth, field == .followUpSource || field == .decidedBy ? 30 : 16)
                var shown = f.text(field)
                if focused {
                    let v = f.focusedEditor.visible(width: fieldWidth, ellipsis: g.ellipsis)
                    shown = v.text
                    cursor = (lines.count, labelWidth + 1 + v.cursorColumn)
                }
                add([labelSpan, Span(DisplayWidth.pad(DisplayWidth.truncate(shown, to: fieldWidth, ellipsis: g.ellipsis),
                                                      to: fieldWidth), focused ? .selection : .header)], problem)
            }
            if focused { focusEnd = lines.count }
        }
        if side == 0 {
            if inner.height >= 30 { lines.append([]) }
            lines += historyLines.map { [$0] }
        }

        let room = inner.height - 1
        let start = focusEnd > room ? focusEnd - room : 0
        for (i, line) in lines.dropFirst(start).prefix(room).enumerated() {
            Table.draw(line, in: formArea.row(i), alignment: .left, on: &buffer, glyphs: g)
        }
        if let cursor, cursor.line >= start, cursor.line < start + room, cursor.column < formArea.width {
            buffer.cursor = Point(x: formArea.x + cursor.column, y: formArea.y + cursor.line - start)
        }
        if side > 0 {
            let column = Rect(x: formArea.maxX + 2, y: inner.y, width: side - 1, height: room)
            for (i, span) in historyLines.prefix(room).enumerated() {
                Table.draw([span], in: column.row(i), alignment: .left, on: &buffer, glyphs: g)
            }
        }
        buffer.put(line: t.hint, in: inner.row(inner.height - 1), role: .muted, ellipsis: g.ellipsis)
    }

    /// The earlier versions, newest first: revision, decision, who decided when, who submitted.
    static func history(_ state: AppState, _ f: ContinuationFormState, width: Int) -> [Span] {
        let s = state.strings, t = s.continuationForm
        var out = [Span(t.historyTitle, .title)]
        guard !f.history.isEmpty else { return out + [Span(t.noHistory, .muted)] }
        for h in f.history {
            let r = h.review
            let decided = r.decidedOn.map { t.decidedByOn(r.decidedBy.isEmpty ? "–" : r.decidedBy, s.formats.date($0)) }
                ?? (r.decidedBy.isEmpty ? "–" : r.decidedBy)
            let text = t.historyEntry(h.version.revision, t.decision(r.decision), decided, h.version.changedBy)
            for (k, line) in TextWrap.lines(text, width: max(8, width - 2)).enumerated() {
                out.append(Span((k == 0 ? "" : "  ") + line, k == 0 && h == f.history.first ? .header : .muted))
            }
        }
        return out
    }
}

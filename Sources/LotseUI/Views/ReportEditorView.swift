import LotseDomain
import TermCanvas

/// The status-report form: one field per line (texts over several lines), the problem of
/// a field right next to it, the focused field always in view.
enum ReportEditorView {
    static func render(_ state: AppState, _ e: ReportEditorState, in content: Rect, into buffer: inout Buffer) {
        let s = state.strings, t = s.report, g = state.glyphs
        let name = state.projectIndex?.portfolio.projects.first { $0.id == e.draft.projectID }?.name ?? ""
        var title = "\(t.title) \(s.formats.month(e.draft.month)) · \(e.draft.projectID) \(name)"
        if e.baseVersion != nil { title += " · " + t.correcting }
        let inner = Box(title: title, role: .accent).render(in: content, on: &buffer, glyphs: g)
        guard inner.height >= 3 else { return }
        // Labels as wide as the longest (KPI names carry their unit), but never more than
        // a third of the form, so the inputs keep their room.
        let longest = e.fields.map { DisplayWidth.of(t.label($0, kpis: e.kpis)) }.max() ?? 10
        let labelWidth = min(max(12, longest + 3), max(12, inner.width / 3))
        let inputWidth = max(4, inner.width - labelWidth - 1)
        let longLines = inner.height >= 30 ? 3 : inner.height >= 20 ? 2 : 1

        // Lay out every field as a block of lines, then scroll so the focus shows.
        var blocks: [(field: ReportField, lines: [[Span]])] = []
        // Where the focused text field's cursor is: its line in `blocks` and its column.
        var cursor: (line: Int, column: Int)?
        for (i, f) in e.fields.enumerated() {
            let focused = i == e.focus
            let firstLine = blocks.reduce(0) { $0 + $1.lines.count }
            var lines: [[Span]] = []
            // The focus shows as a mark too, not only as colour.
            let label = (focused ? g.selectionMark + " " : "  ")
                + DisplayWidth.pad(t.label(f, kpis: e.kpis), to: labelWidth - 2) + " "
            let labelSpan = Span(label, focused ? .title : .muted)
            let problem = e.problems[f].map { [Span("  " + g.lightRed + " " + t.problem($0, s.formats), .warning)] } ?? []
            if ReportEditorState.isLight(f) {
                var choice: [Span] = []
                for l in Light.allCases {
                    let chosen = e.light(f) == l
                    let text = Format.glyph(l, g) + " " + s.light(l)
                    choice.append(Span(chosen ? "[" + text + "]" : " " + text + " ",
                                       chosen ? (focused ? .selection : Format.role(l)) : .muted))
                }
                lines.append([labelSpan] + choice + problem)
            } else if ReportEditorState.isLongText(f) {
                var wrapped: [String]
                if focused {
                    // Broken at any character while typing, so the cursor's place is exact;
                    // the lines around the cursor show.
                    let w = e.focusedEditor.wrapped(width: inputWidth)
                    let first = max(0, min(w.cursorLine - longLines + 1, w.lines.count - longLines))
                    wrapped = Array(w.lines.dropFirst(first).prefix(longLines))
                    cursor = (firstLine + w.cursorLine - first, labelWidth + 1 + w.cursorColumn)
                } else {
                    wrapped = Array(TextWrap.lines(e.text(f), width: inputWidth).prefix(longLines))
                }
                while wrapped.count < longLines { wrapped.append("") }
                for (k, w) in wrapped.enumerated() {
                    let pad = DisplayWidth.pad(w, to: inputWidth)
                    lines.append([k == 0 ? labelSpan : Span(String(repeating: " ", count: labelWidth + 1)),
                                  Span(pad, focused ? .selection : .header)])
                }
                if !problem.isEmpty { lines.append([Span(String(repeating: " ", count: labelWidth - 1))] + problem) }
            } else {
                let fieldWidth = min(inputWidth, 18)
                var shown = e.text(f)
                if focused {
                    let v = e.focusedEditor.visible(width: fieldWidth, ellipsis: g.ellipsis)
                    shown = v.text
                    cursor = (firstLine, labelWidth + 1 + v.cursorColumn)
                }
                var line = [labelSpan, Span(DisplayWidth.pad(DisplayWidth.truncate(shown, to: fieldWidth, ellipsis: g.ellipsis),
                                                             to: fieldWidth),
                                            focused ? .selection : .header)]
                if case .progress = f, let p = e.previous { line.append(Span("  " + t.lastMonth(s.formats.percent(p.progress)), .muted)) }
                if case .reading(let id) = f, let k = e.kpis.first(where: { $0.id == id }) {
                    // The unit beside the value it measures, then the target.
                    line.append(Span("  " + k.unit + " · " + t.target + " " + s.formats.decimal(k.target),
                                     .muted))
                }
                lines.append(line + problem)
            }
            blocks.append((f, lines))
        }
        let hintRow = inner.row(inner.height - 1)
        let room = inner.height - 1
        var start = 0
        let focusEnd = blocks.prefix(e.focus + 1).reduce(0) { $0 + $1.lines.count }
        if focusEnd > room { start = focusEnd - room }
        let all = blocks.flatMap(\.lines)
        for (i, line) in all.dropFirst(start).prefix(room).enumerated() {
            Table.draw(line, in: inner.row(i), alignment: .left, on: &buffer, glyphs: g)
        }
        if let cursor, cursor.line >= start, cursor.line < start + room, cursor.column < inner.width {
            buffer.cursor = Point(x: inner.x + cursor.column, y: inner.y + cursor.line - start)
        }
        buffer.put(line: t.hint, in: hintRow, role: .muted, ellipsis: g.ellipsis)
    }
}


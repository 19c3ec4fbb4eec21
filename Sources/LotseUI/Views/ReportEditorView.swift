import LotseDomain
import TermCanvas

/// The status-report form: one field per line (texts over several lines), the problem of
/// a field right next to it, the focused field always in view.
enum ReportEditorView {
    static func render(_ state: AppState, _ e: ReportEditorState, in content: Rect, into buffer: inout Buffer) {
        let s = state.strings, t = s.report, g = state.glyphs
        let name = state.projectIndex?.portfolio.projects.first { $0.id == e.draft.projectID }?.name ?? ""
        var title = "\(t.title) \(e.draft.month.shortGerman) · \(e.draft.projectID) \(name)"
        if e.baseVersion != nil { title += " · " + t.correcting }
        let inner = Box(title: title, role: .accent).render(in: content, on: &buffer, glyphs: g)
        guard inner.height >= 3 else { return }
        let labelWidth = min(22, max(12, inner.width / 4))
        let inputWidth = max(4, inner.width - labelWidth - 1)
        let longLines = inner.height >= 30 ? 3 : inner.height >= 20 ? 2 : 1

        // Lay out every field as a block of lines, then scroll so the focus shows.
        var blocks: [(field: ReportField, lines: [[Span]])] = []
        for (i, f) in e.fields.enumerated() {
            let focused = i == e.focus
            var lines: [[Span]] = []
            // The focus shows as a mark too, not only as colour.
            let label = (focused ? g.selectionMark + " " : "  ")
                + DisplayWidth.pad(t.label(f, kpis: e.kpis), to: labelWidth - 2) + " "
            let labelSpan = Span(label, focused ? .title : .muted)
            let problem = e.problems[f].map { [Span("  " + g.lightRed + " " + t.problem($0), .warning)] } ?? []
            if ReportEditorState.isLight(f) {
                var choice: [Span] = []
                for l in Light.allCases {
                    let chosen = e.light(f) == l
                    let text = Format.glyph(l, g) + " " + s.light(l)
                    choice.append(Span(chosen ? "[" + text + "]" : " " + text + " ",
                                       chosen ? (focused ? .selection : Format.role(l)) : .muted))
                }
                lines.append([labelSpan] + choice + problem)
            } else if ReportEditorState.isLong(f) {
                let text = e.text(f) + (focused ? "▏" : "")
                var wrapped = TextWrap.lines(text, width: inputWidth)
                if focused, wrapped.count > longLines { wrapped = Array(wrapped.suffix(longLines)) }
                wrapped = Array(wrapped.prefix(longLines))
                while wrapped.count < longLines { wrapped.append("") }
                for (k, w) in wrapped.enumerated() {
                    let pad = DisplayWidth.pad(w, to: inputWidth)
                    lines.append([k == 0 ? labelSpan : Span(String(repeating: " ", count: labelWidth + 1)),
                                  Span(pad, focused ? .selection : .header)])
                }
                if !problem.isEmpty { lines.append([Span(String(repeating: " ", count: labelWidth - 1))] + problem) }
            } else {
                let fieldWidth = min(inputWidth, 18)
                let text = e.text(f) + (focused ? "▏" : "")
                var line = [labelSpan, Span(DisplayWidth.pad(String(text.suffix(fieldWidth)), to: fieldWidth),
                                            focused ? .selection : .header)]
                if case .progress = f, let p = e.previous { line.append(Span("  " + t.lastMonth(p.progress), .muted)) }
                if case .reading(let id) = f, let k = e.kpis.first(where: { $0.id == id }) {
                    line.append(Span("  " + (s.language == .german ? "Ziel " : "target ") + "\(k.target)", .muted))
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
        buffer.put(line: t.hint, in: hintRow, role: .muted, ellipsis: g.ellipsis)
    }
}

extension ReportEditorState {
    static func isLong(_ f: ReportField) -> Bool { isLongText(f) }
}

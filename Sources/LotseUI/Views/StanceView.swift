import LotseDomain
import TermCanvas

/// The tension-field dialog: per field its name, the poles as the ends of a five-point
/// scale, the group's point on it (readable without colour: a filled mark among empty
/// ones) and the note.
enum StanceView {
    static func render(_ app: AppState, _ form: StanceFormState, in area: Rect, into buffer: inout Buffer) {
        guard let current = app.assessment.current, let q = app.assessment.questionnaire else { return }
        let t = StanceStrings.forLanguage(app.strings.language), language = app.strings.language
        let g = app.glyphs
        let width = min(area.width, 90)
        guard width >= 12, area.height >= 5 else { return }
        let textWidth = width - 4
        var lines: [[Span]] = TextWrap.lines(current.completed ? t.readOnly : t.intro, width: textWidth)
            .map { [Span($0, current.completed ? .warning : .muted)] }
        lines.append([])
        var selectedRange = 0..<0
        for (i, tension) in q.tensions.enumerated() {
            let start = lines.count
            let stance = current.stances[tension.id] ?? TensionStance()
            let chosen = i == form.selected
            let mark = chosen ? g.selectionMark + " " : "  "
            let status = stance.position.map { t.position($0, TensionStance.positions.upperBound) } ?? t.open
            lines.append([Span(mark, .key), Span(tension.name.text(language), chosen ? .selection : .header),
                          Span("  " + status, stance.position == nil ? .muted : .accent)])
            for line in TextWrap.lines(t.poles(tension.poleA.text(language), tension.poleB.text(language)),
                                       width: textWidth - 4) {
                lines.append([Span("    " + line, .muted)])
            }
            lines.append([Span("    ")] + scale(stance.position, g))
            if chosen, let editor = form.note {
                lines.append([Span("    " + t.noteEditing, .key)])
                lines.append([Span("    ")] + [Span(editor.text, .selection)])
            } else if !stance.note.isEmpty {
                for (j, line) in TextWrap.lines(t.notePrefix + stance.note, width: textWidth - 4).enumerated() {
                    lines.append([Span(j == 0 ? "    " : "      "), Span(line)])
                }
            }
            if chosen { selectedRange = start..<lines.count }
            lines.append([])
        }
        if lines.last == [] { lines.removeLast() }

        let height = min(area.height, lines.count + 2)
        let box = area.centered(Size(width: width, height: height))
        buffer.fill(box)
        let inner = Box(title: t.title).render(in: box, on: &buffer, glyphs: g)
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        guard body.height > 0 else { return }
        // Scroll so the selected field is whole on screen (its top first when it is taller).
        var offset = 0
        if selectedRange.upperBound > body.height { offset = selectedRange.upperBound - body.height }
        offset = min(offset, selectedRange.lowerBound)
        for (row, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            buffer.put(spans: line, x: body.x, y: body.y + row, clip: body.row(row))
        }
        // The cursor of the note being typed.
        if let editor = form.note, let noteRow = lines.dropFirst(offset).prefix(body.height).lastIndex(where: { line in
            line.count == 2 && line[1].role == .selection
        }) {
            let row = noteRow - offset
            let field = Rect(x: body.x + 4, y: body.y + row, width: max(0, body.width - 4), height: 1)
            buffer.fill(field)
            _ = editor.render(in: field, on: &buffer, role: .selection, ellipsis: g.ellipsis)
        }
    }

    /// "1 ○───○───◆───○───○ 5": the chosen point as the current-item mark, the others empty.
    static func scale(_ position: Int?, _ g: Glyphs) -> [Span] {
        var out = [Span("1 ", .muted)]
        for p in TensionStance.positions {
            if p > TensionStance.positions.lowerBound { out.append(Span(String(repeating: g.horizontal, count: 3), .muted)) }
            out.append(p == position ? Span(g.current, .accent) : Span(g.lightNone, .muted))
        }
        out.append(Span(" 5", .muted))
        return out
    }
}

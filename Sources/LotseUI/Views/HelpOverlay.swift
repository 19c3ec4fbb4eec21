import TermCanvas

/// The `?` overlay: every key of the current screen, generated from the key map.
enum HelpOverlay {
    static func render(_ state: AppState, in area: Rect, into buffer: inout Buffer) {
        let s = state.strings
        var lines: [(String, String)] = []
        // The keys of what lies under the help.
        var below = state
        below.closeModal(.help)
        for binding in below.listedBindings {
            let text = binding.describe(s)
            // Bindings sharing a description (↑/↓) merge into one line.
            if let i = lines.firstIndex(where: { $0.1 == text }) {
                lines[i].0 += " " + binding.label
            } else {
                lines.append((binding.label, text))
            }
        }
        // On the overview, what its panels' figures mean, under the keys.
        var notes: [String] = []
        if below.topModal == nil, below.route == .overview, !below.radarListOpen {
            notes = OverviewScreen.helpNotes(below)
        }
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = lines.map { DisplayWidth.of($0.1) }.max() ?? 0
        let width = min(area.width, max(keyWidth + textWidth + 7, DisplayWidth.of(s.helpFooter) + 4))
        let noteWidth = max(20, width - 4)
        let noteLines: [(String, Role)] = notes.enumerated().flatMap { i, note in
            [("", Role.normal)] + TextWrap.lines(note, width: noteWidth).map { ($0, i == 0 ? Role.header : Role.normal) }
        }
        let height = min(area.height, lines.count + noteLines.count + 4)
        let box = area.centered(Size(width: width, height: height))
        let title = "\(s.helpTitle): " + (below.topModal.map { Screens.module(for: $0.kind).helpTitle(below) }
            ?? Screens.module(for: below.route).helpTitle(below))
        let inner = Box(title: title, role: .accent).render(in: box, on: &buffer, glyphs: state.glyphs)
        for (i, line) in lines.enumerated() where i < inner.height - 1 {
            let y = inner.y + i
            buffer.put(line: line.0, in: Rect(x: inner.x + 1, y: y, width: keyWidth, height: 1), role: .key)
            buffer.put(line: line.1, in: Rect(x: inner.x + keyWidth + 3, y: y,
                                              width: inner.width - keyWidth - 3, height: 1),
                       ellipsis: state.glyphs.ellipsis)
        }
        for (j, note) in noteLines.enumerated() where lines.count + j < inner.height - 1 {
            buffer.put(line: note.0, in: inner.row(lines.count + j).inset(left: 1, right: 1), role: note.1,
                       ellipsis: state.glyphs.ellipsis)
        }
        buffer.put(line: s.helpFooter, in: inner.row(inner.height - 1), role: .muted, alignment: .center)
    }
}

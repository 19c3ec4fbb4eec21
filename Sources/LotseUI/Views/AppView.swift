import LotseDomain
import TermCanvas

/// Draws the whole screen for a state: tab bar, the current screen, status bar, overlays.
public enum AppView {
    /// Below this size the screen shows a notice instead of a squeezed layout.
    public static let minimumSize = ScreenLayout.minimumSize

    /// `background` fills the buffer before drawing; tests pass a marker character to
    /// find cells that no widget drew. The route's screen draws first, then every modal
    /// over it, the one on top last.
    public static func render(_ state: AppState, background: Cell = .blank) -> Buffer {
        var buffer = Buffer(size: state.size, fill: background)
        let layout = state.layout
        guard !layout.isTooSmall else {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        if state.route == .wizard && state.assessment.presenter {
            // The projector: the statement alone on the whole screen, help over it.
            WizardScreen.render(state, layout: layout, into: &buffer)
            if state.showHelp { HelpModal.render(state, layout: layout, into: &buffer) }
            return buffer
        }
        buffer.fill(layout.content)
        renderTabBar(state, in: layout.tabBar, into: &buffer)
        if !state.isLoaded {
            buffer.put(line: state.strings.loading, in: layout.content.centered(Size(width: layout.content.width, height: 1)),
                       role: .muted, alignment: .center)
        } else if state.isEmptyDatabase {
            renderEmpty(state, in: layout.content, into: &buffer)
        } else {
            Screens.module(for: state.route).render(state, layout, &buffer)
        }
        renderFooter(state, in: layout.footer, into: &buffer)
        for modal in state.modals where state.isLoaded {
            Screens.module(for: modal.kind).render(state, layout, &buffer)
        }
        return buffer
    }

    static func renderTooSmall(_ state: AppState, into buffer: inout Buffer) {
        let area = buffer.area
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let lines = TextWrap.lines(state.strings.tooSmall(minimumSize), width: area.width)
        let top = max(0, (area.height - lines.count) / 2)
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.put(line: line, in: Rect(x: 0, y: top + i, width: area.width, height: 1),
                       role: .warning, alignment: .center, ellipsis: state.glyphs.ellipsis)
        }
    }

    /// The tab labels with their start column and width, shared by drawing and mouse.
    static func tabs(_ state: AppState) -> [(screen: Screen, x: Int, label: String)] {
        var x = DisplayWidth.of(" \(state.strings.appName) ") + 1
        return Screen.allCases.map { screen in
            let label = " \(screen.rawValue) \(screen.title(state.strings)) "
            defer { x += DisplayWidth.of(label) + 1 }
            return (screen, x, label)
        }
    }

    static func tab(atColumn column: Int, state: AppState) -> Screen? {
        tabs(state).first { column >= $0.x && column < $0.x + DisplayWidth.of($0.label) }?.screen
    }

    static func renderTabBar(_ state: AppState, in row: Rect, into buffer: inout Buffer) {
        buffer.fill(row, role: .tabInactive)
        buffer.put(" \(state.strings.appName) ", x: row.x, y: row.y, role: .title, clip: row)
        for tab in tabs(state) {
            buffer.put(tab.label, x: tab.x, y: row.y,
                       role: tab.screen == state.screen ? .tabActive : .tabInactive, clip: row)
        }
        // The month always shows in full; the municipality's name gives way first.
        let earlier = state.showsEarlierMonth ? " (" + MonthStrings.forLanguage(state.strings.language).earlierMark + ")" : ""
        let month = " \(state.strings.asOf) \(state.strings.formats.month(state.month))\(earlier) "
        let used = (tabs(state).last.map { $0.x + DisplayWidth.of($0.label) } ?? 0) + 1
        let space = row.width - used
        guard space >= DisplayWidth.of(month) else { return }
        var right = month
        let nameRoom = space - DisplayWidth.of(month) - 2
        if let main = state.mainMunicipality?.name, nameRoom >= 6 {
            right = municipalityTitle(main, state, room: nameRoom) + " ·" + month
        }
        buffer.put(line: right, in: Rect(x: used, y: row.y, width: space, height: 1),
                   role: .tabInactive, alignment: .right, ellipsis: state.glyphs.ellipsis)
    }

    /// The largest municipality and how many more there are, in `room` cells: the long
    /// addition ("+ 1 weitere Kommune"), else the short one ("+ 1 Kommune"), then the name
    /// is cut, and only then the addition.
    static func municipalityTitle(_ main: String, _ state: AppState, room: Int) -> String {
        let others = state.municipalityCount - 1
        let f = state.strings.footer
        let long = others > 0 ? " " + f.moreMunicipalities(others) : ""
        let short = others > 0 ? " " + f.moreMunicipalitiesShort(others) : ""
        for more in [long, short] where DisplayWidth.of(main + more) <= room {
            return main + more
        }
        if DisplayWidth.of(short) + 6 <= room {
            return DisplayWidth.truncate(main, to: room - DisplayWidth.of(short), ellipsis: state.glyphs.ellipsis) + short
        }
        return DisplayWidth.truncate(main + short, to: room, ellipsis: state.glyphs.ellipsis)
    }

    /// The footer: the main keys of what has the keys now (from its bindings, so it never
    /// offers a key that does nothing), then a notice or the position in the table.
    static func renderFooter(_ state: AppState, in row: Rect, into buffer: inout Buffer) {
        buffer.fill(row, role: .statusBar)
        let s = state.strings
        var spans: [Span] = []
        var seen = Set<String>()
        for b in state.listedBindings {
            guard let word = b.footer?(s) else { continue }
            let key = b.label.split(separator: " ").first.map(String.init) ?? b.label
            guard seen.insert(key + word).inserted else { continue }
            spans += [Span(" \(key) ", .key), Span(" \(word) ", .statusBar)]
        }
        // Help first, so the way to every other key is always shown.
        if let help = spans.indices.first(where: { $0 % 2 == 0 && spans[$0].text == " ? " }) {
            spans = Array(spans[help...(help + 1)]) + spans[..<help] + spans[(help + 2)...]
        }
        var right: String
        if let notice = state.notice {
            right = notice
        } else if state.route == .portfolio, state.modals.isEmpty, state.rowCount > 0 {
            right = s.rowPosition(state.table.selected + 1, state.rowCount) + " · " + state.sourceLabel
        } else {
            right = state.sourceLabel
        }
        // An earlier month is always said, also where the tab bar has no room for the month.
        if state.notice == nil, state.showsEarlierMonth, GlobalKeys.stepsMonths(state.route) {
            right = "\(s.asOf) \(s.formats.month(state.month)) (\(MonthStrings.forLanguage(s.language).earlierMark)) · " + right
        }
        // The notice or the place in the table keeps its room; the keys take the rest,
        // whole pairs from the start (the help names them all).
        let rightWidth = min(row.width, DisplayWidth.of(right) + 1)
        let used = buffer.put(spans: fitting(spans, width: row.width - rightWidth - 1), x: row.x, y: row.y, clip: row)
        let rest = Rect(x: row.x + used, y: row.y, width: max(0, row.width - used - 1), height: 1)
        buffer.put(line: right, in: rest, role: state.notice != nil ? .warning : .statusBar, alignment: .right,
                   ellipsis: state.glyphs.ellipsis)
    }

    /// Whole key-and-word pairs from the start, as many as fit `width`.
    static func fitting(_ spans: [Span], width: Int) -> [Span] {
        var out: [Span] = []
        var used = 0
        var i = 0
        while i + 1 < spans.count {
            let w = DisplayWidth.of(spans[i].text) + DisplayWidth.of(spans[i + 1].text)
            guard used + w <= width else { break }
            out += [spans[i], spans[i + 1]]
            used += w
            i += 2
        }
        return out
    }

    static func renderEmpty(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let s = state.strings
        let box = rect.centered(Size(width: min(rect.width, 64), height: 6))
        let inner = Box(title: s.appName).render(in: box, on: &buffer, glyphs: state.glyphs)
        buffer.put(line: s.emptyDatabase, in: inner.row(1), role: .title, alignment: .center)
        buffer.put(line: s.loadSampleHint, in: inner.row(2), alignment: .center, ellipsis: state.glyphs.ellipsis)
    }
}

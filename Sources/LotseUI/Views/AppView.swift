import LotseDomain
import TermCanvas

/// Draws the whole screen for a state: tab bar, the current screen, status bar, overlays.
public enum AppView {
    /// Below this size the screen shows a notice instead of a squeezed layout.
    public static let minimumSize = Size(width: 60, height: 15)

    /// `background` fills the buffer before drawing; tests pass a marker character to
    /// find cells that no widget drew.
    public static func render(_ state: AppState, background: Cell = .blank) -> Buffer {
        var buffer = Buffer(size: state.size, fill: background)
        let size = state.size
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        let area = buffer.area
        if state.screen == .assessment && state.assessment.mode == .wizard && state.assessment.presenter {
            buffer.fill(area)
            WizardView.renderPresenter(state, in: area, into: &buffer)
            if state.showHelp { HelpOverlay.render(state, in: area, into: &buffer) }
            return buffer
        }
        buffer.fill(Rect(x: 0, y: 1, width: area.width, height: area.height - 2))
        renderTabBar(state, in: area.row(0), into: &buffer)
        let content = Rect(x: 0, y: 1, width: area.width, height: area.height - 2)
        if state.isLoaded {
            if state.isEmptyDatabase {
                renderEmpty(state, in: content, into: &buffer)
            } else {
                switch state.screen {
                case .overview: OverviewView.render(state, in: content, into: &buffer)
                case .portfolio: PortfolioView.render(state, in: content, into: &buffer)
                case .assessment: AssessmentView.render(state, in: content, into: &buffer)
                case .phaseModel: PhaseModelView.render(state, in: content, into: &buffer)
                }
            }
        } else {
            buffer.put(line: state.strings.loading, in: content.centered(Size(width: content.width, height: 1)),
                       role: .muted, alignment: .center)
        }
        renderStatusBar(state, in: area.row(area.height - 1), into: &buffer)
        if state.showHelp { HelpOverlay.render(state, in: content, into: &buffer) }
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
        let month = " \(state.strings.asOf) \(state.month.shortGerman) "
        let used = (tabs(state).last.map { $0.x + DisplayWidth.of($0.label) } ?? 0) + 1
        let space = row.width - used
        guard space >= DisplayWidth.of(month) else { return }
        var right = month
        let nameRoom = space - DisplayWidth.of(month) - 2
        if !state.municipalityTitle.isEmpty, nameRoom >= 6 {
            right = DisplayWidth.truncate(state.municipalityTitle, to: nameRoom, ellipsis: state.glyphs.ellipsis) + " ·" + month
        }
        buffer.put(line: right, in: Rect(x: used, y: row.y, width: space, height: 1),
                   role: .tabInactive, alignment: .right, ellipsis: state.glyphs.ellipsis)
    }

    static func renderStatusBar(_ state: AppState, in row: Rect, into buffer: inout Buffer) {
        buffer.fill(row, role: .statusBar)
        let s = state.strings
        var spans: [Span] = []
        for (key, text) in [("?", s.statusHelp), ("Tab", s.statusSwitch), ("q", s.statusQuit)] {
            spans += [Span(" \(key) ", .key), Span(" \(text) ", .statusBar)]
        }
        let used = buffer.put(spans: spans, x: row.x, y: row.y, clip: row)
        let rest = Rect(x: row.x + used, y: row.y, width: row.width - used - 1, height: 1)
        if let notice = state.notice {
            buffer.put(line: notice, in: rest, role: .warning, alignment: .right, ellipsis: state.glyphs.ellipsis)
        } else if state.screen == .portfolio, state.rowCount > 0 {
            buffer.put(line: s.rowPosition(state.table.selected + 1, state.rowCount) + " · " + state.sourceLabel,
                       in: rest, role: .statusBar, alignment: .right, ellipsis: state.glyphs.ellipsis)
        } else {
            buffer.put(line: state.sourceLabel, in: rest, role: .statusBar, alignment: .right,
                       ellipsis: state.glyphs.ellipsis)
        }
    }

    static func renderEmpty(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let s = state.strings
        let box = rect.centered(Size(width: min(rect.width, 64), height: 6))
        let inner = Box(title: s.appName).render(in: box, on: &buffer, glyphs: state.glyphs)
        buffer.put(line: s.emptyDatabase, in: inner.row(1), role: .title, alignment: .center)
        buffer.put(line: s.loadSampleHint, in: inner.row(2), alignment: .center, ellipsis: state.glyphs.ellipsis)
    }
}

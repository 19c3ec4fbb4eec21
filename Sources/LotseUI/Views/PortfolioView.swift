import LotseDomain
import TermCanvas

/// The portfolio screen: every project in one scrollable table.
public enum PortfolioView {

    /// The table's columns; the one the table is sorted by carries the direction of its
    /// values (↑ rising, ↓ falling).
    static func columns(_ s: Strings, query: PortfolioQuery = PortfolioQuery(), glyphs: Glyphs = .unicode) -> [TableColumn] {
        var columns = [
            TableColumn(s.colID, width: 6, priority: 0),
            TableColumn(s.colName, width: 21, flexible: true, priority: 0),
            TableColumn(s.colField, width: 14, priority: 5),
            TableColumn(s.colPhase, width: 9, priority: 3),
            TableColumn(s.colLight, width: 6, priority: 0),
            TableColumn(s.colProgress, width: 9, priority: 2),
            TableColumn(s.colBudget, width: 13, alignment: .right, priority: 4),
            TableColumn(s.colFundingEnd, width: 10, priority: 1),
            TableColumn(s.colLastReport, width: 9, priority: 2),
            TableColumn(s.colContinuation, width: 12, priority: 3),
        ]
        let (column, rising): (Int, Bool) = switch query.sort {
        case .id: (0, true)
        case .light: (4, false) // red first
        case .progress: (5, true)
        case .budgetUse: (6, false) // most used first
        case .fundingEnd: (7, true)
        }
        columns[column].mark = rising != query.descending ? glyphs.up : glyphs.down
        // Wide enough for the language's words: every light ("▲ yellow") and each title.
        // Without UTF-8 the words are spelled out ("grün" → "gruen") and take their room.
        func width(_ text: String) -> Int { DisplayWidth.of(glyphs == .ascii ? AsciiFallback.transliterate(text) : text) }
        columns[4].width = Light.allCases.map { width(glyphs.lightYellow + " " + s.light($0)) }.max() ?? 6
        for i in columns.indices where !columns[i].flexible {
            let mark = columns[i].mark.map { DisplayWidth.of($0) + 1 } ?? 0
            columns[i].width = max(columns[i].width, width(columns[i].title) + mark)
        }
        return columns
    }

    static func cells(_ row: ProjectRow, _ state: AppState) -> [[Span]] {
        let s = state.strings, g = state.glyphs, p = row.project, f = s.formats
        let budget = f.moneyPair(row.spent, of: p.budgetPlanned)
        let over = row.spent > p.budgetPlanned
        let funding = p.fundingEnd.map(f.month) ?? "–"
        let fundingSoon = p.fundingEnd.map { $0 >= state.month && $0 <= state.month.adding(months: 11) } ?? false
        let report = row.latestReport.map { f.month($0.month) } ?? "–"
        return [
            [Span(p.id, .muted)],
            [Span(p.name)],
            [Span(s.field(p.field))],
            [Span("\(p.phase.number) " + s.phaseShort(p.phase))],
            Format.light(row.light, s, g),
            Format.progress(row.progress, width: 9, g, f),
            [Span(budget, over ? .kpiBad : .normal)],
            [Span(funding, fundingSoon && p.continuation == .open ? .warning : .normal)],
            [Span(report + (row.reportMissing ? " !" : ""), row.reportMissing ? .warning : .normal)],
            [Span(s.continuation(p.continuation), p.continuation == .open ? .muted : .normal)],
        ]
    }

    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let s = state.strings, q = state.query
        var title = "\(s.portfolioTitle) · "
            + (state.page.matching == state.page.total ? "\(state.page.matching)" : "\(state.page.matching)/\(state.page.total)")
        if q.lightFilter != .all { title += " · " + q.lightFilter.title(s) }
        if q.sort != .id || q.descending {
            title += " · " + s.sortedBy(q.sort.title(s)) + (q.descending ? " " + state.glyphs.up : "")
        }
        let box = Box(title: title)
        let inner = box.render(in: content, on: &buffer, glyphs: state.glyphs)
        if state.searching || !q.search.isEmpty {
            // The search line sits in the bottom border, so the table keeps its height.
            let line = Rect(x: content.x + 2, y: content.maxY - 1, width: max(0, content.width - 4), height: 1)
            if let editor = state.searchEditor {
                let prompt = " " + s.searchPrompt
                let used = buffer.put(prompt, x: line.x, y: line.y, role: .selection, clip: line)
                // The field grows with the text (and a cell for the cursor), up to the line's end.
                let wanted = DisplayWidth.of(editor.text) + 2
                let field = Rect(x: line.x + used, y: line.y, width: max(0, min(line.width - used, wanted)), height: 1)
                editor.render(in: field, on: &buffer, role: .selection, ellipsis: state.glyphs.ellipsis)
            } else {
                buffer.put(line: " " + s.searchPrompt + q.search + " ", in: line, role: .accent,
                           ellipsis: state.glyphs.ellipsis)
            }
        }
        guard state.rowCount > 0 else {
            buffer.put(line: state.page.total == 0 ? s.noProjects : s.noMatches, in: inner.row(0), role: .muted)
            return
        }
        let visible = max(0, inner.height - 1)
        let offset = Table.scrollOffset(selected: state.table.selected, offset: state.table.offset,
                                        visibleRows: visible, rowCount: state.rowCount)
        // Only rows of the store's window exist here; the window always holds the visible ones.
        let rows = (offset..<min(state.rowCount, offset + visible)).compactMap { state.row(at: $0) }.map { cells($0, state) }
        let table = Table(columns: columns(s, query: q, glyphs: state.glyphs), rows: rows, selected: state.table.selected - offset, offset: 0,
                          selectionColumns: 2)
        table.render(in: inner, on: &buffer, glyphs: state.glyphs)
    }

    /// The row index under screen line `y`, for mouse selection.
    static func row(atLine y: Int, state: AppState) -> Int? {
        let firstDataLine = 1 + 1 + 1 // tab bar, box top, table header
        let line = y - firstDataLine
        guard line >= 0, line < state.layout.tableRows else { return nil }
        let row = state.table.offset + line
        return row < state.rowCount ? row : nil
    }
}

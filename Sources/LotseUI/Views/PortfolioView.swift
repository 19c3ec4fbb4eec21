import LotseDomain
import TermCanvas

/// The portfolio screen: every project in one scrollable table.
public enum PortfolioView {

    /// The fewest and the most months the trend strip shows.
    static let trendMonths = 6...ProjectRow.recentMonths

    /// The name column's index.
    static let nameColumn = 1

    /// The trend column's index.
    static let trendColumn = 5

    /// The table's columns; the one the table is sorted by carries the direction of its
    /// values (↑ rising, ↓ falling). The trend column holds `months` lights and the age of
    /// the newest report.
    static func columns(_ s: Strings, query: PortfolioQuery = PortfolioQuery(), glyphs: Glyphs = .unicode,
                        months: Int = 6) -> [TableColumn] {
        let t = PortfolioFilterStrings.forLanguage(s.language)
        var columns = [
            TableColumn(s.colID, width: 6, priority: 0),
            TableColumn(s.colName, width: 21, flexible: true, priority: 0),
            TableColumn(s.colField, width: 14, priority: 5),
            TableColumn(s.colPhase, width: 9, priority: 3),
            TableColumn(s.colLight, width: 6, priority: 0),
            TableColumn(t.colTrend, width: months + 1 + ageWidth(t), priority: 1),
            TableColumn(s.colProgress, width: 9, priority: 2),
            TableColumn(s.colBudget, width: 13, alignment: .right, priority: 4),
            TableColumn(s.colFundingEnd, width: 10, priority: 1),
            TableColumn(s.colContinuation, width: 12, priority: 3),
        ]
        let (column, rising): (Int, Bool) = switch query.sort {
        case .id: (0, true)
        case .light: (4, false) // red first
        case .progress: (6, true)
        case .budgetUse: (7, false) // most used first
        case .fundingEnd: (8, true)
        }
        columns[column].mark = rising != query.descending ? glyphs.up : glyphs.down
        // Wide enough for the language's words: every light ("▲ yellow") and each title.
        // Without UTF-8 the words are spelled out ("grün" → "gruen") and take their room.
        func width(_ text: String) -> Int { DisplayWidth.of(glyphs == .ascii ? AsciiFallback.transliterate(text) : text) }
        // The light, and beside it the way it moved against the month before.
        columns[4].width = Light.allCases.map { width(glyphs.lightYellow + " " + s.light($0) + " " + glyphs.down) }.max() ?? 6
        for i in columns.indices where !columns[i].flexible {
            let mark = columns[i].mark.map { DisplayWidth.of($0) + 1 } ?? 0
            columns[i].width = max(columns[i].width, width(columns[i].title) + mark)
        }
        return columns
    }

    /// Cells the age of the newest report takes, with room for " !" (report missing).
    static func ageWidth(_ t: PortfolioFilterStrings) -> Int {
        max(DisplayWidth.of(t.age(99)), 1) + 2
    }

    /// ↑ when the light got better than the month before, ↓ when worse; nothing otherwise.
    static func trendMark(_ row: ProjectRow, _ g: Glyphs) -> [Span] {
        switch row.lightTrend {
        case .better: [Span(" " + g.up, .kpiGood)]
        case .worse: [Span(" " + g.down, .kpiBad)]
        case .same, nil: []
        }
    }

    /// The last `months` monthly lights, oldest first, one shape each (readable without
    /// colour), then the age of the newest report, "!" when the month's report is missing.
    static func trendStrip(_ row: ProjectRow, months: Int, _ state: AppState) -> [Span] {
        let t = PortfolioFilterStrings.forLanguage(state.strings.language)
        let lights = Array(repeating: nil, count: max(0, months - row.recentLights.count)) + row.recentLights.suffix(months)
        var spans = lights.map { Format.light(glyphOnly: $0, state.glyphs) }
        let age = row.lastReportAge(in: state.month).map { t.age(max(0, $0)) } ?? "–"
        let room = ageWidth(t) - 2
        spans.append(Span(" " + age.leftPadded(to: room), row.lastReportAge(in: state.month) == nil ? .muted : .normal))
        if row.reportMissing { spans.append(Span(" !", .warning)) }
        return spans
    }

    /// The cells the project's name gets before the trend strip grows past six months:
    /// the name is what a row is read by, the older months are extra.
    static let nameRoom = 30

    /// How many months the trend strip shows in a table `width` cells wide: six, and more
    /// only where the name keeps `nameRoom` cells and no column the six-month strip
    /// leaves in has to go.
    static func trendMonths(width: Int, _ s: Strings, query: PortfolioQuery, glyphs: Glyphs) -> Int {
        func layout(_ months: Int) -> [(index: Int, width: Int)] {
            let table = Table(columns: columns(s, query: query, glyphs: glyphs, months: months), rows: [])
            let full = table.fit(width: width)
            return full.count < table.columns.count
                ? table.fit(width: width - DisplayWidth.of(glyphs.moreColumns) - 1) : full
        }
        let least = layout(trendMonths.lowerBound).map(\.index)
        return trendMonths.reversed().first { months in
            let fitted = layout(months)
            return fitted.map(\.index) == least && (fitted.first { $0.index == nameColumn }?.width ?? 0) >= nameRoom
        } ?? trendMonths.lowerBound
    }

    static func cells(_ row: ProjectRow, _ state: AppState, months: Int = 6) -> [[Span]] {
        let s = state.strings, g = state.glyphs, p = row.project, f = s.formats
        let budget = f.moneyPair(row.spent, of: p.budgetPlanned)
        let over = row.spent > p.budgetPlanned
        let funding = p.fundingEnd.map(f.month) ?? "–"
        let fundingSoon = p.fundingEnd.map { $0 >= state.month && $0 <= state.month.adding(months: 11) } ?? false
        // The id in the body colour: it is what a project is quoted by, and a muted id
        // would cost two colour changes in every row a page down writes.
        return [
            [Span(p.id)],
            [Span(p.name)],
            [Span(s.field(p.field))],
            [Span("\(p.phase.number) " + s.phaseShort(p.phase))],
            Format.light(row.light, s, g) + trendMark(row, g),
            trendStrip(row, months: months, state),
            Format.progress(row.progress, width: 9, g, f),
            [Span(budget, over ? .kpiBad : .normal)],
            [Span(funding, fundingSoon && p.continuation == .open ? .warning : .normal)],
            [Span(s.continuation(p.continuation), p.continuation == .open ? .muted : .normal)],
        ]
    }

    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        let s = state.strings, q = state.query
        var title = "\(s.portfolioTitle) · "
            + (state.page.matching == state.page.total ? "\(state.page.matching)" : "\(state.page.matching)/\(state.page.total)")
        // The search shows in the bottom border; every other filter in the title.
        let filters = QueryWords.describe(q.searching(""), s, municipalities: state.municipalities ?? [])
        if !filters.isEmpty { title += " · " + filters }
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
        let months = trendMonths(width: inner.width, s, query: q, glyphs: state.glyphs)
        let rows = (offset..<min(state.rowCount, offset + visible)).compactMap { state.row(at: $0) }
            .map { cells($0, state, months: months) }
        let table = Table(columns: columns(s, query: q, glyphs: state.glyphs, months: months), rows: rows, selected: state.table.selected - offset, offset: 0,
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

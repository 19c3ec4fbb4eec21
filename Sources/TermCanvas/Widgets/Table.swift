/// A column of a `Table`.
public struct TableColumn: Sendable {
    public var title: String
    /// Cells the column wants; flexible columns share the rest.
    public var width: Int
    /// A flexible column grows to fill the row and may shrink down to `width`.
    public var flexible: Bool
    public var alignment: Alignment
    /// Columns with a higher number are dropped first when the table is too narrow.
    public var priority: Int
    /// A mark after the title that is never cut off (the sort direction, "↑").
    public var mark: String?

    public init(_ title: String, width: Int, flexible: Bool = false, alignment: Alignment = .left,
                priority: Int = 0, mark: String? = nil) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.alignment = alignment
        self.priority = priority
        self.mark = mark
    }
}

/// A scrollable table with a header row and a selection bar.
public struct Table: Sendable {
    public var columns: [TableColumn]
    /// One span list per column per row.
    public var rows: [[[Span]]]
    public var selected: Int?
    /// Index of the first visible row.
    public var offset: Int
    public var spacing: Int
    /// How many leading columns the selection bar covers; nil covers the whole row. A bar
    /// over the row's first columns (its name) marks it as clearly and costs a moving
    /// selection a fraction of the bytes: only those cells change.
    public var selectionColumns: Int?

    public init(columns: [TableColumn], rows: [[[Span]]], selected: Int? = nil, offset: Int = 0,
                spacing: Int = 1, selectionColumns: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.spacing = spacing
        self.selectionColumns = selectionColumns
    }

    /// The offset that keeps `selected` visible in `visibleRows`, moving as little as
    /// possible from `offset`.
    public static func scrollOffset(selected: Int, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var o = offset
        if selected < o { o = selected }
        if selected >= o + visibleRows { o = selected - visibleRows + 1 }
        return Swift.max(0, Swift.min(o, Swift.max(0, rowCount - visibleRows)))
    }

    /// Indices of the columns that fit in `width`, and the width each gets.
    public func fit(width: Int) -> [(index: Int, width: Int)] {
        var kept = Array(columns.indices)
        func needed(_ idx: [Int]) -> Int {
            idx.reduce(0) { $0 + columns[$1].width } + spacing * Swift.max(0, idx.count - 1)
        }
        while needed(kept) > width, kept.count > 1 {
            // Drop the least important column (the last of equal priority).
            let drop = kept.enumerated().max { a, b in
                columns[a.element].priority != columns[b.element].priority
                    ? columns[a.element].priority < columns[b.element].priority
                    : a.offset < b.offset
            }!.offset
            kept.remove(at: drop)
        }
        var widths = kept.map { columns[$0].width }
        let spare = width - needed(kept)
        let flex = kept.indices.filter { columns[kept[$0]].flexible }
        if spare > 0 {
            if flex.isEmpty {
                // Leave the space at the right.
            } else {
                for (n, k) in flex.enumerated() {
                    widths[k] += spare / flex.count + (n < spare % flex.count ? 1 : 0)
                }
            }
        } else if spare < 0, let last = widths.indices.last {
            widths[last] = Swift.max(0, widths[last] + spare)
        }
        return zip(kept, widths).map { (index: $0, width: $1) }
    }

    /// Draws header and rows into `rect`.
    public func render(in rect: Rect, on buffer: inout Buffer, glyphs: Glyphs) {
        guard rect.height >= 1, rect.width >= 1 else { return }
        buffer.fill(rect)
        // When columns must be left out, the header keeps a cell for the sign that says so.
        let full = fit(width: rect.width)
        let layout = full.count < columns.count ? fit(width: rect.width - DisplayWidth.of(glyphs.moreColumns) - 1) : full
        var x = rect.x
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        for (index, width) in layout {
            let col = columns[index]
            var title = glyphs == .ascii ? AsciiFallback.transliterate(col.title) : col.title
            if let mark = col.mark {
                // The title gives way, the mark stays.
                let room = width - DisplayWidth.of(mark) - 1
                title = (room > 0 ? DisplayWidth.truncate(title, to: room, ellipsis: glyphs.ellipsis) + " " : "") + mark
            }
            buffer.put(line: title, in: Rect(x: x, y: rect.y, width: width, height: 1),
                       role: .header, alignment: col.alignment, ellipsis: glyphs.ellipsis)
            x += width + spacing
        }
        if layout.count < columns.count {
            // Columns left out for lack of width: say so at the header's end.
            let w = DisplayWidth.of(glyphs.moreColumns)
            buffer.put(glyphs.moreColumns, x: rect.maxX - w, y: rect.y, role: .header, clip: rect)
        }
        let visible = rect.height - 1
        guard visible > 0 else { return }
        for line in 0..<visible {
            let r = offset + line
            guard r < rows.count else { break }
            let y = rect.y + 1 + line
            let isSelected = r == selected
            x = rect.x
            for (index, width) in layout {
                let cell = index < rows[r].count ? rows[r][index] : []
                let area = Rect(x: x, y: y, width: width, height: 1)
                Table.draw(cell, in: area, alignment: columns[index].alignment, on: &buffer, glyphs: glyphs)
                x += width + spacing
            }
            if isSelected {
                var width = rect.width
                if let count = selectionColumns, count < layout.count {
                    let covered = layout.prefix(max(1, count))
                    width = min(rect.width, covered.reduce(0) { $0 + $1.width } + spacing * (covered.count - 1))
                }
                buffer.setRole(.selection, in: Rect(x: rect.x, y: y, width: width, height: 1))
            }
        }
    }

    /// Draws spans in one row, aligned, cut with an ellipsis when too wide.
    public static func draw(_ spans: [Span], in area: Rect, alignment: Alignment, on buffer: inout Buffer,
                     glyphs: Glyphs) {
        // Without UTF-8 the cell is spelled out here, before it is fitted, so a longer
        // spelling ("ä" → "ae") is cut within its column instead of pushing the next one.
        let spans = glyphs == .ascii ? spans.map { Span(AsciiFallback.transliterate($0.text), $0.role) } : spans
        let total = spans.reduce(0) { $0 + $1.width }
        if total > area.width {
            // Too long: keep the roles of the spans but cut the text with an ellipsis.
            var remaining = area.width
            var x = area.x
            for (i, s) in spans.enumerated() {
                guard remaining > 0 else { break }
                let isLastVisible = s.width >= remaining || i == spans.count - 1
                let text = isLastVisible ? DisplayWidth.truncate(s.text, to: remaining, ellipsis: glyphs.ellipsis) : s.text
                let used = buffer.put(text, x: x, y: area.y, role: s.role, clip: area)
                x += used
                remaining -= used
            }
            return
        }
        let x: Int
        switch alignment {
        case .left: x = area.x
        case .center: x = area.x + (area.width - total) / 2
        case .right: x = area.maxX - total
        }
        buffer.put(spans: spans, x: x, y: area.y, clip: area)
    }
}

import LotseDomain
import TermCanvas

/// The funding radar: one bar per quarter of the next 24 months, as long as the number of
/// projects whose funding ends then, the undecided part drawn first in its own glyph (and
/// red within the next two quarters, so those stand out even without colour by the mark
/// before the row), the money at stake beside it; below, the first undecided projects
/// ending within two quarters. Sizes come from the rect alone, so the overview can place it
/// anywhere from 30×6 up.
enum FundingRadarView {
    /// The bar's glyphs: undecided projects solid, decided ones shaded.
    struct Marks {
        var undecided: String
        var decided: String
        var urgent: String

        init(_ g: Glyphs) {
            undecided = g.gaugeFull
            decided = g == .ascii ? "=" : "▒"
            urgent = g.lightRed
        }
    }

    static func render(_ radar: FundingRadar, in rect: Rect, into buffer: inout Buffer, strings s: Strings,
                       glyphs g: Glyphs) {
        let r = s.radar, f = s.formats
        let inner = Box(title: r.title(radar.projectCount)).render(in: rect, on: &buffer, glyphs: g)
        guard !inner.isEmpty else { return }
        if radar.projectCount == 0 {
            buffer.put(line: r.noFundingEnding, in: inner.row(0), role: .muted, ellipsis: g.ellipsis)
            return
        }
        // Eight bars, a legend, the heading of the list and its rows, as far as height allows;
        // the bars give way last, the nearest quarters first.
        let quarters = radar.quarters
        let legendRows = inner.height > quarters.count ? 1 : 0
        // Below eight rows the heading of the list keeps one row (from three rows on).
        let headingRows = legendRows == 0 && inner.height >= 3 ? 1 : 0
        let barRows = min(quarters.count, inner.height - legendRows - headingRows)
        let headingRow = barRows + legendRows

        let labelWidth = inner.width >= 60 ? 16 : 8
        let showLabel = inner.width >= 22
        let maxCount = quarters.map(\.projectCount).max() ?? 0
        // An empty quarter shows a dash, not "0/0 0 €", so the quarters with projects stand out.
        let amounts = quarters.map { $0.projectCount == 0 ? "" : f.moneyCompact($0.atStake) }
        let countTexts = quarters.map { $0.projectCount == 0 ? "–" : "\($0.undecided)/\($0.projectCount)" }
        let moneyWidth = inner.width >= 34 ? (amounts.map { DisplayWidth.of($0) }.max() ?? 0) : 0
        let countWidth = countTexts.map { DisplayWidth.of($0) }.max() ?? 0
        let marks = Marks(g)
        for (q, bucket) in quarters.prefix(barRows).enumerated() {
            let row = inner.row(q)
            let urgent = FundingRadar.isUrgent(quarter: q) && bucket.undecided > 0
            let first = radar.month.adding(months: q * FundingRadar.monthsPerQuarter)
            let last = first.adding(months: FundingRadar.monthsPerQuarter - 1)
            var x = row.x
            buffer.put(urgent ? marks.urgent : " ", x: x, y: row.y, role: urgent ? .lightRed : .normal, clip: row)
            buffer.put(" ", x: x + 1, y: row.y, clip: row)
            x += 2
            if showLabel {
                let label = labelWidth >= 16 ? r.quarterRange(f.month(first), f.month(last)) : f.month(first)
                buffer.put(line: label, in: Rect(x: x, y: row.y, width: min(labelWidth, row.maxX - x), height: 1),
                           role: urgent ? .lightRed : .muted, ellipsis: g.ellipsis)
                x += labelWidth
            }
            let right = (moneyWidth > 0 ? moneyWidth + 1 : 0) + countWidth + 1
            let barWidth = max(0, row.maxX - x - right)
            if bucket.projectCount > 0, barWidth > 0, maxCount > 0 {
                let length = max(1, (bucket.projectCount * barWidth + maxCount / 2) / maxCount)
                let open = bucket.undecided == 0 ? 0
                    : min(length, max(1, (bucket.undecided * length + bucket.projectCount / 2) / bucket.projectCount))
                let openRole: Role = FundingRadar.isUrgent(quarter: q) ? .lightRed : .warning
                buffer.put(String(repeating: marks.undecided, count: open), x: x, y: row.y, role: openRole, clip: row)
                buffer.put(String(repeating: marks.decided, count: length - open), x: x + open, y: row.y,
                           role: .kpiGood, clip: row)
            }
            x += barWidth
            let countArea = Rect(x: x, y: row.y, width: max(0, min(countWidth + 1, row.maxX - x)), height: 1)
            buffer.put(line: countTexts[q], in: countArea, role: bucket.undecided > 0 ? openRoleFor(q) : .muted,
                       alignment: .right, ellipsis: g.ellipsis)
            x += countWidth + 1
            if moneyWidth > 0 {
                let moneyArea = Rect(x: x, y: row.y, width: max(0, min(moneyWidth + 1, row.maxX - x)), height: 1)
                buffer.put(line: amounts[q], in: moneyArea, role: .normal, alignment: .right, ellipsis: g.ellipsis)
            }
        }
        if legendRows > 0 {
            let legend = [Span(marks.undecided, .warning), Span(" " + r.legendUndecided + "  ", .muted),
                          Span(marks.decided, .kpiGood), Span(" " + r.legendDecided + " · " + r.legendCounts, .muted)]
            Table.draw(legend, in: inner.row(barRows), alignment: .left, on: &buffer, glyphs: g)
        }
        guard headingRow < inner.height else { return }
        let heading = radar.urgentUndecidedCount == 0 ? r.urgentNone
            : r.urgentHeading(radar.urgentUndecidedCount, f.moneyCompact(radar.urgentUndecidedAtStake))
        buffer.put(line: heading, in: inner.row(headingRow), role: radar.urgentUndecidedCount == 0 ? .kpiGood : .lightRed,
                   ellipsis: g.ellipsis)
        let room = inner.height - headingRow - 1
        guard room > 0 else { return }
        let shown = radar.urgentUndecided.prefix(room)
        let cut = radar.urgentUndecidedCount > shown.count
        for (i, entry) in shown.enumerated() {
            let row = inner.row(headingRow + 1 + i)
            if cut && i == room - 1 {
                buffer.put(line: r.moreUndecided(radar.urgentUndecidedCount - i), in: row, role: .muted, ellipsis: g.ellipsis)
                break
            }
            let value = [Span(f.moneyCompact(entry.atStake))]
            let label = [Span(marks.undecided + " ", .lightRed), Span(f.month(entry.fundingEnd) + " ", .lightRed),
                         Span(entry.projectID + " ", .muted), Span(entry.name)]
            OverviewView.pair(label, value, row: row, &buffer, g)
        }
    }

    private static func openRoleFor(_ quarter: Int) -> Role {
        FundingRadar.isUrgent(quarter: quarter) ? .lightRed : .warning
    }

    /// The list Enter opens: every undecided project whose funding ends within the next
    /// two quarters (as many as the engine handed over), as a table.
    static func renderList(_ radar: FundingRadar, in rect: Rect, into buffer: inout Buffer, strings s: Strings,
                           glyphs g: Glyphs, selected: Int? = nil, offset: Int = 0) {
        let r = s.radar, f = s.formats
        let title = r.listTitle(f.month(radar.lastUrgentMonth), radar.urgentUndecidedCount)
        let inner = Box(title: title).render(in: rect, on: &buffer, glyphs: g)
        guard !inner.isEmpty else { return }
        if radar.urgentUndecided.isEmpty {
            buffer.put(line: radar.urgentUndecidedCount == 0 ? r.urgentNone : r.listShown(0, radar.urgentUndecidedCount),
                       in: inner.row(0), role: radar.urgentUndecidedCount == 0 ? .kpiGood : .muted, ellipsis: g.ellipsis)
            return
        }
        let cut = radar.urgentUndecided.count < radar.urgentUndecidedCount
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - (cut && inner.height > 2 ? 1 : 0))
        let columns = [
            TableColumn(r.colID, width: 6, priority: 0),
            TableColumn(r.colName, width: 14, flexible: true, priority: 0),
            TableColumn(r.colEnd, width: 11, priority: 0),
            TableColumn(r.colLeft, width: 12, priority: 2),
            TableColumn(r.colAtStake, width: 11, alignment: .right, priority: 1),
            TableColumn(r.colPlanned, width: 11, alignment: .right, priority: 3),
            TableColumn(r.colDecision, width: 12, priority: 2),
        ]
        let rows: [[[Span]]] = radar.urgentUndecided.map { e in
            let left = radar.month.months(to: e.fundingEnd)
            return [
                [Span(e.projectID, .muted)],
                [Span(e.name)],
                [Span(f.month(e.fundingEnd), .lightRed)],
                [Span(r.monthsLeft(left), left < FundingRadar.monthsPerQuarter ? .lightRed : .warning)],
                [Span(f.moneyCompact(e.atStake))],
                [Span(f.moneyCompact(e.planned), .muted)],
                [Span(Marks(g).undecided + " ", .lightRed), Span(s.continuation(e.continuation), .lightRed)],
            ]
        }
        Table(columns: columns, rows: rows, selected: selected, offset: offset).render(in: tableArea, on: &buffer, glyphs: g)
        if cut && inner.height > 2 {
            buffer.put(line: r.listShown(radar.urgentUndecided.count, radar.urgentUndecidedCount),
                       in: inner.row(inner.height - 1), role: .muted, alignment: .right, ellipsis: g.ellipsis)
        }
    }
}

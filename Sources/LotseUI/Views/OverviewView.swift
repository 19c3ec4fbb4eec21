import LotseDomain
import TermCanvas

/// The overview ("Amtsdashboard"): the month's key figures at a glance.
enum OverviewView {
    static func render(_ state: AppState, in content: Rect, into buffer: inout Buffer) {
        guard let f = state.figures else { return }
        let tileHeight = content.height >= 30 ? 8 : 7
        let bottomHeight = content.height >= 30 ? 7 : 5
        let parts = Layout.split(content, .vertical, [.length(tileHeight), .min(4), .length(bottomHeight)])
        let tiles = Layout.even(parts[0], .horizontal, count: 4)
        phases(f, state, tiles[0], &buffer)
        lights(f, state, tiles[1], &buffer)
        budget(f, state, tiles[2], &buffer)
        reports(f, state, tiles[3], &buffer)
        let middle = Layout.split(parts[1], .horizontal, [.percentage(45), .percentage(30), .fill(1)])
        if let radar = state.radar {
            FundingRadarView.render(radar, in: middle[0], into: &buffer, strings: state.strings, glyphs: state.glyphs)
        } else {
            fundingEnd(f, state, middle[0], &buffer)
        }
        worse(state, middle[1], &buffer)
        risks(f, state, middle[2], &buffer)
        // The selected panel's title bar stands out (also without colour: the role is reversed).
        let selected: Rect = switch state.overviewPanel {
        case .radar: middle[0]
        case .worse: middle[1]
        case .risks: middle[2]
        case .missing: tiles[3]
        }
        if state.modals.isEmpty { buffer.setRole(.selection, in: selected.row(0)) }
        let bottom = Layout.split(parts[2], .horizontal, [.percentage(70), .fill(1)])
        health(f, state, bottom[0], &buffer)
        assessment(state, bottom[1], &buffer)
    }

    /// A label on the left and a value on the right of one row.
    static func pair(_ label: [Span], _ value: [Span], row: Rect, _ buffer: inout Buffer, _ g: Glyphs) {
        guard !row.isEmpty else { return }
        let valueWidth = value.reduce(0) { $0 + $1.width }
        buffer.put(spans: value, x: max(row.x, row.maxX - valueWidth), y: row.y, clip: row)
        let labelArea = Rect(x: row.x, y: row.y, width: max(0, row.width - valueWidth - 1), height: 1)
        Table.draw(label, in: labelArea, alignment: .left, on: &buffer, glyphs: g)
    }

    static func phases(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings
        let title = state.query.office.map { OverviewPanelStrings.forLanguage(s.language).officeDashboard($0) } ?? s.tilePhases
        let inner = Box(title: title).render(in: rect, on: &buffer, glyphs: state.glyphs)
        for (i, phase) in Phase.allCases.enumerated() {
            pair([Span("\(phase.number) " + s.phase(phase))], [Span("\(f.count(in: phase))", .title)],
                 row: inner.row(i), &buffer, state.glyphs)
        }
        pair([Span(s.total, .muted)], [Span("\(f.projectCount)", .normal)], row: inner.row(Phase.allCases.count + 1), &buffer, state.glyphs)
    }

    static func lights(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        let inner = Box(title: "\(s.tileLights) \(s.formats.month(f.month))").render(in: rect, on: &buffer, glyphs: g)
        for (i, light) in Light.allCases.enumerated() {
            let d = f.lights[light] - f.previousLights[light]
            let deltaRole: Role = d == 0 ? .muted : ((light == .green) == (d > 0) ? .kpiGood : .kpiBad)
            pair(Format.light(light, s, g),
                 [Span("\(f.lights[light])".leftPadded(to: 3), .normal), Span(" " + Format.delta(d).leftPadded(to: 3), deltaRole)],
                 row: inner.row(i), &buffer, state.glyphs)
        }
        pair([Span(s.withoutReport, .muted)], [Span("\(f.lights.missing)", f.lights.missing > 0 ? .warning : .normal),
                                              Span("    ")], row: inner.row(3), &buffer, state.glyphs)
        buffer.put(line: s.vsLastMonth, in: inner.row(4), role: .muted, alignment: .right, ellipsis: g.ellipsis)
    }

    static func budget(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        let inner = Box(title: s.tileBudget).render(in: rect, on: &buffer, glyphs: g)
        pair([Span(s.planned, .muted)], [Span(s.formats.moneyCompact(f.budgetPlanned))], row: inner.row(0), &buffer, state.glyphs)
        pair([Span(s.spent, .muted)], [Span(s.formats.moneyCompact(f.budgetSpent))], row: inner.row(1), &buffer, state.glyphs)
        let pct = f.budgetSpent.percent(of: f.budgetPlanned) ?? 0
        let ratio = f.budgetPlanned.cents > 0 ? Double(f.budgetSpent.cents) / Double(f.budgetPlanned.cents) : 0
        Gauge(ratio: ratio, label: s.formats.percent(pct)).render(in: inner.row(3), on: &buffer, glyphs: g)
    }

    static func reports(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        let inner = Box(title: "\(s.tileReports) \(s.formats.month(f.month))").render(in: rect, on: &buffer, glyphs: g)
        if f.reportsMissing.isEmpty {
            // Before the due day the month's open reports are not missing, but not in either.
            if f.reportsNotYetDue > 0, let due = state.reportDue?.dueDate(of: f.month) {
                let date = s.formats.day(due)
                buffer.put(line: OverviewPanelStrings.forLanguage(s.language).notYetDue(f.reportsNotYetDue, date),
                           in: inner.row(0), role: .muted, ellipsis: g.ellipsis)
            } else {
                buffer.put(line: s.allReportsIn, in: inner.row(0), role: .kpiGood, ellipsis: g.ellipsis)
            }
            return
        }
        // How many came in this month, beside how many are missing.
        pair([Span(s.missingCount(f.reportsMissingCount), .warning)],
             [Span(OverviewPanelStrings.forLanguage(s.language).received(f.reportsReceived), .kpiGood)],
             row: inner.row(0), &buffer, g)
        let room = inner.height - 1
        let focused = state.overviewPanel == .missing && state.modals.isEmpty
        for (i, p) in f.reportsMissing.prefix(room).enumerated() {
            let isLastLine = i == room - 1 && f.reportsMissingCount > room
            let text = isLastLine ? "+ \(f.reportsMissingCount - room + 1) …" : "\(p.id) \(p.name)"
            buffer.put(line: text, in: inner.row(i + 1), role: isLastLine ? .muted : .normal, ellipsis: g.ellipsis)
            if focused && !isLastLine && i == state.overviewRow { buffer.setRole(.selection, in: inner.row(i + 1)) }
        }
    }

    static func fundingEnd(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        let inner = Box(title: "\(s.tileFundingEnd) · \(f.fundingEndingCount)").render(in: rect, on: &buffer, glyphs: g)
        if f.fundingEndingUndecided.isEmpty {
            buffer.put(line: s.noFundingEnding, in: inner.row(0), role: .kpiGood, ellipsis: g.ellipsis)
            return
        }
        let columns = [
            TableColumn(s.colFundingEnd, width: 10, priority: 0),
            TableColumn(s.colID, width: 6, priority: 0),
            TableColumn(s.colName, width: 16, flexible: true, priority: 0),
            TableColumn(s.colBudget, width: 15, alignment: .right, priority: 1),
        ]
        let rows: [[[Span]]] = f.fundingEndingUndecided.prefix(max(0, inner.height - 1)).map { p in
            let left = p.fundingEnd.map { f.month.months(to: $0) } ?? 0
            let spent = f.fundingEndingSpent[p.id] ?? .zero
            return [
                [Span(p.fundingEnd.map(state.strings.formats.month) ?? "", left <= 3 ? .lightRed : .warning)],
                [Span(p.id, .muted)],
                [Span(p.name)],
                [Span(state.strings.formats.moneyPair(spent, of: p.budgetPlanned))],
            ]
        }
        Table(columns: columns, rows: rows).render(in: inner, on: &buffer, glyphs: g)
    }

    /// The projects red or worse than the month before, by name, the selected one marked.
    static func worse(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs, t = OverviewPanelStrings.forLanguage(s.language)
        let page = state.attention
        let inner = Box(title: t.worseTitle(page?.matching ?? 0)).render(in: rect, on: &buffer, glyphs: g)
        guard let page, !page.rows.isEmpty else {
            buffer.put(line: t.worseNone, in: inner.row(0), role: .kpiGood, ellipsis: g.ellipsis)
            return
        }
        let focused = state.overviewPanel == .worse && state.modals.isEmpty
        let room = inner.height
        let cut = page.matching > room
        let shown = Array(page.rows.prefix(cut ? room - 1 : room))
        // The selected row stays in view.
        let first = focused ? max(0, min(state.overviewRow - shown.count + 1, page.rows.count - shown.count)) : 0
        for (i, row) in page.rows.dropFirst(first).prefix(shown.count).enumerated() {
            var spans = [Format.light(glyphOnly: row.light, g),
                         Span(row.lightTrend == .worse ? g.down : " ", .kpiBad), Span(" ")]
            spans += [Span(row.id + " ", .muted), Span(row.project.name)]
            let line = inner.row(i)
            buffer.put(spans: spans, x: line.x, y: line.y, clip: line)
            if focused && first + i == state.overviewRow { buffer.setRole(.selection, in: line) }
        }
        if cut {
            buffer.put(line: t.more(page.matching - shown.count), in: inner.row(room - 1), role: .muted, ellipsis: g.ellipsis)
        }
    }

    static func risks(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        // The month's new and closed risks behind the title, when there are any; where the
        // title has no room for them, they take the panel's first row instead.
        let changes = RiskChangeStrings.forLanguage(s.language).panelSuffix(f.risksRaised, f.risksClosed)
        let full = s.tileRisks + " · " + changes
        let inTitle = !changes.isEmpty && DisplayWidth.of(full) <= rect.width - 4
        let boxed = Box(title: inTitle ? full : s.tileRisks).render(in: rect, on: &buffer, glyphs: g)
        var inner = boxed
        if !changes.isEmpty && !inTitle && boxed.height >= 2 {
            buffer.put(line: changes, in: boxed.row(0), role: .accent, ellipsis: g.ellipsis)
            inner = Rect(x: boxed.x, y: boxed.y + 1, width: boxed.width, height: boxed.height - 1)
        }
        if f.topRisks.isEmpty {
            buffer.put(line: s.noOpenRisks, in: inner.row(0), role: .kpiGood, ellipsis: g.ellipsis)
            return
        }
        for (i, group) in f.topRisks.prefix(inner.height).enumerated() {
            let role: Role = group.highestScore >= 15 ? .lightRed : group.highestScore >= 8 ? .warning : .normal
            pair([Span("\(group.challenge.number)".leftPadded(to: 2) + " ", .muted), Span(s.challenge(group.challenge))],
                 // Narrow: the count and the highest score alone, so the challenge keeps its name.
                 inner.width < 30
                     ? [Span("\(group.openRisks)".leftPadded(to: 2) + " · ", .muted), Span("\(group.highestScore)".leftPadded(to: 2), role)]
                     : [Span(s.openRisks(group.openRisks), .muted), Span(" max ", .muted), Span("\(group.highestScore)".leftPadded(to: 2), role)],
                 row: inner.row(i), &buffer, state.glyphs)
        }
    }

    static func health(_ f: OverviewFigures, _ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings, g = state.glyphs
        let first = f.health.first.map { s.formats.month($0.month) } ?? ""
        let inner = Box(title: "\(s.tileHealth) \(first) – \(s.formats.month(f.month))").render(in: rect, on: &buffer, glyphs: g)
        guard inner.height >= 1 else { return }
        let values = f.health.map(\.value)
        let now = values.last.flatMap { $0 }.map { Int($0.rounded()) }
        let yearAgo = values.dropLast(12).last.flatMap { $0 }.map { Int($0.rounded()) }
        let chartRows = max(1, inner.height - 1)
        // The chart spans from a round figure below the lowest month to 100 %, so
        // differences show instead of a solid block.
        let lowest = values.compactMap { $0 }.min() ?? 0
        let floor = max(0, (lowest / 10).rounded(.down) * 10 - 10)
        let perMonth = max(1, min(4, inner.width / max(1, values.count)))
        let stretched = values.flatMap { Array(repeating: $0, count: perMonth) }.suffix(inner.width)
        let x0 = inner.maxX - stretched.count
        for r in 0..<chartRows {
            // Each row of the box covers one band of the range; full bands are solid.
            let lo = floor + (100 - floor) * Double(chartRows - 1 - r) / Double(chartRows)
            let hi = floor + (100 - floor) * Double(chartRows - r) / Double(chartRows)
            let band = Array(stretched.map { v -> Double? in v.flatMap { $0 <= lo ? nil : min($0, hi) } })
            let marks = Sparkline(values: band, minimum: lo, maximum: hi).glyphs(width: band.count, glyphs: g)
            for (i, m) in marks.enumerated() {
                let full = band[i].map { $0 >= hi } ?? false
                buffer.put(full ? g.gaugeFull : m, x: x0 + i, y: inner.y + r, role: .accent, clip: inner)
            }
        }
        buffer.put(line: state.strings.formats.percent(Int(floor)), in: Rect(x: inner.x, y: inner.y + chartRows - 1, width: max(0, x0 - inner.x), height: 1),
                   role: .muted, alignment: .left)
        buffer.put(line: state.strings.formats.percent(100), in: Rect(x: inner.x, y: inner.y, width: max(0, x0 - inner.x), height: 1),
                   role: .muted, alignment: .left)
        if let now {
            buffer.put(line: s.healthLegend(now, yearAgo ?? now), in: inner.row(inner.height - 1), role: .muted,
                       alignment: .right, ellipsis: g.ellipsis)
        }
    }

    static func assessment(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let s = state.strings
        let inner = Box(title: s.tileAssessment).render(in: rect, on: &buffer, glyphs: state.glyphs)
        guard let latest = state.assessment.latest, let q = state.assessment.questionnaire(for: latest) else {
            buffer.put(line: s.noAssessment, in: inner.row(0), role: .muted, ellipsis: state.glyphs.ellipsis)
            return
        }
        let p = Placement(questionnaire: q, answers: latest.scoringAnswers)
        let lines = TextWrap.lines(ResultView.headline(p, state).map(\.text).joined(), width: inner.width)
        let dateLine = state.strings.formats.date(latest.date)
            + (latest.completed ? "" : " · " + state.strings.assess.inProgress)
        let showDate = lines.count < inner.height
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line: line, in: inner.row(i), role: i == 0 ? .title : .normal, ellipsis: state.glyphs.ellipsis)
        }
        if showDate {
            buffer.put(line: dateLine, in: inner.row(inner.height - 1), role: .muted, alignment: .right)
        }
    }
}

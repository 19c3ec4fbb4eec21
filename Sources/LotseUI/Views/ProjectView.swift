import Foundation
import LotseDomain
import TermCanvas

/// One project: master data, the report timeline, the latest report, KPIs against their
/// targets and risks. A scrollable document.
enum ProjectView {
    static func render(_ state: AppState, projectID: String, in content: Rect, into buffer: inout Buffer) {
        let g = state.glyphs
        guard let index = state.projectIndex, let project = index.portfolio.projects.first(where: { $0.id == projectID }) else {
            return
        }
        let inner = Box(title: "\(project.id) · \(project.name)").render(in: content, on: &buffer, glyphs: g)
        Document(lines: lines(project, index: index, state: state, width: max(10, inner.width - 1)),
                 offset: state.projectScroll)
            .render(in: inner, on: &buffer, glyphs: g)
    }

    static func wrapped(_ label: String, _ text: String, width: Int, into out: inout [[Span]]) {
        guard !text.isEmpty else { return }
        let indent = DisplayWidth.of(label)
        for (i, line) in TextWrap.lines(text, width: max(5, width - indent)).enumerated() {
            out.append([Span(i == 0 ? label : String(repeating: " ", count: indent), .muted), Span(line)])
        }
    }

    static func lines(_ p: Project, index: PortfolioIndex, state: AppState, width: Int) -> [[Span]] {
        let s = state.strings, g = state.glyphs, t = s.project, month = state.month, f = s.formats
        var out: [[Span]] = []
        let municipality = index.portfolio.municipalities.first { $0.id == p.municipalityID }?.name ?? p.municipalityID
        out.append([Span(s.field(p.field)), Span(" · ", .muted),
                    Span(s.solutionKind(p.solutionKind)), Span(" · ", .muted),
                    Span("\(p.phase.number) " + s.phase(p.phase), .title), Span(" · ", .muted), Span(municipality)])
        var facts = [Span(t.owner + " ", .muted), Span(p.owner),
                     Span(" · \(t.start) ", .muted), Span(f.month(p.start))]
        if let end = p.fundingEnd {
            let soon = end >= month && end <= month.adding(months: 11) && p.continuation == .open
            facts += [Span(" · \(t.fundingEnds) ", .muted), Span(f.month(end), soon ? .warning : .normal),
                      Span(" (\(p.fundingSource))", .muted)]
        } else {
            facts += [Span(" · \(p.fundingSource)", .muted)]
        }
        out.append(facts)
        var flags = [Span(t.continuation + " ", .muted),
                     Span(s.continuation(p.continuation), p.continuation == .open ? .warning : .kpiGood)]
        if p.basicComponentCandidate { flags.append(Span(" · " + t.basicComponent, .accent)) }
        if p.reusedByOthers { flags.append(Span(" · " + t.reused, .accent)) }
        out.append(flags)
        let spent = index.spent(by: p.id, upTo: month)
        let pct = spent.percent(of: p.budgetPlanned) ?? 0
        let barWidth = max(5, min(30, width - 40))
        out.append([Span(t.budget + " ", .muted)]
                   + ResultView.bar(Double(pct) / 100, width: barWidth, g, role: pct > 100 ? .kpiBad : .accent)
                   + [Span(" " + f.percent(pct) + " · " + f.money(spent) + " / " + f.money(p.budgetPlanned))])
        out.append([])

        // Report timeline: one glyph per month, the newest at the right.
        let reports = index.reportsByProject[p.id] ?? []
        let months = min(24, max(6, width - 20))
        let first = month.adding(months: -(months - 1))
        out.append([Span(t.reports, .header),
                    Span("  \(f.month(first)) – \(f.month(month))", .muted)])
        let rowLabel = max(DisplayWidth.of(t.light), DisplayWidth.of(t.progress)) + 1
        var timeline: [Span] = [Span(DisplayWidth.pad(t.light, to: rowLabel), .muted)]
        var progress: [Double?] = []
        for m in YearMonth.sequence(from: first, through: month) {
            let r = reports.last { $0.month == m }
            if let r {
                timeline.append(Span(Format.glyph(r.overall, g), Format.role(r.overall)))
            } else {
                timeline.append(Span(p.expectsReport(in: m) ? "!" : "·", p.expectsReport(in: m) ? .warning : .muted))
            }
            progress.append(r.map { Double($0.progress) })
        }
        out.append(timeline)
        out.append([Span(DisplayWidth.pad(t.progress, to: rowLabel), .muted)]
                   + Sparkline(values: progress, minimum: 0, maximum: 100).glyphs(width: months, glyphs: g).map { Span($0, .accent) })
        if let r = reports.last(where: { $0.month <= month }) {
            out.append([])
            var head = [Span(f.month(r.month) + "  ", .title)] + Format.light(r.overall, s, g)
            for (label, light) in [(t.schedule, r.schedule), (t.cost, r.cost), (t.results, r.results)] {
                head += [Span("  \(label) ", .muted), Span(Format.glyph(light, g), Format.role(light))]
            }
            head += [Span("  " + f.percent(r.progress) + "  ", .normal), Span("\(r.author), " + f.date(r.submittedAt), .muted)]
            out.append(head)
            let labelWidth = [t.achieved, t.nextSteps, t.risksAndMeasures].map { DisplayWidth.of($0) }.max()! + 1
            wrapped(DisplayWidth.pad(t.achieved, to: labelWidth), r.achieved, width: width, into: &out)
            wrapped(DisplayWidth.pad(t.nextSteps, to: labelWidth), r.nextSteps, width: width, into: &out)
            wrapped(DisplayWidth.pad(t.risksAndMeasures, to: labelWidth), r.risksAndMeasures, width: width, into: &out)
        }
        out.append([])

        let kpis = (index.kpisByProject[p.id] ?? []).sorted { $0.id < $1.id }
        if !kpis.isEmpty {
            out.append([Span(t.kpis, .header)])
            let nameWidth = min(30, max(10, width / 3))
            for k in kpis {
                let readings = (index.readingsByKPI[k.id] ?? []).filter { $0.month <= month }
                let values = readings.suffix(12).map { Optional(NSDecimalNumber(decimal: $0.value).doubleValue) }
                let target = NSDecimalNumber(decimal: k.target).doubleValue
                let latest = readings.last.map { NSDecimalNumber(decimal: $0.value).doubleValue }
                let met = latest.map { k.direction == .higherIsBetter ? $0 >= target : $0 <= target } ?? false
                let lo = min(values.compactMap { $0 }.min() ?? 0, target), hi = max(values.compactMap { $0 }.max() ?? 0, target)
                var line = [Span(DisplayWidth.pad(k.name, to: nameWidth - 1) + " ")]
                line += Sparkline(values: values, minimum: lo, maximum: hi).glyphs(width: 12, glyphs: g)
                    .map { Span($0, met ? .kpiGood : .accent) }
                line.append(Span("  " + (readings.last.map { f.decimal($0.value) } ?? "–") + " \(k.unit)", met ? .kpiGood : .normal))
                line.append(Span("  " + t.target + " " + f.decimal(k.target) + " "
                                 + (k.direction == .higherIsBetter ? g.up : g.down), .muted))
                out.append(line)
            }
            out.append([])
        }

        let risks = (index.risksByProject[p.id] ?? []).sorted { ($0.isOpen ? 0 : 1, -$0.score, $0.id) < ($1.isOpen ? 0 : 1, -$1.score, $1.id) }
        if !risks.isEmpty {
            out.append([Span(t.risks, .header)])
            let changes = RiskChangeStrings.forLanguage(s.language)
            for r in risks {
                let role: Role = !r.isOpen ? .muted : r.score >= 15 ? .lightRed : r.score >= 8 ? .warning : .normal
                let head = "\(r.probability)×\(r.impact)=\(r.score)".leftPadded(to: 7) + " "
                out.append([Span(head, role), Span(s.challenge(r.challenge) + ": ", .muted),
                            Span(r.title, r.isOpen ? .normal : .muted),
                            r.isOpen ? Span("") : r.closed == month ? Span(" (\(changes.closedMark))", .accent)
                                : Span(" (\(t.closed))", .muted),
                            Span(r.raised == month ? " · " + changes.raisedMark : "", .accent)])
                wrapped("        " + t.measure + " ", r.measure + (r.owner.isEmpty ? "" : " (\(r.owner))"),
                        width: width, into: &out)
            }
        }
        return out
    }
}

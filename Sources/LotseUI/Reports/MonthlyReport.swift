import Foundation
import LotseDomain

/// The monthly portfolio report for mail or cron: the overview's figures as text,
/// Markdown or JSON. Pure; the caller prints it.
public enum MonthlyReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json
    }

    /// Everything one report shows, gathered from an engine; `render` words it.
    public struct Content: Sendable {
        public var figures: OverviewFigures
        /// Red projects with the month their red run began, by id.
        public var red: [RedStreak]
        /// Projects whose light got worse against last month, red first, with their project.
        public var worse: [(change: OverviewFigures.LightChange, project: Project)]
        /// Why each red project is red, by project id.
        public var explanations: [String: LightExplanation]
        /// The office the report is restricted to, if any.
        public var office: String?

        /// Projects that need attention this month, by id: red, worse than last month, report
        /// missing, or funding ending within `attentionFundingMonths` months with the
        /// continuation open. `lotse report --exit-code` exits with 2 when there is any.
        public var attention: [String] {
            let horizon = figures.month.adding(months: MonthlyReport.attentionFundingMonths - 1)
            var ids = Set(red.map(\.project.id))
            ids.formUnion(worse.map(\.change.projectID))
            ids.formUnion(figures.reportsMissing.map(\.id))
            ids.formUnion(figures.fundingEndingUndecided.filter { ($0.fundingEnd ?? horizon.next) <= horizon }.map(\.id))
            return ids.sorted()
        }
    }

    /// Funding ending within this many months (this month included) with the continuation open
    /// needs attention.
    public static let attentionFundingMonths = 6
    /// The exit code of `lotse report --exit-code` when something needs attention.
    public static let attentionExitCode: Int32 = 2

    /// The report's content for `month`, asked of any engine; with `office`, only that office's
    /// projects (its overview, red and worse projects).
    public static func gather(_ reader: any PortfolioReader, month: YearMonth, office: String? = nil,
                              due: ReportDue? = nil) throws -> Content {
        let filter = office.map { PortfolioQuery(office: $0) }
        let f = try reader.answer(ScreenDataRequest(overview: month).overview(filter: filter, due: due)).overview
            ?? OverviewFigures(portfolio: Portfolio(), month: month)
        let red = try reader.redStreaks(month: month).filter { office == nil || $0.project.owner == office }
        var projects: [String: Portfolio] = [:]
        func history(_ id: String) throws -> Portfolio? {
            if let p = projects[id] { return p }
            let p = try reader.answer(ScreenDataRequest(projectID: id)).project
            projects[id] = p
            return p
        }
        var explanations: [String: LightExplanation] = [:]
        for r in red {
            if let p = try history(r.project.id), let e = LightExplanation(portfolio: p, projectID: r.project.id, month: month) {
                explanations[r.project.id] = e
            }
        }
        var worse: [(change: OverviewFigures.LightChange, project: Project)] = []
        for change in f.worsened {
            if let project = try history(change.projectID)?.projects.first(where: { $0.id == change.projectID }) {
                worse.append((change, project))
            }
        }
        return Content(figures: f, red: red, worse: worse, explanations: explanations, office: office)
    }

    /// The report of `month`, asked of any engine: the overview's figures, the red streaks with
    /// their causes, what got worse and the decisions due.
    public static func render(_ reader: any PortfolioReader, month: YearMonth, format: Format,
                              strings s: Strings, office: String? = nil) throws -> String {
        render(try gather(reader, month: month, office: office), format: format, strings: s)
    }

    public static func render(_ content: Content, format: Format, strings s: Strings) -> String {
        switch format {
        case .json: return json(content)
        case .markdown: return text(content, s: s, markdown: true)
        case .text: return text(content, s: s, markdown: false)
        }
    }

    /// The JSON form: stable keys, plain numbers (money in cents).
    struct Document: Encodable {
        struct Lights: Encodable { var green, yellow, red, missing: Int }
        struct ProjectRef: Encodable { var id, name: String; var fundingEnd: String? }
        struct RiskGroup: Encodable { var challenge: String; var openRisks, highestScore: Int }
        struct KPIGap: Encodable { var id, name, unit, value, target, direction, month: String }
        struct Why: Encodable {
            var reportMonth: String?
            var reportMissing: Bool
            var lights: [String: String]?
            /// The causes, the heaviest first: kind and light.
            var causes: [Cause]
            var spentCents, plannedCents: Int64
            var progress, expectedProgress: Int?
            var kpisOffTarget: [KPIGap]
        }
        struct Cause: Encodable { var kind, light: String; var aspect: String? }
        struct RedProject: Encodable { var id, name: String; var since: String; var why: Why? }
        struct Worse: Encodable { var id, name, from, to: String }
        struct Decision: Encodable { var id, name, fundingEnd: String; var monthsLeft: Int; var spentCents, plannedCents: Int64 }
        var month: String
        var office: String?
        var projects: Int
        var projectsByPhase: [String: Int]
        var lights: Lights
        var lightsPreviousMonth: Lights
        var budgetPlannedCents: Int64
        var budgetSpentCents: Int64
        var reportsMissing: [ProjectRef]
        var fundingEndingUndecided: [ProjectRef]
        var topRisks: [RiskGroup]
        var risksRaised: Int
        var risksClosed: Int
        var redProjects: [RedProject]
        var worseThanLastMonth: [Worse]
        var decisionsDue: [Decision]
        var attention: [String]
        var health: [String: Double]
    }

    static func why(_ e: LightExplanation) -> Document.Why {
        func cause(_ c: LightExplanation.Cause) -> Document.Cause {
            switch c {
            case .reportMissing: .init(kind: "reportMissing", light: c.light.rawValue)
            case .reported(let aspect, _): .init(kind: "reported", light: c.light.rawValue, aspect: aspect.rawValue)
            case .budgetOverrun: .init(kind: "budgetOverrun", light: c.light.rawValue)
            case .behindSchedule: .init(kind: "behindSchedule", light: c.light.rawValue)
            case .kpiOffTarget: .init(kind: "kpiOffTarget", light: c.light.rawValue)
            }
        }
        return .init(
            reportMonth: e.report?.month.description, reportMissing: e.reportMissing,
            lights: e.report.map { r in
                ["overall": r.overall.rawValue, "schedule": r.schedule.rawValue, "cost": r.cost.rawValue,
                 "results": r.results.rawValue]
            },
            causes: e.causes.map(cause), spentCents: e.spent.cents, plannedCents: e.planned.cents,
            progress: e.schedule?.progress, expectedProgress: e.schedule?.expected,
            kpisOffTarget: e.kpisOffTarget.map {
                .init(id: $0.kpiID, name: $0.name, unit: $0.unit, value: "\($0.value)", target: "\($0.target)",
                      direction: $0.direction.rawValue, month: $0.month.description)
            })
    }

    static func json(_ c: Content) -> String {
        let f = c.figures
        func lights(_ c: LightCounts) -> Document.Lights {
            .init(green: c.green, yellow: c.yellow, red: c.red, missing: c.missing)
        }
        let doc = Document(
            month: f.month.description, office: c.office, projects: f.projectCount,
            projectsByPhase: Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0.rawValue, f.count(in: $0)) }),
            lights: lights(f.lights), lightsPreviousMonth: lights(f.previousLights),
            budgetPlannedCents: f.budgetPlanned.cents, budgetSpentCents: f.budgetSpent.cents,
            reportsMissing: f.reportsMissing.map { .init(id: $0.id, name: $0.name, fundingEnd: $0.fundingEnd?.description) },
            fundingEndingUndecided: f.fundingEndingUndecided.map {
                .init(id: $0.id, name: $0.name, fundingEnd: $0.fundingEnd?.description)
            },
            topRisks: f.topRisks.map { .init(challenge: $0.challenge.rawValue, openRisks: $0.openRisks, highestScore: $0.highestScore) },
            risksRaised: f.risksRaised, risksClosed: f.risksClosed,
            redProjects: c.red.map {
                .init(id: $0.project.id, name: $0.project.name, since: $0.since.description,
                      why: c.explanations[$0.project.id].map(why))
            },
            worseThanLastMonth: c.worse.map {
                .init(id: $0.project.id, name: $0.project.name, from: $0.change.from.rawValue, to: $0.change.to.rawValue)
            },
            decisionsDue: f.fundingEndingUndecided.compactMap { p in
                p.fundingEnd.map {
                    .init(id: p.id, name: p.name, fundingEnd: $0.description, monthsLeft: f.month.months(to: $0),
                          spentCents: (f.fundingEndingSpent[p.id] ?? .zero).cents, plannedCents: p.budgetPlanned.cents)
                }
            },
            attention: c.attention,
            health: Dictionary(uniqueKeysWithValues: f.health.compactMap { h in
                h.value.map { (h.month.description, ($0 * 10).rounded() / 10) }
            }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(doc)) ?? Data()
        return SafeText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }

    static func text(_ c: Content, s: Strings, markdown md: Bool) -> String {
        let f = c.figures, x = s.explanation
        var out: [String] = []
        let h1 = md ? "# " : "", h2 = md ? "## " : "", bullet = md ? "- " : "  ", sub = md ? "  - " : "      "
        let fm = s.formats
        // Ids and names come from the data: escaped for Markdown, kept on their line in text.
        func user(_ text: String) -> String { md ? SafeText.markdown(text) : SafeText.forTerminalLine(text) }
        let office = c.office.map { " · " + user($0) } ?? ""
        out.append("\(h1)\(s.monthlyReport) \(fm.month(f.month))\(office)")
        out.append("")
        out.append("\(h2)\(s.tilePhases)")
        for p in Phase.allCases { out.append("\(bullet)\(s.phase(p)): \(f.count(in: p))") }
        out.append("\(bullet)\(s.total): \(f.projectCount)")
        out.append("")
        out.append("\(h2)\(s.tileLights) (\(s.vsLastMonth))")
        for l in Light.allCases {
            out.append("\(bullet)\(s.light(l)): \(f.lights[l]) (\(LotseUI.Format.delta(f.lights[l] - f.previousLights[l])))")
        }
        out.append("\(bullet)\(s.withoutReport): \(f.lights.missing)")
        out.append("")
        out.append("\(h2)\(s.tileBudget)")
        let pct = f.budgetSpent.percent(of: f.budgetPlanned).map { " (" + fm.percent($0) + ")" } ?? ""
        out.append("\(bullet)\(s.planned): \(fm.money(f.budgetPlanned))")
        out.append("\(bullet)\(s.spent): \(fm.money(f.budgetSpent))\(pct)")
        out.append("")
        out.append("\(h2)\(s.tileReports) \(fm.month(f.month)): \(f.reportsMissing.isEmpty ? s.allReportsIn : s.missingCount(f.reportsMissing.count))")
        for p in f.reportsMissing { out.append("\(bullet)\(user(p.id)) \(user(p.name))") }
        out.append("")
        out.append("\(h2)\(s.redProjects)")
        if c.red.isEmpty { out.append("\(bullet)–") }
        for r in c.red {
            out.append("\(bullet)\(user(r.project.id)) \(user(r.project.name)) (\(s.redSince(fm.month(r.since))))")
            if let e = c.explanations[r.project.id] {
                out.append("\(sub)\(x.why): \(user(x.summary(e, strings: s)))")
            }
        }
        out.append("")
        out.append("\(h2)\(x.worseHeading)")
        if c.worse.isEmpty { out.append("\(bullet)\(x.noneWorse)") }
        for w in c.worse {
            out.append("\(bullet)\(user(w.project.id)) \(user(w.project.name)): \(s.light(w.change.from)) → \(s.light(w.change.to))")
        }
        out.append("")
        out.append("\(h2)\(x.decisionsHeading)")
        if f.fundingEndingUndecided.isEmpty { out.append("\(bullet)\(x.noDecisions)") }
        for p in f.fundingEndingUndecided {
            let spent = f.fundingEndingSpent[p.id].map { " · " + fm.moneyPair($0, of: p.budgetPlanned) } ?? ""
            out.append("\(bullet)\(p.fundingEnd.map(fm.month) ?? "") \(user(p.id)) \(user(p.name))\(spent)")
        }
        out.append("")
        out.append("\(h2)\(s.tileRisks)")
        // What changed this month: risks raised and closed.
        let changed = RiskChangeStrings.forLanguage(s.language).panelSuffix(f.risksRaised, f.risksClosed)
        if !changed.isEmpty { out.append("\(bullet)\(changed)") }
        if f.topRisks.isEmpty { out.append("\(bullet)\(s.noOpenRisks)") }
        for g in f.topRisks.prefix(5) {
            out.append("\(bullet)\(s.challenge(g.challenge)): \(s.openRisks(g.openRisks)), max. \(g.highestScore)")
        }
        out.append("")
        out.append(x.attention(c.attention.count))
        // Whatever else reaches the output (a translated text) still cannot drive a terminal.
        return SafeText.forTerminal(out.joined(separator: "\n") + "\n")
    }
}

import Foundation
import LotseDomain

/// The monthly portfolio report for mail or cron: the overview's figures as text,
/// Markdown or JSON. Pure; the caller prints it.
public enum MonthlyReport {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, json
    }

    /// The JSON form: stable keys, plain numbers (money in cents).
    struct Document: Encodable {
        struct Lights: Encodable { var green, yellow, red, missing: Int }
        struct ProjectRef: Encodable { var id, name: String; var fundingEnd: String? }
        struct RiskGroup: Encodable { var challenge: String; var openRisks, highestScore: Int }
        struct RedProject: Encodable { var id, name: String; var since: String }
        var month: String
        var projects: Int
        var projectsByPhase: [String: Int]
        var lights: Lights
        var lightsPreviousMonth: Lights
        var budgetPlannedCents: Int64
        var budgetSpentCents: Int64
        var reportsMissing: [ProjectRef]
        var fundingEndingUndecided: [ProjectRef]
        var topRisks: [RiskGroup]
        var redProjects: [RedProject]
        var health: [String: Double]
    }

    /// The report of `month`, asked of any engine: the overview's figures and the red streaks.
    public static func render(_ reader: any PortfolioReader, month: YearMonth, format: Format,
                              strings s: Strings) throws -> String {
        let f = try reader.answer(ScreenDataRequest(overview: month)).overview
            ?? OverviewFigures(portfolio: Portfolio(), month: month)
        let red = try reader.redStreaks(month: month).map { ($0.project, $0.since) }
        switch format {
        case .json: return json(f, red: red)
        case .markdown: return text(f, red: red, s: s, markdown: true)
        case .text: return text(f, red: red, s: s, markdown: false)
        }
    }

    static func json(_ f: OverviewFigures, red: [(Project, YearMonth)]) -> String {
        func lights(_ c: LightCounts) -> Document.Lights {
            .init(green: c.green, yellow: c.yellow, red: c.red, missing: c.missing)
        }
        let doc = Document(
            month: f.month.description, projects: f.projectCount,
            projectsByPhase: Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0.rawValue, f.count(in: $0)) }),
            lights: lights(f.lights), lightsPreviousMonth: lights(f.previousLights),
            budgetPlannedCents: f.budgetPlanned.cents, budgetSpentCents: f.budgetSpent.cents,
            reportsMissing: f.reportsMissing.map { .init(id: $0.id, name: $0.name, fundingEnd: $0.fundingEnd?.description) },
            fundingEndingUndecided: f.fundingEndingUndecided.map {
                .init(id: $0.id, name: $0.name, fundingEnd: $0.fundingEnd?.description)
            },
            topRisks: f.topRisks.map { .init(challenge: $0.challenge.rawValue, openRisks: $0.openRisks, highestScore: $0.highestScore) },
            redProjects: red.map { .init(id: $0.0.id, name: $0.0.name, since: $0.1.description) },
            health: Dictionary(uniqueKeysWithValues: f.health.compactMap { h in
                h.value.map { (h.month.description, ($0 * 10).rounded() / 10) }
            }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(doc)) ?? Data()
        return SafeText.json(String(decoding: data, as: UTF8.self)) + "\n"
    }

    static func text(_ f: OverviewFigures, red: [(Project, YearMonth)], s: Strings, markdown md: Bool) -> String {
        var out: [String] = []
        let h1 = md ? "# " : "", h2 = md ? "## " : "", bullet = md ? "- " : "  "
        let fm = s.formats
        // Ids and names come from the data: escaped for Markdown, kept on their line in text.
        func user(_ text: String) -> String { md ? SafeText.markdown(text) : SafeText.forTerminalLine(text) }
        out.append("\(h1)\(s.monthlyReport) \(fm.month(f.month))")
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
        out.append("\(h2)\(s.tileFundingEnd)")
        if f.fundingEndingUndecided.isEmpty { out.append("\(bullet)\(s.noFundingEnding)") }
        for p in f.fundingEndingUndecided {
            out.append("\(bullet)\(p.fundingEnd.map(fm.month) ?? "") \(user(p.id)) \(user(p.name))")
        }
        out.append("")
        out.append("\(h2)\(s.redProjects)")
        if red.isEmpty { out.append("\(bullet)–") }
        for (p, since) in red { out.append("\(bullet)\(user(p.id)) \(user(p.name)) (\(s.redSince(fm.month(since))))") }
        out.append("")
        out.append("\(h2)\(s.tileRisks)")
        if f.topRisks.isEmpty { out.append("\(bullet)\(s.noOpenRisks)") }
        for g in f.topRisks.prefix(5) {
            out.append("\(bullet)\(s.challenge(g.challenge)): \(s.openRisks(g.openRisks)), max. \(g.highestScore)")
        }
        // Whatever else reaches the output (a translated text) still cannot drive a terminal.
        return SafeText.forTerminal(out.joined(separator: "\n") + "\n")
    }

}

import Foundation

/// Checks the rules a stored portfolio must keep: unique identifiers, references that
/// exist, values in range. Returns readable problems; an empty list means valid.
public enum PortfolioValidator {
    public static func problems(in p: Portfolio) -> [String] {
        var out: [String] = []
        out += duplicates(p.municipalities.map(\.id), what: "municipality id")
        out += duplicates(p.projects.map(\.id), what: "project id")
        out += duplicates(p.kpis.map(\.id), what: "KPI id")
        out += duplicates(p.risks.map(\.id), what: "risk id")
        out += duplicates(p.reports.map { "\($0.projectID) \($0.month)" }, what: "report (project, month)")
        out += duplicates(p.readings.map { "\($0.kpiID) \($0.month)" }, what: "KPI reading (KPI, month)")

        let municipalities = Set(p.municipalities.map(\.id))
        let projects = Set(p.projects.map(\.id))
        let kpis = Set(p.kpis.map(\.id))
        for m in p.municipalities {
            if m.population < 0 { out.append("municipality \(m.id): population must not be negative") }
            out += [PlausibleValues.identifier(m.id, "municipality"),
                    PlausibleValues.name(m.name, "municipality \(m.id): name")].compactMap { $0 }
        }
        for pr in p.projects {
            if !municipalities.contains(pr.municipalityID) {
                out.append("project \(pr.id): unknown municipality '\(pr.municipalityID)'")
            }
            if pr.budgetPlanned.cents < 0 { out.append("project \(pr.id): budget must not be negative") }
            if let end = pr.fundingEnd, end < pr.start {
                out.append("project \(pr.id): end of funding \(end) lies before the start \(pr.start)")
            }
            if pr.name.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append("project \(pr.id): name is empty")
            }
            out += [PlausibleValues.money(pr.budgetPlanned, "project \(pr.id): budget"),
                    PlausibleValues.identifier(pr.id, "project"),
                    PlausibleValues.name(pr.name, "project \(pr.id): name")].compactMap { $0 }
        }
        for r in p.reports {
            let id = "report \(r.projectID) \(r.month)"
            if !projects.contains(r.projectID) { out.append("\(id): unknown project") }
            if !(0...100).contains(r.progress) { out.append("\(id): progress \(r.progress) is not within 0…100") }
            if r.spent.cents < 0 { out.append("\(id): money spent must not be negative") }
            if let m = PlausibleValues.money(r.spent, "\(id): money spent") { out.append(m) }
            out += [PlausibleValues.text(r.achieved, "\(id): achieved"),
                    PlausibleValues.text(r.nextSteps, "\(id): next steps"),
                    PlausibleValues.text(r.risksAndMeasures, "\(id): risks and measures")].compactMap { $0 }
        }
        for k in p.kpis {
            if let m = PlausibleValues.identifier(k.id, "KPI") { out.append(m) }
            if !projects.contains(k.projectID) { out.append("KPI \(k.id): unknown project '\(k.projectID)'") }
        }
        for r in p.readings where !kpis.contains(r.kpiID) {
            out.append("KPI reading \(r.kpiID) \(r.month): unknown KPI")
        }
        for r in p.risks {
            if !projects.contains(r.projectID) { out.append("risk \(r.id): unknown project '\(r.projectID)'") }
            if !(1...5).contains(r.probability) { out.append("risk \(r.id): probability \(r.probability) is not within 1…5") }
            if !(1...5).contains(r.impact) { out.append("risk \(r.id): impact \(r.impact) is not within 1…5") }
            if let m = PlausibleValues.identifier(r.id, "risk") { out.append(m) }
            if let closed = r.closed, r.isOpen { out.append("risk \(r.id): closed in \(closed) but still open") }
            if let closed = r.closed, let raised = r.raised, closed < raised {
                out.append("risk \(r.id): closed in \(closed), before it was raised in \(raised)")
            }
        }
        return out
    }

    private static func duplicates(_ ids: [String], what: String) -> [String] {
        var seen = Set<String>(), reported = Set<String>(), out: [String] = []
        for id in ids {
            if !seen.insert(id).inserted, reported.insert(id).inserted {
                out.append("duplicate \(what) '\(id)'")
            }
        }
        return out
    }
}

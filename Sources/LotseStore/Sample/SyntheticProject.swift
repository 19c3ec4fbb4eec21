import Foundation
import LotseDomain

/// Makes one project of a `SyntheticPortfolio` with its reports, KPIs, readings and risks.
struct ProjectMaker {
    let id: String
    /// Position among all projects; the first 19 cover every field of action once.
    let serial: Int
    let place: SyntheticPortfolio.Place
    let window: SyntheticPortfolio.Window
    var rng: SplitMix64

    mutating func make() -> SyntheticPortfolio.MadeProject {
        let project = makeProject()
        var out = SyntheticPortfolio.MadeProject(project: project)
        let kpis = makeKPIs(project)
        out.kpis = kpis.map(\.kpi)
        makeReports(project, kpis: kpis, into: &out)
        out.risks = makeRisks(project)
        return out
    }

    // MARK: - Master data

    private mutating func makeProject() -> Project {
        let fields = FieldOfAction.allCases
        let field = serial < fields.count ? fields[serial] : rng.pick(fields)
        let phase = Phase.allCases[rng.weighted([40, 35, 25])]
        let monthsAgo: Int
        switch phase {
        case .experimentation: monthsAgo = rng.int(0...30)
        case .transfer: monthsAgo = rng.int(12...48)
        case .establishment: monthsAgo = rng.int(24...72)
        }
        let start = window.last.adding(months: -monthsAgo)
        let regularBudget = rng.chance(phase == .establishment ? 45 : 12)
        var fundingEnd: YearMonth?
        if !regularBudget {
            var end = window.last.adding(months: rng.int(-12...48))
            if end < start.adding(months: 12) { end = start.adding(months: 12 + rng.int(0...24)) }
            fundingEnd = end
        }
        let continuation: ContinuationDecision
        if let end = fundingEnd {
            let left = window.last.months(to: end)
            // Weights for open, own budget, scale, rebuild, stop: the nearer the end, the
            // likelier a decision.
            let weights = left < 0 ? [8, 40, 20, 10, 22] : left < 12 ? [50, 25, 10, 5, 10] : [85, 8, 4, 1, 2]
            continuation = ContinuationDecision.allCases[rng.weighted(weights)]
        } else {
            continuation = .ownBudget
        }
        let kind = rng.pick(SolutionKind.allCases)
        return Project(
            id: id, municipalityID: place.municipality.id, name: Vocabulary.projectName(field, &rng),
            field: field, solutionKind: kind, phase: phase, owner: Vocabulary.owner(place.municipality, &rng),
            start: start, fundingEnd: fundingEnd,
            fundingSource: regularBudget ? "Haushalt" : rng.pick(Vocabulary.fundingSources),
            budgetPlanned: budget(),
            basicComponentCandidate: rng.chance(kind == .digitalInfrastructure ? 40 : 10),
            reusedByOthers: rng.chance(phase == .experimentation ? 5 : 30),
            continuation: continuation)
    }

    /// Whole thousands of euros, mostly small and medium projects, a few very large ones.
    private mutating func budget() -> Money {
        let ranges = [20...150, 150...900, 900...3_000, 3_000...8_000]
        let thousands = rng.int(ranges[rng.weighted([35, 40, 20, 5])])
        return Money(euros: Int64(thousands) * 1_000)
    }

    // MARK: - Reports

    /// Months the project's grant runs (36 for projects paid from the budget), at least 6.
    private func duration(_ p: Project) -> Int {
        max(6, p.start.months(to: p.fundingEnd ?? p.start.adding(months: 35)) + 1)
    }

    private mutating func makeReports(_ p: Project, kpis: [KPIPlan], into out: inout SyntheticPortfolio.MadeProject) {
        let first = max(p.start, window.first)
        guard first <= window.last else { return }
        let total = duration(p)
        let troubled = rng.chance(15)
        let sloppy = rng.chance(15)
        let author = Vocabulary.author(&rng)
        var light = Light.allCases[rng.weighted(troubled ? [50, 35, 15] : [72, 21, 7])]
        // Progress in tenths of a per cent, so integer steps stay small but never stall.
        var progress = min(950, p.start.months(to: first) * 1000 / total * rng.int(70...110) / 100)
        var spent: Int64 = p.budgetPlanned.cents * Int64(min(p.start.months(to: first), total)) / Int64(total)
        let monthly = p.budgetPlanned.cents / Int64(total)
        for month in YearMonth.sequence(from: first, through: window.last) where p.expectsReport(in: month) {
            light = nextLight(after: light, troubled: troubled)
            let lightFactor = [100, 60, 15][light.severity]
            progress = min(1000, progress + 1000 / total * lightFactor / 100 * rng.int(50...150) / 100)
            let latest = month == window.last
            guard !rng.chance(sloppy ? (latest ? 35 : 12) : (latest ? 6 : 2)) else { continue }
            let lights = partLights(overall: light)
            var factor = Int64(rng.int(30...160)) + (lights[1] == .red ? 40 : 0)
            if spent > p.budgetPlanned.cents * 11 / 10 || rng.chance(8) { factor = Int64(rng.int(0...10)) }
            let cents = monthly * factor / 100 / 100 * 100
            spent += cents
            out.reports.append(StatusReport(
                projectID: p.id, month: month, overall: light, schedule: lights[0], cost: lights[1],
                results: lights[2], progress: progress / 10,
                achieved: Vocabulary.achieved(light, month, &rng), nextSteps: Vocabulary.nextSteps(&rng),
                risksAndMeasures: Vocabulary.risksAndMeasures(light, &rng), spent: Money(cents: cents),
                author: author,
                submittedAt: SyntheticPortfolio.date(month, day: rng.int(1...12), minute: rng.int(420...1_050))))
            for plan in kpis where !rng.chance(10) {
                out.readings.append(KPIReading(kpiID: plan.kpi.id, month: month,
                                               value: plan.value(progress: progress, &rng)))
            }
        }
    }

    /// Lights mostly stay as they were; troubled projects slide more easily.
    private mutating func nextLight(after light: Light, troubled: Bool) -> Light {
        let weights: [Int]
        switch light {
        case .green: weights = troubled ? [76, 19, 5] : [89, 9, 2]
        case .yellow: weights = troubled ? [22, 56, 22] : [32, 55, 13]
        case .red: weights = troubled ? [8, 37, 55] : [14, 40, 46]
        }
        return Light.allCases[rng.weighted(weights)]
    }

    /// Schedule, cost and results: one of them is as bad as the overall light (or, now and
    /// then, one step worse while the overall light is kept milder); the others are no worse.
    private mutating func partLights(overall: Light) -> [Light] {
        let driver = rng.int(0...2)
        let mild = overall != .red && rng.chance(10)
        return (0..<3).map { i in
            if i == driver { return Light.allCases[overall.severity + (mild ? 1 : 0)] }
            return rng.chance(60) ? .green : Light.allCases[rng.int(0...overall.severity)]
        }
    }

    // MARK: - KPIs and risks

    struct KPIPlan {
        var kpi: KPI
        /// Scaled by 10^decimals.
        var start: Int
        var target: Int
        var decimals: Int

        /// The reading at `progress` (tenths of a per cent): from start towards the target, with noise.
        func value(progress: Int, _ rng: inout SplitMix64) -> Decimal {
            let moved = (target - start) * progress / 1000 * rng.int(85...110) / 100
            return Vocabulary.decimal(max(0, start + moved), decimals: decimals)
        }
    }

    private mutating func makeKPIs(_ p: Project) -> [KPIPlan] {
        var templates = Vocabulary.kpis
        let count = rng.weighted([5, 35, 35, 25])
        return (0..<count).map { n in
            let t = templates.remove(at: rng.int(0...(templates.count - 1)))
            let target = rng.int(t.target)
            let start = target * rng.int(t.startPercent) / 100
            let kpi = KPI(id: "\(p.id)-K\(n + 1)", projectID: p.id, name: t.name, unit: t.unit,
                          target: Vocabulary.decimal(target, decimals: t.decimals), direction: t.direction)
            return KPIPlan(kpi: kpi, start: start, target: target, decimals: t.decimals)
        }
    }

    private mutating func makeRisks(_ p: Project) -> [Risk] {
        let count = rng.weighted([20, 30, 25, 15, 10])
        return (0..<count).map { n in
            let challenge = Challenge.allCases[rng.weighted([8, 14, 9, 12, 8, 6, 7, 8, 6, 5])]
            return Risk(id: "\(p.id)-R\(n + 1)", projectID: p.id, title: Vocabulary.riskTitle(challenge, &rng),
                        challenge: challenge, probability: rng.weighted([10, 30, 30, 20, 10]) + 1,
                        impact: rng.weighted([8, 25, 32, 23, 12]) + 1, measure: Vocabulary.measure(challenge, &rng),
                        owner: rng.chance(50) ? p.owner : Vocabulary.author(&rng), isOpen: rng.chance(75))
        }.enumerated().map { n, risk in Self.withMonths(risk, serial: serial, number: n, project: p, window: window) }
    }

    /// The months a risk was raised and closed, spread over the last year of the window and
    /// never before the project's start. Derived from the positions, not drawn, so the random
    /// sequence (and every other value) stays as it was.
    static func withMonths(_ risk: Risk, serial: Int, number n: Int, project p: Project,
                           window: SyntheticPortfolio.Window) -> Risk {
        var r = risk
        let raised = max(window.last.adding(months: -((serial * 7 + n * 5) % 12)), p.start, window.first)
        guard raised <= window.last else { return r }
        r.raised = raised
        if !r.isOpen { r.closed = min(raised.adding(months: (serial + n) % 4), window.last) }
        return r
    }
}

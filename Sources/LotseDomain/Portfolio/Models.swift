import Foundation

public struct Municipality: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var kind: MunicipalityKind
    public var population: Int

    public init(id: String, name: String, kind: MunicipalityKind, population: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.population = population
    }
}

/// A smart-city project of a municipality's portfolio.
public struct Project: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var municipalityID: String
    public var name: String
    public var field: FieldOfAction
    public var solutionKind: SolutionKind
    public var phase: Phase
    public var owner: String
    public var start: YearMonth
    /// Month in which the grant runs out; nil for projects paid from the regular budget.
    public var fundingEnd: YearMonth?
    public var fundingSource: String
    public var budgetPlanned: Money
    public var basicComponentCandidate: Bool
    public var reusedByOthers: Bool
    public var continuation: ContinuationDecision

    public init(
        id: String, municipalityID: String, name: String, field: FieldOfAction,
        solutionKind: SolutionKind, phase: Phase, owner: String, start: YearMonth,
        fundingEnd: YearMonth?, fundingSource: String, budgetPlanned: Money,
        basicComponentCandidate: Bool = false, reusedByOthers: Bool = false,
        continuation: ContinuationDecision = .open
    ) {
        self.id = id
        self.municipalityID = municipalityID
        self.name = name
        self.field = field
        self.solutionKind = solutionKind
        self.phase = phase
        self.owner = owner
        self.start = start
        self.fundingEnd = fundingEnd
        self.fundingSource = fundingSource
        self.budgetPlanned = budgetPlanned
        self.basicComponentCandidate = basicComponentCandidate
        self.reusedByOthers = reusedByOthers
        self.continuation = continuation
    }

    /// Whether a monthly status report is due for `month`: from the start month on, and
    /// after the end of funding only if the project is not being stopped.
    public func expectsReport(in month: YearMonth) -> Bool {
        guard month >= start else { return false }
        if continuation == .stop, let end = fundingEnd, month > end { return false }
        return true
    }
}

/// The monthly status report of one project. One per project and month.
public struct StatusReport: Hashable, Sendable, Codable {
    public var projectID: String
    public var month: YearMonth
    public var overall: Light
    public var schedule: Light
    public var cost: Light
    public var results: Light
    /// 0 ... 100
    public var progress: Int
    public var achieved: String
    public var nextSteps: String
    public var risksAndMeasures: String
    /// Money spent in this month.
    public var spent: Money
    public var author: String
    public var submittedAt: Date

    public init(
        projectID: String, month: YearMonth, overall: Light, schedule: Light, cost: Light,
        results: Light, progress: Int, achieved: String = "", nextSteps: String = "",
        risksAndMeasures: String = "", spent: Money, author: String, submittedAt: Date
    ) {
        self.projectID = projectID
        self.month = month
        self.overall = overall
        self.schedule = schedule
        self.cost = cost
        self.results = results
        self.progress = progress
        self.achieved = achieved
        self.nextSteps = nextSteps
        self.risksAndMeasures = risksAndMeasures
        self.spent = spent
        self.author = author
        self.submittedAt = submittedAt
    }
}

/// A key figure of a project with its target.
public struct KPI: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var projectID: String
    public var name: String
    public var unit: String
    public var target: Decimal
    public var direction: KPIDirection

    public init(id: String, projectID: String, name: String, unit: String, target: Decimal,
                direction: KPIDirection) {
        self.id = id
        self.projectID = projectID
        self.name = name
        self.unit = unit
        self.target = target
        self.direction = direction
    }
}

public struct KPIReading: Hashable, Sendable, Codable {
    public var kpiID: String
    public var month: YearMonth
    public var value: Decimal

    public init(kpiID: String, month: YearMonth, value: Decimal) {
        self.kpiID = kpiID
        self.month = month
        self.value = value
    }
}

/// A risk of a project, categorised by one of the ten challenges.
public struct Risk: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var projectID: String
    public var title: String
    public var challenge: Challenge
    /// 1 (rare) ... 5 (almost certain)
    public var probability: Int
    /// 1 (minor) ... 5 (severe)
    public var impact: Int
    public var measure: String
    public var owner: String
    public var isOpen: Bool
    /// The month the risk was recorded; nil for risks recorded before months were kept.
    public var raised: YearMonth?
    /// The month the risk was closed; only set for closed risks.
    public var closed: YearMonth?

    public init(id: String, projectID: String, title: String, challenge: Challenge,
                probability: Int, impact: Int, measure: String, owner: String,
                isOpen: Bool = true, raised: YearMonth? = nil, closed: YearMonth? = nil) {
        self.id = id
        self.projectID = projectID
        self.title = title
        self.challenge = challenge
        self.probability = probability
        self.impact = impact
        self.measure = measure
        self.owner = owner
        self.isOpen = isOpen
        self.raised = raised
        self.closed = closed
    }

    /// Probability times impact, 1 ... 25.
    public var score: Int { probability * impact }
}

import Foundation
@testable import LotseDomain

/// A small hand-made portfolio whose figures can be worked out on paper.
enum Fixture {
    static let now = YearMonth(year: 2026, month: 11)!
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func project(_ id: String, phase: Phase = .experimentation, start: String = "2025-01",
                        end: String? = "2027-06", budget: Int64 = 100_000,
                        continuation: ContinuationDecision = .open) -> Project {
        Project(id: id, municipalityID: "m", name: "Projekt \(id)", field: .mobility,
                solutionKind: .applicationScenario, phase: phase, owner: "Amt", start: YearMonth(start)!,
                fundingEnd: end.flatMap(YearMonth.init), fundingSource: "MPSC",
                budgetPlanned: Money(euros: budget), continuation: continuation)
    }

    static func report(_ id: String, _ month: String, _ light: Light, spent: Int64 = 1_000,
                       progress: Int = 50) -> StatusReport {
        StatusReport(projectID: id, month: YearMonth(month)!, overall: light, schedule: light, cost: light,
                     results: light, progress: progress, spent: Money(euros: spent), author: "t", submittedAt: date)
    }

    /// A: green → red; B: yellow → yellow; C: reported last month only (missing now);
    /// D: starts next month (owes nothing); E: stopped, funding ended (owes nothing).
    static var portfolio: Portfolio {
        Portfolio(
            municipalities: [Municipality(id: "m", name: "Teststadt", kind: .city, population: 1000)],
            projects: [
                project("A", phase: .transfer, end: "2026-12", budget: 200_000),
                project("B", end: "2027-10", budget: 50_000),
                project("C", phase: .establishment, end: nil, budget: 10_000, continuation: .ownBudget),
                project("D", start: "2026-12", end: "2027-03"),
                project("E", end: "2026-06", continuation: .stop),
            ],
            reports: [
                report("A", "2026-10", .green, spent: 5_000),
                report("A", "2026-11", .red, spent: 7_000),
                report("A", "2026-12", .green, spent: 100_000), // a future month must not count
                report("B", "2026-10", .yellow, spent: 2_000),
                report("B", "2026-11", .yellow, spent: 3_000),
                report("C", "2026-10", .green, spent: 500),
            ],
            risks: [
                Risk(id: "r1", projectID: "A", title: "x", challenge: .money, probability: 4, impact: 5, measure: "", owner: ""),
                Risk(id: "r2", projectID: "B", title: "y", challenge: .money, probability: 1, impact: 2, measure: "", owner: ""),
                Risk(id: "r3", projectID: "B", title: "z", challenge: .staff, probability: 3, impact: 3, measure: "", owner: ""),
                Risk(id: "r4", projectID: "A", title: "closed", challenge: .procurement, probability: 5, impact: 5,
                     measure: "", owner: "", isOpen: false),
            ])
    }
}

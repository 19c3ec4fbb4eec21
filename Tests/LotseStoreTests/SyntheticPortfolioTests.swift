import Foundation
import LotseDomain
import Testing
@testable import LotseStore

@Suite("Synthetic portfolio")
struct SyntheticPortfolioTests {
    static let end = YearMonth(year: 2026, month: 11)!

    static func make(projects: Int = 120, municipalities: Int = 8, months: Int = 24, seed: UInt64 = 7) -> Portfolio {
        SyntheticPortfolio.make(projects: projects, municipalities: municipalities, months: months, endingAt: end,
                                seed: seed)
    }

    @Test func sameSeedGivesTheSamePortfolio() {
        #expect(Self.make() == Self.make())
    }

    @Test func anotherSeedGivesAnotherPortfolio() {
        let a = Self.make(seed: 7), b = Self.make(seed: 8)
        #expect(a != b)
        #expect(a.projects.map(\.name) != b.projects.map(\.name))
        #expect(a.reports.map(\.overall) != b.reports.map(\.overall))
    }

    @Test(arguments: [(1, 1, 1), (19, 1, 3), (120, 8, 24), (400, 30, 36)])
    func isValidWithTheCountsAsked(projects: Int, municipalities: Int, months: Int) {
        let p = Self.make(projects: projects, municipalities: municipalities, months: months)
        #expect(PortfolioValidator.problems(in: p) == [])
        #expect(p.projects.count == projects)
        #expect(p.municipalities.count == municipalities)
        let first = Self.end.adding(months: -(months - 1))
        #expect(p.reports.allSatisfy { $0.month >= first && $0.month <= Self.end })
        #expect(p.reports.map(\.month).max() == Self.end)
    }

    @Test func coversTheDomain() {
        let p = Self.make(projects: 400, municipalities: 12)
        #expect(Set(p.projects.map(\.field)) == Set(FieldOfAction.allCases))
        #expect(Set(p.projects.map(\.phase)) == Set(Phase.allCases))
        #expect(Set(p.projects.map(\.solutionKind)) == Set(SolutionKind.allCases))
        #expect(Set(p.projects.map(\.continuation)) == Set(ContinuationDecision.allCases))
        #expect(Set(p.reports.map(\.overall)) == Set(Light.allCases))
        #expect(Set(p.risks.map(\.challenge)) == Set(Challenge.allCases))
        #expect(p.risks.contains { !$0.isOpen } && p.risks.contains(where: \.isOpen))
        #expect(Set(p.projects.map(\.municipalityID)) == Set(p.municipalities.map(\.id)))
        #expect(p.municipalities.filter { $0.kind == .county }.count == 1)
        #expect(p.projects.contains { $0.fundingEnd == nil })
        #expect(!p.readings.isEmpty)
        // Some reports are missing, more of them in the latest month.
        let index = PortfolioIndex(p)
        let missingNow = LightCounts.count(in: Self.end, index: index).missing
        let missingBefore = LightCounts.count(in: Self.end.adding(months: -6), index: index).missing
        #expect(missingNow > 0 && missingNow > missingBefore)
        // Funding ends are spread over the coming years, a part of them within 12 months and undecided.
        let ends = p.projects.compactMap(\.fundingEnd)
        #expect(ends.contains { $0 > Self.end.adding(months: 24) })
        #expect(!OverviewFigures(index: index, month: Self.end).fundingEndingUndecided.isEmpty)
    }

    @Test func reportsArePlausibleMonthToMonth() {
        let p = Self.make(projects: 200)
        let index = PortfolioIndex(p)
        var kept = 0, changes = 0
        for reports in index.reportsByProject.values {
            for (a, b) in zip(reports, reports.dropFirst()) {
                #expect(b.progress >= a.progress, "progress falls in \(b.projectID) \(b.month)")
                if a.month.next == b.month { a.overall == b.overall ? (kept += 1) : (changes += 1) }
            }
            for r in reports {
                // The overall light is the worst part light, or one step milder than it.
                let parts = [r.schedule, r.cost, r.results].map(\.severity).sorted(by: >)
                #expect(max(parts[0] - 1, parts[1]) <= r.overall.severity && r.overall.severity <= parts[0])
                #expect(r.month >= index.portfolio.projects.first { $0.id == r.projectID }!.start)
            }
        }
        #expect(kept > changes * 3, "lights should mostly persist: \(kept) kept, \(changes) changed")
    }

    @Test func namesAreGermanAndIDsFitTheTable() {
        let p = Self.make(projects: 300, municipalities: 20)
        #expect(p.projects.allSatisfy { $0.id.count == 6 })
        #expect(p.municipalities.contains { $0.name.contains { "äöüß".contains($0) } }
                    || p.projects.contains { $0.name.contains { "äöüß".contains($0) } })
        #expect(Set(p.municipalities.map(\.name)).count == p.municipalities.count)
    }

    @Test func roundTripsThroughTheStore() throws {
        let p = Self.make(projects: 25, municipalities: 3, months: 6)
        let store = try Fixture.store()
        try store.replaceAll(with: p, by: "tester")
        #expect(try store.loadPortfolio() == p.inStoreOrder())
    }

    @Test func roundTripsThroughJSON() throws {
        let p = Self.make(projects: 25, municipalities: 3, months: 6)
        let data = try PortfolioCoding.encoder().encode(p)
        #expect(try PortfolioCoding.decode(data, source: "synthetic") == p)
    }
}

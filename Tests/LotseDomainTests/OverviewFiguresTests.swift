import Testing
@testable import LotseDomain

@Suite struct OverviewFiguresTests {
    let f = OverviewFigures(portfolio: Fixture.portfolio, month: Fixture.now)

    @Test func countsProjectsByPhase() {
        #expect(f.projectCount == 5)
        #expect(f.count(in: .experimentation) == 3)
        #expect(f.count(in: .transfer) == 1)
        #expect(f.count(in: .establishment) == 1)
    }

    @Test func countsLightsOfTheMonthAndTheMonthBefore() {
        #expect(f.lights == LightCounts(green: 0, yellow: 1, red: 1, missing: 1))
        #expect(f.previousLights == LightCounts(green: 2, yellow: 1, red: 0, missing: 0))
        #expect(f.lightChanges == [.init(projectID: "A", from: .green, to: .red)])
    }

    @Test func reportsMissingThisMonthIgnoreProjectsNotYetStartedOrStopped() {
        #expect(f.reportsMissing.map(\.id) == ["C"])
    }

    @Test func budgetSumsPlannedAndSpentUpToTheMonth() {
        #expect(f.budgetPlanned == Money(euros: 200_000 + 50_000 + 10_000 + 100_000 + 100_000))
        #expect(f.budgetSpent == Money(euros: 5_000 + 7_000 + 2_000 + 3_000 + 500))
    }

    @Test func fundingEndingWithinTwelveMonthsWithoutDecision() {
        // A ends 12/2026, B ends 10/2027 (the 12th month), D ends 03/2027; C has no end,
        // E ended before the month.
        #expect(f.fundingEndingUndecided.map(\.id) == ["A", "D", "B"])
        let later = OverviewFigures(portfolio: Fixture.portfolio, month: YearMonth("2026-10")!)
        #expect(!later.fundingEndingUndecided.map(\.id).contains("B"))
    }

    @Test func decidedProjectsDoNotCountAsUndecided() {
        var p = Fixture.portfolio
        p.projects[0].continuation = .ownBudget
        let g = OverviewFigures(portfolio: p, month: Fixture.now)
        #expect(!g.fundingEndingUndecided.map(\.id).contains("A"))
    }

    @Test func topRisksGroupOpenRisksByChallenge() {
        #expect(f.topRisks.map(\.challenge) == [.money, .staff])
        #expect(f.topRisks[0].openRisks == 2)
        #expect(f.topRisks[0].highestScore == 20)
        #expect(f.topRisks[0].totalScore == 22)
    }

    @Test func healthCoversTwentyFourMonthsEndingNow() {
        #expect(f.health.count == 24)
        #expect(f.health.last?.month == Fixture.now)
        // Now: yellow + red → (0 + 50) / 2 = 25; before: green, yellow, green → 250/3.
        #expect(f.health.last?.value == 25)
        #expect(abs((f.health[22].value ?? 0) - 250.0 / 3) < 1e-9)
        #expect(f.health.first?.value == nil)
    }

    @Test func projectRowsShowLatestReportAndSpentUpToTheMonth() {
        let rows = ProjectRow.rows(index: PortfolioIndex(Fixture.portfolio), month: Fixture.now)
        let a = rows.first { $0.id == "A" }!
        #expect(a.light == .red)
        #expect(a.spent == Money(euros: 12_000))
        let c = rows.first { $0.id == "C" }!
        #expect(c.reportMissing)
        #expect(c.latestReport?.month == YearMonth("2026-10"))
        #expect(rows.first { $0.id == "D" }?.reportMissing == false)
    }
}

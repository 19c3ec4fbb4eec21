import Foundation
import Testing
@testable import LotseDomain

@Suite struct PortfolioDocumentTests {
    @Test func roundTripsThroughJSON() throws {
        let data = try PortfolioCoding.encoder().encode(Fixture.portfolio)
        let back = try PortfolioCoding.decode(data, source: "test.json")
        #expect(back == Fixture.portfolio)
    }

    @Test func validatorNamesEveryProblem() {
        var p = Fixture.portfolio
        p.projects.append(Fixture.project("A"))
        p.reports.append(Fixture.report("X", "2026-11", .green))
        p.reports[0].progress = 140
        p.risks[0].impact = 9
        let problems = PortfolioValidator.problems(in: p)
        #expect(problems.contains("duplicate project id 'A'"))
        #expect(problems.contains("report X 2026-11: unknown project"))
        #expect(problems.contains("report A 2026-10: progress 140 is not within 0…100"))
        #expect(problems.contains("risk r1: impact 9 is not within 1…5"))
        #expect(PortfolioValidator.problems(in: Fixture.portfolio).isEmpty)
    }

    @Test func malformedFileGivesThePath() throws {
        let json = Data(#"{"formatVersion":1,"municipalities":[],"projects":[{"id":"x"}],"reports":[],"kpis":[],"readings":[],"risks":[]}"#.utf8)
        let error = try #require(throws: PortfolioFileError.self) { try PortfolioCoding.decode(json, source: "f.json") }
        #expect(error.description.hasPrefix("f.json: not a Lotse portfolio file: projects[0]"))
    }

    @Test func shiftingMovesEveryMonth() {
        let shifted = Fixture.portfolio.shifted(byMonths: 3)
        #expect(shifted.latestReportMonth == YearMonth("2027-03"))
        #expect(shifted.projects[0].fundingEnd == YearMonth("2027-03"))
        #expect(shifted.projects[2].fundingEnd == nil)
        #expect(shifted.projects[0].start == YearMonth("2025-04"))
        #expect(Fixture.portfolio.shifted(byMonths: 0) == Fixture.portfolio)
    }

    @Test func stoppedProjectOwesNoReportAfterItsFundingEnds() {
        let e = Fixture.project("E", end: "2026-06", continuation: .stop)
        #expect(e.expectsReport(in: YearMonth("2026-06")!))
        #expect(!e.expectsReport(in: YearMonth("2026-07")!))
        let open = Fixture.project("F", end: "2026-06")
        #expect(open.expectsReport(in: YearMonth("2026-07")!))
    }
}

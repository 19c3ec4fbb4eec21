import Foundation
import Testing
import LotseDomain
import LotseUI

@Suite struct MonthlyReportTests {
    @Test func textReportCarriesTheOverviewFigures() throws {
        let f = OverviewFigures(portfolio: Sample.portfolio, month: Sample.month)
        let text = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .text, strings: .german)
        #expect(text.hasPrefix("Portfolio-Bericht \(Formats.german.month(Sample.month))"))
        #expect(text.contains("Gesamt: \(f.projectCount)"))
        #expect(text.contains("rot: \(f.lights.red)"))
        for p in f.reportsMissing { #expect(text.contains("\(p.id) \(p.name)")) }
        #expect(text.contains(Formats.german.money(f.budgetPlanned)))
    }

    @Test func markdownUsesHeadings() throws {
        let md = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .markdown, strings: .english)
        #expect(md.hasPrefix("# Portfolio report"))
        #expect(md.contains("\n## Traffic lights"))
    }

    @Test func jsonIsParseableAndExact() throws {
        let f = OverviewFigures(portfolio: Sample.portfolio, month: Sample.month)
        let json = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .json, strings: .german)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["month"] as? String == Sample.month.description)
        #expect((object["budgetSpentCents"] as? NSNumber)?.int64Value == f.budgetSpent.cents)
        #expect((object["reportsMissing"] as? [Any])?.count == f.reportsMissing.count)
        #expect((object["risksRaised"] as? Int) == f.risksRaised && (object["risksClosed"] as? Int) == f.risksClosed)
    }

    @Test func theRisksRaisedAndClosedThisMonthAreSaid() throws {
        let f = OverviewFigures(portfolio: Sample.portfolio, month: Sample.month)
        #expect(f.risksRaised + f.risksClosed > 0, "the sample raises and closes risks in its newest month")
        let text = try MonthlyReport.render(Sample.reader, month: Sample.month, format: .text, strings: .german)
        #expect(text.contains("\n  " + RiskChangeStrings.german.panelSuffix(f.risksRaised, f.risksClosed) + "\n"))
    }
}

/// The report's new parts worked out by hand: the causes of red projects, what got worse, the
/// decisions due, what needs attention (the exit code), one office; golden files of each format.
@Suite struct MonthlyReportAttentionTests {
    static let month = YearMonth(year: 2026, month: 11)!
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func project(_ id: String, owner: String = "Amt A", end: String? = "2028-12",
                        continuation: ContinuationDecision = .open) -> Project {
        Project(id: id, municipalityID: "m", name: "Projekt \(id)", field: .mobility, solutionKind: .applicationScenario,
                phase: .experimentation, owner: owner, start: YearMonth("2026-01")!, fundingEnd: end.flatMap(YearMonth.init),
                fundingSource: "MPSC", budgetPlanned: Money(euros: 100_000), continuation: continuation)
    }

    static func report(_ id: String, _ month: String, _ overall: Light, schedule: Light = .green, progress: Int = 90,
                       spent: Int64 = 1_000) -> StatusReport {
        StatusReport(projectID: id, month: YearMonth(month)!, overall: overall, schedule: schedule, cost: .green,
                     results: .green, progress: progress, spent: Money(euros: spent), author: "t", submittedAt: date)
    }

    /// Every project green, reported, funding far away: nothing needs attention.
    static var calm: [Project] { [project("G1"), project("G2", end: nil)] }
    static var calmReports: [StatusReport] {
        ["G1", "G2"].flatMap { [report($0, "2026-10", .green), report($0, "2026-11", .green)] }
    }

    static func content(projects: [Project], reports: [StatusReport], office: String? = nil) throws -> MonthlyReport.Content {
        let portfolio = Portfolio(municipalities: [Municipality(id: "m", name: "Teststadt", kind: .city, population: 1000)],
                                  projects: projects, reports: reports)
        return try MonthlyReport.gather(InMemoryPortfolio(portfolio), month: month, office: office)
    }

    @Test func aCalmMonthNeedsNoAttention() throws {
        let c = try Self.content(projects: Self.calm, reports: Self.calmReports)
        #expect(c.attention.isEmpty)
        let text = MonthlyReport.render(c, format: .text, strings: .german)
        #expect(text.contains(ExplanationStrings.german.noneWorse))
        #expect(text.contains(ExplanationStrings.german.noDecisions))
        #expect(text.hasSuffix(ExplanationStrings.german.attention(0) + "\n"))
    }

    @Test func eachReasonAloneNeedsAttention() throws {
        // Red this month (red last month too, so not worse).
        let red = try Self.content(projects: Self.calm + [Self.project("R")],
                                   reports: Self.calmReports + [Self.report("R", "2026-10", .red), Self.report("R", "2026-11", .red)])
        #expect(red.attention == ["R"])
        #expect(red.worse.isEmpty)
        // Green to yellow.
        let worse = try Self.content(projects: Self.calm + [Self.project("W")],
                                     reports: Self.calmReports + [Self.report("W", "2026-10", .green), Self.report("W", "2026-11", .yellow)])
        #expect(worse.attention == ["W"])
        #expect(worse.worse.map(\.project.id) == ["W"])
        // Report missing.
        let missing = try Self.content(projects: Self.calm + [Self.project("M")],
                                       reports: Self.calmReports + [Self.report("M", "2026-10", .green)])
        #expect(missing.attention == ["M"])
        // Funding ends in 6 months (April 2027 counts, this month included) with the continuation open.
        let soon = try Self.content(projects: Self.calm + [Self.project("F", end: "2027-04")],
                                    reports: Self.calmReports + [Self.report("F", "2026-11", .green)])
        #expect(soon.attention == ["F"])
        // In 7 months it is a decision due, not yet attention; decided it is neither.
        let later = try Self.content(projects: Self.calm + [Self.project("L", end: "2027-05"),
                                                            Self.project("D", end: "2027-01", continuation: .ownBudget)],
                                     reports: Self.calmReports + [Self.report("L", "2026-11", .green), Self.report("D", "2026-11", .green)])
        #expect(later.attention.isEmpty)
        #expect(later.figures.fundingEndingUndecided.map(\.id) == ["L"])
    }

    @Test func redProjectsCarryTheirCauses() throws {
        let c = try Self.content(projects: Self.calm + [Self.project("R")],
                                 reports: Self.calmReports + [Self.report("R", "2026-11", .red, schedule: .red, progress: 20)])
        let e = try #require(c.explanations["R"])
        #expect(e.causes.first == .reported(.schedule, .red))
        let text = MonthlyReport.render(c, format: .text, strings: .german)
        #expect(text.contains("      Warum: Zeitplan rot (laut Bericht); Fortschritt 20 % statt erwartet"))
        let json = MonthlyReport.render(c, format: .json, strings: .german)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let red = try #require((object["redProjects"] as? [[String: Any]])?.first)
        let why = try #require(red["why"] as? [String: Any])
        #expect((why["causes"] as? [[String: Any]])?.first?["aspect"] as? String == "schedule")
        #expect(object["attention"] as? [String] == ["R"])
    }

    @Test func anOfficeSeesOnlyItsProjects() throws {
        let projects = Self.calm + [Self.project("R1", owner: "Amt A"), Self.project("R2", owner: "Amt B")]
        let reports = Self.calmReports + [Self.report("R1", "2026-11", .red), Self.report("R2", "2026-11", .red)]
        let b = try Self.content(projects: projects, reports: reports, office: "Amt B")
        #expect(b.red.map(\.project.id) == ["R2"])
        #expect(b.attention == ["R2"])
        #expect(b.figures.projectCount == 1)
        #expect(MonthlyReport.render(b, format: .markdown, strings: .german).hasPrefix("# Portfolio-Bericht 11/2026 · Amt B\n"))
        let all = try Self.content(projects: projects, reports: reports)
        #expect(all.attention == ["R1", "R2"])
    }

    // MARK: Golden files

    /// A month with a bit of everything: red with causes, worse, missing, decisions due.
    static var mixed: MonthlyReport.Content {
        get throws {
            try content(projects: calm + [project("R", end: "2027-03"), project("W", end: "2027-09"), project("M")],
                        reports: calmReports + [
                            report("R", "2026-10", .yellow), report("R", "2026-11", .red, schedule: .red, progress: 40, spent: 120_000),
                            report("W", "2026-10", .green), report("W", "2026-11", .yellow),
                            report("M", "2026-09", .green),
                        ])
        }
    }

    func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFile.check(actual, folder: "Reports", named: name, sourceLocation: sourceLocation)
    }

    @Test func everyFormatMatchesItsGoldenFile() throws {
        let c = try Self.mixed
        #expect(c.attention == ["M", "R", "W"])
        assertGolden(MonthlyReport.render(c, format: .text, strings: .german), named: "monthly-de.txt")
        assertGolden(MonthlyReport.render(c, format: .markdown, strings: .english), named: "monthly-en.md")
        assertGolden(MonthlyReport.render(c, format: .json, strings: .german), named: "monthly.json")
    }
}

import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// The filters, trends, due day and one office's overview: every engine answers as
/// `InMemoryPortfolio` does, and the answers are not empty where the data says they
/// should hold something (so that agreement is not agreement on nothing).
@Suite struct FilterContractTests {
    static let synthetic = ReaderContractTests.synthetic
    static let sample = ReaderContractTests.sample

    /// Queries built from the portfolio's own values: each filter alone and combined.
    static func filterQueries(_ p: Portfolio) -> [PortfolioQuery] {
        let office = p.projects.map(\.owner).sorted().first ?? "-"
        let municipality = p.municipalities.map(\.id).sorted().first ?? "-"
        let field = p.projects.map(\.field).first ?? .work
        var out: [PortfolioQuery] = [
            PortfolioQuery(field: field), PortfolioQuery(phase: .transfer), PortfolioQuery(municipality: municipality),
            PortfolioQuery(office: office), PortfolioQuery(office: "Kein solches Amt"), PortfolioQuery(needsAttention: true),
            PortfolioQuery(sort: .light, lightFilter: .redOnly, office: office),
            PortfolioQuery(sort: .fundingEnd, descending: true, phase: .experimentation, needsAttention: true),
            PortfolioQuery(search: "a", sort: .budgetUse, field: field, municipality: municipality),
            PortfolioQuery(search: "buerger"), PortfolioQuery(search: "strasse"), PortfolioQuery(search: "burger"),
        ]
        for light in PortfolioQuery.LightFilter.allCases {
            out.append(PortfolioQuery(sort: .progress, lightFilter: light, needsAttention: light.rawValue % 2 == 0))
        }
        return out
    }

    /// A day before the month's due date and one after it.
    static func days(after month: YearMonth) -> [ReportDue?] {
        [nil, ReportDue(today: CalendarDay(month.next, day: 3)), ReportDue(today: CalendarDay(month.next, day: 11)),
         ReportDue(today: CalendarDay(month.next, day: 20), dueDay: 25)]
    }

    func expectSameAnswers(_ engine: any PortfolioReader, as p: Portfolio) throws {
        let reference = InMemoryPortfolio(p)
        for month in ReaderContractTests.months(of: p) {
            for due in Self.days(after: month) {
                for query in Self.filterQueries(p) {
                    let rows = ScreenDataRequest(rows: RowRequest(month: month, query: query, limit: 100_000, due: due))
                    #expect(try engine.answer(rows).rows == reference.answer(rows).rows, "rows \(month) \(query) \(String(describing: due))")
                    for limit in [nil, 2] as [Int?] {
                        let overview = ScreenDataRequest(overview: month, listLimit: limit).overview(filter: query, due: due)
                        #expect(try engine.answer(overview).overview == reference.answer(overview).overview,
                                "overview \(month) \(query) \(String(describing: due)) limit \(String(describing: limit))")
                    }
                }
            }
        }
    }

    @Test(arguments: EngineUnderTest.all)
    func filtersTrendsAndDueDaysAnswerAsTheReference(_ engine: EngineUnderTest) throws {
        for p in [Self.sample, Self.synthetic] {
            let (store, _, cleanup) = try engine.make()
            defer { cleanup() }
            try store.replaceAll(with: p, by: "contract")
            try expectSameAnswers(store, as: p)
        }
    }

    /// The data really exercises what is compared: some rows have trends, some projects
    /// need attention, one office's overview counts fewer projects than the whole.
    @Test(arguments: EngineUnderTest.all)
    func theComparedAnswersHoldSomething(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        let p = Self.synthetic
        try store.replaceAll(with: p, by: "contract")
        let month = try #require(p.latestReportMonth)
        let all = try #require(try store.answer(ScreenDataRequest(rows: RowRequest(month: month, limit: 10_000))).rows)
        #expect(all.rows.contains { $0.lightTrend == .worse } && all.rows.contains { $0.lightTrend == .better })
        #expect(all.rows.allSatisfy { $0.recentLights.count == ProjectRow.recentMonths })
        #expect(all.rows.contains { $0.recentLights.compactMap { $0 }.count >= 6 })
        let attention = try #require(try store.answer(ScreenDataRequest(rows: RowRequest(
            month: month, query: PortfolioQuery(needsAttention: true), limit: 10_000))).rows)
        #expect(attention.matching > 0 && attention.matching < all.matching)

        let office = try #require(p.projects.map(\.owner).sorted().first)
        let whole = try #require(try store.answer(ScreenDataRequest(overview: month)).overview)
        let one = try #require(try store.answer(ScreenDataRequest(overview: month)
            .overview(filter: PortfolioQuery(office: office))).overview)
        #expect(one.projectCount == p.projects.filter { $0.owner == office }.count)
        #expect(one.projectCount > 0 && one.projectCount < whole.projectCount)
    }

    /// Before the due day a month's unsent reports are not yet due: nothing is missing, the
    /// lights count them apart; after it they are missing as without a due rule.
    @Test(arguments: EngineUnderTest.all)
    func theDueDayDecidesWhenAReportIsMissing(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        var p = Self.synthetic
        let month = try #require(p.latestReportMonth)
        // Some projects have not yet reported for the month.
        let late = Set(p.projects.map(\.id).sorted().prefix(7))
        p.reports.removeAll { late.contains($0.projectID) && $0.month == month }
        try store.replaceAll(with: p, by: "contract")

        let early = ReportDue(today: CalendarDay(month.next, day: 10))
        let overdue = ReportDue(today: CalendarDay(month.next, day: 11))
        let before = try #require(try store.answer(ScreenDataRequest(overview: month).overview(filter: nil, due: early)).overview)
        let after = try #require(try store.answer(ScreenDataRequest(overview: month).overview(filter: nil, due: overdue)).overview)
        let plain = try #require(try store.answer(ScreenDataRequest(overview: month)).overview)
        #expect(before.lights.missing == 0 && before.reportsMissing.isEmpty && before.reportsMissingCount == 0)
        #expect(before.reportsNotYetDue >= late.count)
        #expect(before.lights.reported == after.lights.reported)
        #expect(after == plain)
        #expect(after.lights.missing == before.reportsNotYetDue && after.reportsNotYetDue == 0)

        let missingRows = { (due: ReportDue) in
            try store.answer(ScreenDataRequest(rows: RowRequest(
                month: month, query: PortfolioQuery(lightFilter: .reportMissing), limit: 10_000, due: due))).rows?.matching
        }
        #expect(try missingRows(early) == 0)
        #expect(try missingRows(overdue) == after.reportsMissingCount)
        // An earlier month's due date passed long ago: it behaves as without a due rule.
        let older = ScreenDataRequest(overview: month.adding(months: -2))
        #expect(try store.answer(older.overview(filter: nil, due: early)).overview == store.answer(older).overview)
    }
}

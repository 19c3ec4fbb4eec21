import Foundation
import Testing
import LotseDomain
@testable import LotseStore

/// After every kind of write, the engine's answers equal the reference's on the portfolio
/// as it should now be: the summaries an engine keeps must follow every write at once.
@Suite struct WriteContractTests {
    static let base = ReaderContractTests.synthetic

    func check(_ store: any PortfolioReader, _ expected: Portfolio, months: [YearMonth],
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = InMemoryPortfolio(expected)
        for month in months {
            let request = ScreenDataRequest(
                overview: month, rows: RowRequest(month: month, query: PortfolioQuery(sort: .light), limit: 10_000))
            let got = try store.answer(request), want = try reference.answer(request)
            #expect(got.overview == want.overview, "overview \(month)", sourceLocation: sourceLocation)
            #expect(got.rows == want.rows, "rows \(month)", sourceLocation: sourceLocation)
            // The radar, of the whole portfolio and of one office: an engine may keep the
            // project's budget and office with its status.
            let offices: [String?] = [nil] + Set(expected.projects.map(\.owner)).sorted().prefix(2).map { $0 }
            for office in offices {
                var radar = ScreenDataRequest()
                radar.radar = month
                radar.overviewFilter = office.map { PortfolioQuery(office: $0) }
                #expect(try store.answer(radar).radar == reference.answer(radar).radar,
                        "radar \(month) office \(office ?? "-")", sourceLocation: sourceLocation)
            }
            // What turned worse compares the newest report with the one before it, which
            // an engine may keep with the project's status.
            for filter in [PortfolioQuery.LightFilter.redOrWorse, .all] {
                let worse = ScreenDataRequest(rows: RowRequest(month: month, query: PortfolioQuery(
                    lightFilter: filter, needsAttention: filter == .all), limit: 10_000))
                #expect(try store.answer(worse).rows == reference.answer(worse).rows,
                        "\(filter) rows \(month)", sourceLocation: sourceLocation)
            }
            // Every project is still found by its name after the write (the search text is
            // kept with the project, whatever its reports do).
            for project in expected.projects {
                let found = ScreenDataRequest(rows: RowRequest(month: month, query: PortfolioQuery(search: project.name),
                                                               limit: 10_000))
                let ids = try store.answer(found).rows?.rows.map(\.id) ?? []
                let wanted = try reference.answer(found).rows?.rows.map(\.id) ?? []
                #expect(ids == wanted && ids.contains(project.id),
                        "search for \(project.name) in \(month)", sourceLocation: sourceLocation)
            }
        }
    }

    /// `p` with `report` in place of the report of the same project and month, if any.
    func replacing(_ report: StatusReport, in p: Portfolio) -> Portfolio {
        var p = p
        p.reports.removeAll { $0.projectID == report.projectID && $0.month == report.month }
        p.reports.append(report)
        return p
    }

    @Test(arguments: EngineUnderTest.all)
    func submittingANewReportUpdatesEveryAnswer(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!
        let reported = Set(Self.base.reports.filter { $0.month == month }.map(\.projectID))
        let project = try #require(Self.base.projects.sorted { $0.id < $1.id }.first {
            !reported.contains($0.id) && $0.expectsReport(in: month)
        })
        let report = StatusReport(projectID: project.id, month: month, overall: .red, schedule: .red, cost: .yellow,
                                  results: .green, progress: 42, spent: Money(euros: 123_456), author: "contract",
                                  submittedAt: Fixture.clock())
        try store.submit(report, readings: [], expecting: nil, by: "contract")
        try check(store, replacing(report, in: Self.base), months: [month.adding(months: -2), month, month.next])
    }

    /// A yellow report after a green one turns the project worse; correcting the green one
    /// to yellow takes that back. Both writes change only the light before the newest.
    @Test(arguments: EngineUnderTest.all)
    func aYellowReportAfterAGreenOneIsWorseUntilTheGreenOneIsCorrected(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!
        let green = try #require(Self.base.reports.sorted { $0.projectID < $1.projectID }.first { report in
            report.month == month && report.overall == .green
                && Self.base.projects.contains { $0.id == report.projectID && $0.expectsReport(in: month.next) }
        })
        var yellow = green
        yellow.month = month.next
        yellow.overall = .yellow
        try store.submit(yellow, readings: [], expecting: nil, by: "contract")
        var expected = replacing(yellow, in: Self.base)
        let worse = ScreenDataRequest(rows: RowRequest(month: month.next, query: PortfolioQuery(lightFilter: .redOrWorse),
                                                       limit: 10_000))
        #expect(try store.answer(worse).rows?.rows.contains { $0.id == green.projectID } == true)
        try check(store, expected, months: [month, month.next])

        var corrected = green
        corrected.overall = .yellow
        let version = try store.reportVersion(projectID: green.projectID, month: month)
        try store.submit(corrected, readings: [], expecting: version, by: "contract")
        expected = replacing(corrected, in: expected)
        #expect(try store.answer(worse).rows?.rows.contains { $0.id == green.projectID } == false)
        try check(store, expected, months: [month, month.next])
    }

    @Test(arguments: EngineUnderTest.all)
    func correctingAnOldReportChangesTheMonthsAfterIt(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!.adding(months: -4)
        var report = try #require(Self.base.reports.sorted { ($0.projectID, $0.month) < ($1.projectID, $1.month) }
            .first { $0.month == month && $0.overall != .red })
        report.overall = .red
        report.spent = Money(cents: report.spent.cents + 9_999_999)
        let version = try store.reportVersion(projectID: report.projectID, month: month)
        try store.submit(report, readings: [], expecting: version, by: "contract")
        try check(store, replacing(report, in: Self.base),
                  months: [month.previous, month, month.next, Self.base.latestReportMonth!])

        report.overall = .green
        try store.save(report: report, by: "contract")
        try check(store, replacing(report, in: Self.base), months: [month, Self.base.latestReportMonth!])
    }

    @Test(arguments: EngineUnderTest.all)
    func replacingThePortfolioReplacesEveryAnswer(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let sample = ReaderContractTests.sample
        try store.replaceAll(with: sample, by: "contract")
        try check(store, sample, months: [sample.latestReportMonth!, sample.latestReportMonth!.adding(months: -7)])
        try store.replaceAll(with: Portfolio(), by: "contract")
        try check(store, Portfolio(), months: [sample.latestReportMonth!])
    }

    /// A continuation decision is the project's at once: a project that stops owes no
    /// report after its funding ends, and every answer counts it so.
    @Test(arguments: EngineUnderTest.all)
    func aContinuationDecisionChangesEveryAnswer(_ engine: EngineUnderTest) throws {
        let (store, _, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!
        let project = try #require(Self.base.projects.sorted { $0.id < $1.id }.first {
            $0.continuation != .stop && $0.fundingEnd != nil
        })
        let review = ContinuationReview(projectID: project.id, decision: .stop, decidedBy: "Gemeinderat",
                                        decidedOn: Date(timeIntervalSince1970: 1_700_000_000))
        try store.submitContinuation(review, expecting: nil, by: "contract")
        var expected = Self.base
        let index = try #require(expected.projects.firstIndex { $0.id == project.id })
        expected.projects[index].continuation = .stop
        #expect(try store.loadPortfolio().projects.first { $0.id == project.id } == expected.projects[index])
        try check(store, expected, months: [month, project.fundingEnd!.next])

        var scaled = ContinuationReview(projectID: project.id, decision: .scaleAndTransfer, decidedBy: "Gemeinderat",
                                        decidedOn: Date(timeIntervalSince1970: 1_700_000_000))
        scaled.basicComponent = true
        try store.submitContinuation(scaled, expecting: 1, by: "contract")
        expected.projects[index].continuation = .scaleAndTransfer
        expected.projects[index].basicComponentCandidate = true
        try check(store, expected, months: [month])
    }

    /// The table asked for before and after a write, its own or another connection's,
    /// shows the write: nothing an engine keeps between questions may go stale.
    @Test(arguments: EngineUnderTest.all)
    func theSameQuestionAfterAWriteSeesTheWrite(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!
        let request = ScreenDataRequest(rows: RowRequest(month: month, query: PortfolioQuery(sort: .light), offset: 40,
                                                         limit: 20))
        var expected = Self.base
        #expect(try store.answer(request) == InMemoryPortfolio(expected).answer(request))

        var mine = try #require(expected.reports.sorted { $0.projectID < $1.projectID }.first { $0.month == month })
        mine.overall = mine.overall == .red ? .green : .red
        try store.submit(mine, readings: [], expecting: try store.reportVersion(projectID: mine.projectID, month: month),
                         by: "contract")
        expected = replacing(mine, in: expected)
        #expect(try store.answer(request) == InMemoryPortfolio(expected).answer(request), "after its own write")

        let other = try reconnect()
        var theirs = try #require(expected.reports.sorted { $0.projectID > $1.projectID }.first { $0.month == month })
        theirs.overall = theirs.overall == .red ? .green : .red
        try other.submit(theirs, readings: [], expecting: try other.reportVersion(projectID: theirs.projectID, month: month),
                         by: "other")
        expected = replacing(theirs, in: expected)
        #expect(try store.answer(request) == InMemoryPortfolio(expected).answer(request), "after another's write")
    }

    /// A search being typed while another connection renames projects: the letters typed
    /// after the rename find the new names, not the ones the engine read before.
    @Test(arguments: EngineUnderTest.all)
    func aSearchTypedWhileAnotherConnectionRenamesFindsTheNewNames(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let month = Self.base.latestReportMonth!
        func rows(_ search: String) throws -> [String] {
            try store.answer(ScreenDataRequest(rows: RowRequest(month: month, query: PortfolioQuery(search: search),
                                                                limit: 10_000))).rows?.rows.map(\.id) ?? []
        }
        func expected(_ search: String, _ p: Portfolio) throws -> [String] {
            try InMemoryPortfolio(p).answer(ScreenDataRequest(rows: RowRequest(month: month, query: PortfolioQuery(search: search),
                                                                               limit: 10_000))).rows?.rows.map(\.id) ?? []
        }
        #expect(try rows("q") == expected("q", Self.base))
        #expect(try rows("qj") == [])

        var renamed = Self.base
        for i in renamed.projects.indices where i % 7 == 0 { renamed.projects[i].name += " Qjx" }
        try reconnect().replaceAll(with: renamed, by: "other")
        for search in ["q", "qj", "qjx", "qj", ""] {
            let got = try rows(search)
            #expect(got == (try expected(search, renamed)), "\(search)")
            if search.hasPrefix("qj") { #expect(got.count == renamed.projects.indices.filter { $0 % 7 == 0 }.count) }
        }
    }

    /// Another connection's commit moves the change token; reading does not, nor does
    /// the connection's own write.
    @Test(arguments: EngineUnderTest.all)
    func theChangeTokenMovesWhenAnotherConnectionWrites(_ engine: EngineUnderTest) throws {
        let (store, reconnect, cleanup) = try engine.make()
        defer { cleanup() }
        try store.replaceAll(with: Self.base, by: "contract")
        let other = try reconnect()
        let before = try store.changeToken()
        _ = try store.answer(ScreenDataRequest(overview: Self.base.latestReportMonth!))
        _ = try other.answer(ScreenDataRequest(overview: Self.base.latestReportMonth!))
        #expect(try store.changeToken() == before, "reading changes nothing")

        let month = Self.base.latestReportMonth!
        let report = try #require(Self.base.reports.first { $0.month == month })
        var changed = report
        changed.progress = report.progress == 100 ? 99 : report.progress + 1
        try other.submit(changed, readings: [], expecting: try other.reportVersion(projectID: report.projectID, month: month),
                         by: "other")
        // A server announces the commit a moment later: noticed within the 3 s a dashboard
        // may take (SQLite at once).
        var after = try store.changeToken()
        let deadline = Date().addingTimeInterval(3)
        while after == before, Date() < deadline {
            usleep(10_000)
            after = try store.changeToken()
        }
        #expect(after != before, "another connection's write is noticed")
        #expect(try store.changeToken() == after, "and noticed once")
        let rows = try store.answer(ScreenDataRequest(rows: RowRequest(month: month, limit: 10_000))).rows
        #expect(rows?.rows.first { $0.id == report.projectID }?.progress == changed.progress)
    }
}
